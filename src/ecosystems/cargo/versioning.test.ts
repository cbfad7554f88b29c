import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import semver from 'semver';
import { checkVersionPairs } from '../_lib/version-pairs.js';
import { scheme } from './versioning.js';

const FIXTURE = new URL('./fixtures/versions.txt', import.meta.url);

test('cargo: every line of fixtures/versions.txt holds', () => {
  const { checked, failures } = checkVersionPairs(scheme, readFileSync(FIXTURE, 'utf8'), 'src/ecosystems/cargo/fixtures/versions.txt');
  assert.deepEqual(failures, []);
  // Guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing).
  assert.ok(checked >= 120, `only ${checked} lines checked`);
});

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
// Few distinct values, so that generated triples often share a core or a pre-release prefix.
const num = fc.oneof(fc.constantFrom('0', '1', '2', '10'), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String));
const ident = fc.oneof(fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'rc', 'A', '-', '0a', 'x-y'), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String));
const version = fc
  .tuple(num, num, num, fc.option(fc.array(ident, { minLength: 1, maxLength: 3 })), fc.option(fc.array(ident, { minLength: 1, maxLength: 2 })))
  .map(([ma, mi, pa, pre, build]) => `${ma}.${mi}.${pa}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`);

test('cargo: compare is a total preorder over generated versions', () => {
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

// node-semver is an independent SemVer 2.0.0 implementation; it is exact while numbers stay below 2^53.
const small = fc.constantFrom('0', '1', '2', '10', '9007199254740991');
const smallIdent = fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'rc', 'A', '-', '0a', 'x-y');
const smallVersion = fc
  .tuple(small, small, small, fc.option(fc.array(smallIdent, { minLength: 1, maxLength: 3 })), fc.option(fc.constantFrom('build', '001', 'a.b')))
  .map(([ma, mi, pa, pre, build]) => `${ma}.${mi}.${pa}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`);

test('cargo: agrees with node-semver on versions with small numbers', () => {
  fc.assert(
    fc.property(smallVersion, smallVersion, (x, y) => {
      const [a, b] = [scheme.parse(x), scheme.parse(y)];
      assert.ok(a && b);
      assert.equal(sign(scheme.compare(a, b)), semver.compare(x, y), `${x} vs ${y}`);
    }),
    { numRuns: 3000 },
  );
});

test('cargo: parse rejects what node-semver rejects, and never throws', () => {
  fc.assert(
    fc.property(fc.oneof(fc.stringMatching(/^[0-9a-uw-z.+-]{0,14}$/), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}(?:[-+][0-9a-uw-z.+-]{0,8})?$/)), (s) => {
      // node-semver also takes `v` and blanks, which the generator leaves out; below 2^53 the two must agree.
      assert.equal(scheme.parse(s) !== undefined, semver.valid(s) !== null, s);
    }),
    { numRuns: 5000 },
  );
});
