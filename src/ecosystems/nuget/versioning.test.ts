import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkVersionPairs } from '../_lib/version-pairs.js';
import { scheme } from './versioning.js';

const FIXTURE = new URL('./fixtures/versions.txt', import.meta.url);

test('nuget: every line of fixtures/versions.txt holds', () => {
  const { checked, failures } = checkVersionPairs(scheme, readFileSync(FIXTURE, 'utf8'), 'src/ecosystems/nuget/fixtures/versions.txt');
  assert.deepEqual(failures, []);
  // Guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing).
  assert.ok(checked >= 55, `only ${checked} lines checked`);
});

test('nuget: the empty and blank strings are not versions', () => {
  // Lines of versions.txt cannot hold them, so they are asserted here.
  assert.equal(scheme.parse(''), undefined);
  assert.equal(scheme.parse('   '), undefined);
  assert.equal(scheme.parse('\t'), undefined);
});

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', '1.0.0.0', '1.0.0-alpha', '1.0.0-Alpha', '1.0.0-alpha.1', '1.0.0-1', '1.0.0-alpha.beta', '1.0.0+meta', '1.0.0.1', '2.0'), fc.stringMatching(/^[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}(?:-[0-9A-Za-z-]{1,4}(?:\.[0-9A-Za-z-]{1,4}){0,2})?$/));

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

test('nuget: compare is a total preorder (reflexive, antisymmetric, transitive)', () => {
  fc.assert(
    fc.property(versionText, versionText, versionText, (x, y, z) => {
      const a = scheme.parse(x);
      const b = scheme.parse(y);
      const c = scheme.parse(z);
      fc.pre(a !== undefined && b !== undefined && c !== undefined);
      assert.ok(scheme.compare(a!, a!) === 0);
      assert.ok(sign(scheme.compare(a!, b!)) === -sign(scheme.compare(b!, a!)), `${x} vs ${y} is not antisymmetric`);
      const ab = sign(scheme.compare(a!, b!));
      const bc = sign(scheme.compare(b!, c!));
      if (ab <= 0 && bc <= 0) assert.ok(scheme.compare(a!, c!) <= 0, `${x} <= ${y} <= ${z} but not ${x} <= ${z}`);
      if (ab === 0 && bc === 0) assert.ok(scheme.compare(a!, c!) === 0, `${x} == ${y} == ${z} but not ${x} == ${z}`);
    }),
    { numRuns: 3000 },
  );
});

test('nuget: parse never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 24 }), (s) => {
      scheme.parse(s);
    }),
    { numRuns: 2000 },
  );
});
