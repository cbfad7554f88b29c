import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import semver from 'semver';
import { checkVersionPairs } from '../_lib/version-pairs.js';
import { scheme } from './versioning.js';

const FIXTURE = new URL('./fixtures/versions.txt', import.meta.url);

test('pub: every line of fixtures/versions.txt holds', () => {
  const { checked, failures } = checkVersionPairs(scheme, readFileSync(FIXTURE, 'utf8'), 'src/ecosystems/pub/fixtures/versions.txt');
  assert.deepEqual(failures, []);
  // Guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing).
  assert.ok(checked >= 75, `only ${checked} lines checked`);
});

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
// Few distinct values, so that generated triples often share a core, a pre-release or a build prefix; leading zeros,
// signs, hex and int64 overflow are pub_semver's own quirks and belong in the mix.
const num = fc.oneof(fc.constantFrom('0', '1', '01', '2', '10', '9223372036854775807'), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String));
const part = fc.oneof(
  fc.constantFrom('0', '00', '1', '01', '2', '10', 'a', 'alpha', 'beta', 'A', '-', '-1', '0x10', '16', '0x', 'x-y', '9223372036854775808'),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
);
const parts = fc.array(part, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const version = fc
  .tuple(num, num, num, fc.option(parts), fc.option(parts))
  .map(([ma, mi, pa, pre, build]) => `${ma}.${mi}.${pa}${pre !== null ? `-${pre}` : ''}${build !== null ? `+${build}` : ''}`);

test('pub: compare is a total preorder over generated versions', () => {
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

// Without pub's quirks (leading zeros, signs, hex, huge numbers), pub_semver orders like node-semver's compareBuild:
// precedence first, then no build < any build, build identifiers compared like pre-release ones.
const plainNum = fc.constantFrom('0', '1', '2', '10');
const plainPart = fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'A', 'x-y', '0a');
const plainParts = fc.array(plainPart, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const plainVersion = fc
  .tuple(plainNum, plainNum, plainNum, fc.option(plainParts), fc.option(plainParts))
  .map(([ma, mi, pa, pre, build]) => `${ma}.${mi}.${pa}${pre !== null ? `-${pre}` : ''}${build !== null ? `+${build}` : ''}`);

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

test('pub: parse never throws', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}(?:[-+][0-9a-zA-Z.+x-]{0,10})?$/)), (s) => {
      scheme.parse(s);
    }),
    { numRuns: 3000 },
  );
});
