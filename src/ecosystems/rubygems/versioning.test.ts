import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Version as RenovateGemVersion } from '@renovatebot/ruby-semver/dist/ruby/version.js';
import { sign, testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

/** Gem::Version-shaped strings: a number, dot segments of digits and letters, an optional `-` part. */
function gemVersion(num: fc.Arbitrary<string>, word: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const segment = fc.oneof(num, word, fc.tuple(word, num).map(([w, n]) => w + n), fc.tuple(num, word).map(([n, w]) => n + w));
  return fc
    .tuple(num, fc.array(segment, { maxLength: 4 }), fc.option(fc.array(fc.oneof(num, word), { minLength: 1, maxLength: 2 }), { freq: 4 }))
    .map(([head, rest, pre]) => [head, ...rest].join('.') + (pre ? `-${pre.join('.')}` : ''));
}

const num = fc.oneof(fc.constantFrom('0', '00', '1', '01', '2', '10'), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String));
const word = fc.constantFrom('a', 'b', 'pre', 'rc', 'beta', 'A', 'Z');

testVersionScheme('rubygems', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 110,
  versions: gemVersion(num, word),
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
