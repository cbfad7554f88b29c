import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as pep440 from '@renovatebot/pep440';
import { sign, testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

/** A version's parts, rendered in one of PEP 440's many spellings. */
interface Parts {
  epoch: string | null;
  release: string[];
  pre: [string, string | null] | null;
  post: string | null;
  dev: string | null;
  local: string[] | null;
}

function parts(n: fc.Arbitrary<string>): fc.Arbitrary<Parts> {
  return fc.record({
    epoch: fc.option(n, { freq: 4 }),
    release: fc.array(n, { minLength: 1, maxLength: 4 }),
    pre: fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc'), fc.option(n)), { freq: 2 }),
    post: fc.option(n, { freq: 3 }),
    dev: fc.option(n, { freq: 3 }),
    local: fc.option(fc.array(fc.oneof(n, fc.constantFrom('abc', 'ubuntu', 'z')), { minLength: 1, maxLength: 3 }), { freq: 3 }),
  });
}

const SPELLING = { a: ['a', 'alpha', 'A', 'Alpha'], b: ['b', 'beta', 'B'], rc: ['rc', 'c', 'pre', 'preview', 'RC'] } as const;

/** Renders parts with random separators, letter spellings and case; every rendering is the same version. */
function render(p: Parts): fc.Arbitrary<string> {
  const sep = fc.constantFrom('', '.', '-', '_');
  return fc
    .record({ v: fc.constantFrom('', 'v'), s1: sep, s2: sep, s3: sep, s4: sep, s5: sep, letter: fc.nat(4), dash: fc.boolean(), localSep: fc.constantFrom('.', '-', '_') })
    .map(({ v, s1, s2, s3, s4, s5, letter, dash, localSep }) => {
      let out = `${v}${p.epoch !== null ? `${p.epoch}!` : ''}${p.release.join('.')}`;
      if (p.pre) {
        const names = SPELLING[p.pre[0] as keyof typeof SPELLING];
        out += `${s1}${names[letter % names.length]}${p.pre[1] !== null ? `${s2}${p.pre[1]}` : ''}`;
      }
      // `-N` is only a post-release right after the release or pre-release number.
      if (p.post !== null) out += dash && (p.pre === null || p.pre[1] !== null) ? `-${p.post}` : `${s3}post${s4}${p.post}`;
      if (p.dev !== null) out += `${s5}dev${p.dev}`;
      if (p.local) out += `+${p.local.join(localSep)}`;
      return out;
    });
}

const num = fc.oneof(fc.constantFrom('0', '1', '2', '00', '01', '10'), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String));

testVersionScheme('pypi', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 190,
  versions: parts(num).chain(render),
});

test('pypi: every spelling of a version is equal to every other', () => {
  fc.assert(
    fc.property(parts(num).chain((p) => fc.tuple(render(p), render(p))), ([x, y]) => {
      const [a, b] = [scheme.parse(x), scheme.parse(y)];
      assert.ok(a && b, `unparsable: ${x} or ${y}`);
      assert.equal(scheme.compare(a, b), 0, `${x} != ${y}`);
    }),
    { numRuns: 3000 },
  );
});

// @renovatebot/pep440 ports packaging's ordering with JS doubles: it agrees with packaging on every generated pair of
// bench/version-refs except those with numbers past 2^53, so it is an independent check on small numbers.
test('pypi: agrees with @renovatebot/pep440 on versions with small numbers', () => {
  const version = parts(fc.constantFrom('0', '1', '2', '01', '10')).chain(render);
  fc.assert(
    fc.property(version, version, (x, y) => {
      const [a, b] = [scheme.parse(x), scheme.parse(y)];
      assert.ok(a && b);
      assert.equal(sign(scheme.compare(a, b)), sign(pep440.compare(x, y)), `${x} vs ${y}`);
    }),
    { numRuns: 3000 },
  );
});

test('pypi: parse agrees with @renovatebot/pep440 on validity, and never throws', () => {
  fc.assert(
    fc.property(fc.oneof(fc.stringMatching(/^[0-9a-z.!+_-]{0,12}$/), fc.stringMatching(/^v?[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}[._-]?(?:a|b|rc|post|dev|r|c|pre)?[._-]?[0-9]?(?:\+[a-z0-9._-]{0,5})?$/)), (s) => {
      assert.equal(scheme.parse(s) !== undefined, pep440.valid(s) !== null, s);
    }),
    { numRuns: 5000 },
  );
});
