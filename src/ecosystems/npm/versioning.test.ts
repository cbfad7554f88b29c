import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkVersionPairs } from '../_lib/version-pairs.js';
import { scheme } from './versioning.js';

const FIXTURE = new URL('./fixtures/versions.txt', import.meta.url);

test('npm: every line of fixtures/versions.txt holds', () => {
  const { checked, failures } = checkVersionPairs(scheme, readFileSync(FIXTURE, 'utf8'), 'src/ecosystems/npm/fixtures/versions.txt');
  assert.deepEqual(failures, []);
  // Guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing).
  assert.ok(checked >= 120, `only ${checked} lines checked`);
});

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
const num = fc.oneof(fc.constantFrom('0', '1', '2', '10'), fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }).map(String));
const ident = fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'rc', 'A', '-', '0a', 'x-y');
const version = fc
  .tuple(fc.constantFrom('', 'v'), num, num, num, fc.option(fc.array(ident, { minLength: 1, maxLength: 3 })), fc.option(fc.constantFrom('build', '001', 'a.b')))
  .map(([v, ma, mi, pa, pre, build]) => `${v}${ma}.${mi}.${pa}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`);

test('npm: compare is a total preorder over generated versions', () => {
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
    { numRuns: 2000 },
  );
});

test('npm: parse returns undefined, never throws, on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (s) => {
      scheme.parse(s);
    }),
    { numRuns: 2000 },
  );
});
