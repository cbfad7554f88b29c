import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolateString } from './interpolate.js';

const env = { SET: 'value', EMPTY: '', NUM: '42' };

describe('compose interpolation (compose-go template rules)', () => {
  const cases: [string, string, { unset?: string[]; errors?: number }?][] = [
    ['plain text', 'plain text'],
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a${SET}b$SET.c', 'avaluebvalue.c'],
    ['$UNSET', '', { unset: ['UNSET'] }],
    ['${UNSET}', '', { unset: ['UNSET'] }],
    ['${UNSET:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${UNSET-def}', 'def'],
    ['${SET:-def}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${SET}}', 'value'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-${ALSO_UNSET}}', '', { unset: ['ALSO_UNSET'] }],
    ['${UNSET:-a:b-c}', 'a:b-c'],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['cost: 5$', 'cost: 5$'],
    ['echo $1 $@', 'echo $1 $@'],
    ['${SET:?need it}', 'value'],
    ['${UNSET:?need it}', '', { errors: 1 }],
    ['${EMPTY:?need it}', '', { errors: 1 }],
    ['${EMPTY?need it}', ''],
    ['${UNSET?}', '', { errors: 1 }],
    ['${1BAD}', '${1BAD}', { errors: 1 }],
    ['${UNCLOSED', '${UNCLOSED', { errors: 1 }],
    ['${NUM}0', '420'],
  ];
  for (const [input, want, extra] of cases) {
    it(`${input} → ${JSON.stringify(want)}`, () => {
      const r = interpolateString(input, env);
      assert.equal(r.value, want);
      assert.deepEqual(r.unset, extra?.unset ?? []);
      assert.equal(r.errors.length, extra?.errors ?? 0, r.errors.join('; '));
    });
  }

  it('reports whether anything was substituted (a `$$` escape alone is not)', () => {
    assert.equal(interpolateString('$$HOME', env).substituted, false);
    assert.equal(interpolateString('${UNSET:-x}', env).substituted, true);
  });

  it('the required-variable message names the variable and carries the text', () => {
    assert.deepEqual(interpolateString('${DB:?set DB in .env}', {}).errors, ['required variable DB is missing a value: set DB in .env']);
  });

  it('hostile nesting is refused, not recursed into without end', () => {
    const deep = '${A:-'.repeat(5000) + 'x' + '}'.repeat(5000);
    const r = interpolateString(deep, {});
    assert.ok(r.errors.length > 0);
  });

  it('a long string with many references stays linear', () => {
    const s = '$SET '.repeat(200_000);
    const t0 = performance.now();
    const r = interpolateString(s, env);
    assert.equal(r.value.length, 'value '.length * 200_000);
    assert.ok(performance.now() - t0 < 2000);
  });
});
