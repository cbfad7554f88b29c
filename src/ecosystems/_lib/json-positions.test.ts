import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { JsonValue } from './json-positions.js';
import { JsonArray, JsonObject, keyPath, parseJsonWithKeyPositions, parseJsonWithPositions } from './json-positions.js';

/** Back to plain values, to compare with JSON.parse. */
function plain(v: JsonValue): unknown {
  if (v instanceof JsonArray) return v.items.map(plain);
  if (v instanceof JsonObject) {
    const o: Record<string, unknown> = {};
    for (const [k, m] of v.members) Object.defineProperty(o, k, { value: plain(m.value), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

function must<T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('parseJsonWithPositions', () => {
  it('records the line, column and end of each key', () => {
    const text = '{\n  "a": {\n\t"b" : [1, {"c": null}],\n    "\\u00e9\\"": true\n  }\n}';
    const root = must(parseJsonWithPositions(text)).value as JsonObject;
    const a = root.members.get('a')!;
    assert.deepEqual([a.line, a.column, a.endColumn], [2, 3, 6]);
    const inner = a.value as JsonObject;
    const b = inner.members.get('b')!;
    assert.deepEqual([b.line, b.column, b.endColumn], [3, 2, 5]);
    const e = inner.members.get('é"')!;
    assert.deepEqual([e.line, e.column], [4, 5]);
    const c = ((b.value as JsonArray).items[1] as JsonObject).members.get('c')!;
    assert.deepEqual([c.line, c.column], [3, 13]);
    assert.deepEqual([inner.line, inner.column], [2, 8]);
  });

  it('reads the same values as JSON.parse (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const r = parseJsonWithPositions(text);
        assert.ok(r.ok, text);
        assert.deepEqual(plain(r.value.value), JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON.parse rejects (property over mutated documents)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '\n'), (value, at, insert) => {
        const base = JSON.stringify(value);
        const text = base.slice(0, at % (base.length + 1)) + insert + base.slice(at % (base.length + 1));
        let expected = true;
        try {
          JSON.parse(text);
        } catch {
          expected = false;
        }
        assert.equal(parseJsonWithPositions(text).ok, expected, text);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects the usual mistakes JSON.parse rejects, and keeps a __proto__ key as data', () => {
    for (const bad of ['{', '{"a":1,}', '[1,]', '{"a" 1}', '"\\x"', '01', '{"a":1} x', '"\u0001"', 'tru', '{a:1}']) {
      assert.equal(parseJsonWithPositions(bad).ok, false, bad);
      assert.throws(() => JSON.parse(bad) as unknown);
    }
    const proto = must(parseJsonWithPositions('{"__proto__": {"polluted": true}}'));
    assert.deepEqual(plain((proto.value as JsonObject).get('__proto__')!), { polluted: true });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('keeps the last of duplicate keys, as JSON.parse does, and lists the duplicates', () => {
    const r = must(parseJsonWithPositions('{"a": 1,\n "a": 2}'));
    assert.equal((r.value as JsonObject).get('a'), 2);
    assert.deepEqual(r.duplicates.map((d) => [d.key, d.line, d.column]), [['a', 2, 2]]);
  });

  it('accepts comments and trailing commas only in jsonc mode', () => {
    const text = '{\n  // bun writes none, but editors do\n  "a": [1, 2,], /* block\n comment */ "b": {"c": 1,},\n}';
    assert.equal(parseJsonWithPositions(text).ok, false);
    const r = must(parseJsonWithPositions(text, { jsonc: true }));
    assert.deepEqual(plain(r.value), { a: [1, 2], b: { c: 1 } });
    assert.equal((r.value as JsonObject).members.get('b')!.line, 4);
    const open = parseJsonWithPositions('{"a": 1 /* never closed', { jsonc: true });
    assert.deepEqual(open, { ok: false, error: { message: 'comment is not closed with */ before the end of the file', line: 1, column: 9 } });
  });

  it('says what is wrong and where', () => {
    const cases: [string, string, number, number][] = [
      ['', 'the file is empty: expected a JSON value', 1, 1],
      ['{"a": tru}', "expected a value, found 't'", 1, 7],
      ['{"a" 1}', `expected ':' after property name "a", found '1'`, 1, 6],
      ['{a: 1}', "expected a quoted property name, found 'a'", 1, 2],
      ['[1 2]', "expected ',' or ']' after an array item, found '2'", 1, 4],
      ['{"a": "x\ny"}', 'string is not closed on its line', 1, 7],
      ['{"a": "x\ty"}', 'string holds a raw control character (write it as an escape)', 1, 7],
      ['"\\q"', 'invalid escape \\q in string', 1, 2],
      ['{} {}', "unexpected '{' after the end of the JSON value", 1, 4],
      ['[\n  {"a": 1}\n', 'unexpected end of file: the array opened at line 1, column 1 is not closed', 3, 1],
      ['01', "unexpected '1' after the end of the JSON value", 1, 2],
    ];
    for (const [text, message, line, column] of cases) assert.deepEqual(parseJsonWithPositions(text), { ok: false, error: { message, line, column } }, JSON.stringify(text));
  });

  it('stops at the nesting limit instead of recursing', () => {
    const r = parseJsonWithPositions('['.repeat(5000) + ']'.repeat(5000));
    assert.deepEqual(r, { ok: false, error: { message: 'objects and arrays are nested deeper than 1000 levels', line: 1, column: 1001 } });
    assert.equal(parseJsonWithPositions('['.repeat(1000) + ']'.repeat(1000)).ok, true);
  });
});

describe('parseJsonWithKeyPositions', () => {
  it('records keys under the wanted parents by their path, skipping paths through arrays', () => {
    const text = '{\n  "packages": {\n    "a": {"dependencies": {"x": "1"}},\n    "b": 1\n  },\n  "list": [{"packages": {"no": 1}}]\n}';
    const r = must(parseJsonWithKeyPositions(text, new Set(['packages', 'dependencies'])));
    assert.deepEqual([...r.keys.entries()], [
      [keyPath(['packages', 'a']), { line: 3, column: 5, endColumn: 8 }],
      [keyPath(['packages', 'a', 'dependencies', 'x']), { line: 3, column: 28, endColumn: 31 }],
      [keyPath(['packages', 'b']), { line: 4, column: 5, endColumn: 8 }],
    ]);
  });

  it('decodes escaped keys so paths match the parsed values', () => {
    const r = must(parseJsonWithKeyPositions('{"packages": {"a\\u002fb": 1}}', new Set(['packages'])));
    assert.deepEqual([...r.keys.keys()], [keyPath(['packages', 'a/b'])]);
    assert.deepEqual(r.value, { packages: { 'a/b': 1 } });
  });

  it('reports syntax errors with the slow reader\'s position', () => {
    assert.deepEqual(parseJsonWithKeyPositions('{\n  "a": [1,\n}', new Set()), { ok: false, error: { message: "expected a value, found '}'", line: 3, column: 1 } });
  });

  const corpus = join(import.meta.dirname, '../../../..', 'shared/corpus/lockfiles/npm');
  it('agrees with the slow reader on every corpus package-lock key position', { skip: !existsSync(corpus) && 'corpus not present' }, () => {
    let checked = 0;
    for (const d of readdirSync(corpus)) {
      const text = readFileSync(join(corpus, d, 'package-lock.json'), 'utf8');
      const fast = must(parseJsonWithKeyPositions(text, new Set(['packages'])));
      const slow = must(parseJsonWithPositions(text)).value as JsonObject;
      const packages = slow.get('packages');
      if (!(packages instanceof JsonObject)) continue;
      for (const [k, m] of packages.members) {
        assert.deepEqual(fast.keys.get(keyPath(['packages', k])), { line: m.line, column: m.column, endColumn: m.endColumn }, `${d}: ${k}`);
        checked++;
      }
    }
    assert.ok(checked > 10_000, `only ${checked} keys checked`);
  });
});
