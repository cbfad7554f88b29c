import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import semver from 'semver';
import { semverText, sign, testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Few distinct values, so that generated triples often share a core, a pre-release or a build prefix; leading zeros,
// signs, hex and int64 overflow are pub_semver's own quirks and belong in the mix.
const num = fc.oneof(fc.constantFrom('0', '1', '01', '2', '10', '9223372036854775807'), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String));
const part = fc.oneof(
  fc.constantFrom('0', '00', '1', '01', '2', '10', 'a', 'alpha', 'beta', 'A', '-', '-1', '0x10', '16', '0x', 'x-y', '9223372036854775808'),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
);
const parts = fc.array(part, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));

testVersionScheme('pub', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 75,
  versions: semverText(num, parts, parts),
  parseNeverThrows: { text: fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}(?:[-+][0-9a-zA-Z.+x-]{0,10})?$/)), numRuns: 3000 },
});

// Without pub's quirks (leading zeros, signs, hex, huge numbers), pub_semver orders like node-semver's compareBuild:
// precedence first, then no build < any build, build identifiers compared like pre-release ones.
const plainNum = fc.constantFrom('0', '1', '2', '10');
const plainPart = fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'A', 'x-y', '0a');
const plainParts = fc.array(plainPart, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const plainVersion = semverText(plainNum, plainParts, plainParts);

test('pub: agrees with node-semver compareBuild on plain versions', () => {
  fc.assert(
    fc.property(plainVersion, plainVersion, (x, y) => {
      const [a, b] = [scheme.parse(x), scheme.parse(y)];
      assert.ok(a && b);
      assert.equal(sign(scheme.compare(a, b)), semver.compareBuild(x, y), `${x} vs ${y}`);
    }),
    { numRuns: 3000 },
  );
});
