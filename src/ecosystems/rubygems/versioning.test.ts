import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Version as RenovateGemVersion } from '@renovatebot/ruby-semver/dist/ruby/version.js';
import { checkVersionPairs } from '../_lib/version-pairs.js';
import { scheme } from './versioning.js';

const FIXTURE = new URL('./fixtures/versions.txt', import.meta.url);

test('rubygems: every line of fixtures/versions.txt holds', () => {
  const { checked, failures } = checkVersionPairs(scheme, readFileSync(FIXTURE, 'utf8'), 'src/ecosystems/rubygems/fixtures/versions.txt');
  assert.deepEqual(failures, []);
  // Guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing).
  assert.ok(checked >= 110, `only ${checked} lines checked`);
});

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

/** Gem::Version-shaped strings: a number, dot segments of digits and letters, an optional `-` part. */
function gemVersion(num: fc.Arbitrary<string>, word: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const segment = fc.oneof(num, word, fc.tuple(word, num).map(([w, n]) => w + n), fc.tuple(num, word).map(([n, w]) => n + w));
  return fc
    .tuple(num, fc.array(segment, { maxLength: 4 }), fc.option(fc.array(fc.oneof(num, word), { minLength: 1, maxLength: 2 }), { freq: 4 }))
    .map(([head, rest, pre]) => [head, ...rest].join('.') + (pre ? `-${pre.join('.')}` : ''));
}

const num = fc.oneof(fc.constantFrom('0', '00', '1', '01', '2', '10'), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String));
const word = fc.constantFrom('a', 'b', 'pre', 'rc', 'beta', 'A', 'Z');

test('rubygems: compare is a total preorder over generated versions', () => {
  const version = gemVersion(num, word);
  fc.assert(
    fc.property(version, version, version, (x, y, z) => {
      const [a, b, c] = [scheme.parse(x), scheme.parse(y), scheme.parse(z)];
      assert.ok(a && b && c, `unparsable among ${x} ${y} ${z}`);
      assert.equal(scheme.compare(a, a), 0);
      const ab = sign(scheme.compare(a, b));
      assert.ok(ab === -sign(scheme.compare(b, a)), `${x} vs ${y} is not antisymmetric`);
      const bc = sign(scheme.compare(b, c));
      const ac = sign(scheme.compare(a, c));
      if (ab <= 0 && bc <= 0) assert.ok(ac <= 0, `${x} <= ${y} <= ${z} but not ${x} <= ${z}`);
      if (ab === 0 && bc === 0) assert.ok(ac === 0, `${x} == ${y} == ${z} but not ${x} == ${z}`);
    }),
    { numRuns: 3000 },
  );
});

// @renovatebot/ruby-semver ports Gem::Version with JS numbers and disagrees with RubyGems on letter case (bench/version-refs
// found `1.0.Z` vs `1.0.a.b`); on lower-case letters and small numbers it is an independent check.
test('rubygems: agrees with @renovatebot/ruby-semver on lower-case versions with small numbers', () => {
  const version = gemVersion(fc.constantFrom('0', '00', '1', '01', '2', '10'), fc.constantFrom('a', 'b', 'pre', 'rc', 'beta'));
  fc.assert(
    fc.property(version, version, (x, y) => {
      const [a, b] = [scheme.parse(x), scheme.parse(y)];
      const [ra, rb] = [RenovateGemVersion.create(x), RenovateGemVersion.create(y)];
      assert.ok(a && b && ra && rb);
      assert.equal(sign(scheme.compare(a, b)), sign(ra.compare(rb)), `${x} vs ${y}`);
    }),
    { numRuns: 3000 },
  );
});

test('rubygems: parse agrees with @renovatebot/ruby-semver on validity, and never throws', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9a-z.+-]{1,12}$/), (s) => {
      assert.equal(scheme.parse(s) !== undefined, RenovateGemVersion.isCorrect(s), s);
    }),
    { numRuns: 5000 },
  );
});
