import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import semver from 'semver';
import { semverText, testAgreesWithNodeSemver, testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Few distinct values, so that generated triples often share a core or a pre-release prefix.
const num = fc.oneof(fc.constantFrom('0', '1', '2', '10'), fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String));
const ident = fc.oneof(fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'rc', 'A', '-', '0a', 'x-y'), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String));
const dotted = (n: number): fc.Arbitrary<string> => fc.array(ident, { minLength: 1, maxLength: n }).map((a) => a.join('.'));

testVersionScheme('hex', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 110,
  versions: semverText(num, dotted(3), dotted(2)),
});

testAgreesWithNodeSemver('hex', scheme);

test('hex: parse rejects what node-semver rejects, and never throws', () => {
  fc.assert(
    fc.property(fc.oneof(fc.stringMatching(/^[0-9a-uw-z.+-]{0,14}$/), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}(?:[-+][0-9a-uw-z.+-]{0,8})?$/)), (s) => {
      // node-semver also takes `v` and blanks, which the generator leaves out; below 2^53 the two must agree.
      assert.equal(scheme.parse(s) !== undefined, semver.valid(s) !== null, s);
    }),
    { numRuns: 5000 },
  );
});
