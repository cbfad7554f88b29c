import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkVersionPairs } from '../_lib/version-pairs.js';
import { scheme } from './versioning.js';

const FIXTURE = new URL('./fixtures/versions.txt', import.meta.url);

test('maven: every line of fixtures/versions.txt holds', () => {
  const { checked, failures } = checkVersionPairs(scheme, readFileSync(FIXTURE, 'utf8'), 'src/ecosystems/maven/fixtures/versions.txt');
  assert.deepEqual(failures, []);
  // Guards against a fixture that silently shrank (a bad merge, a generator that emitted nothing).
  assert.ok(checked >= 500, `only ${checked} lines checked`);
});

test('maven: the empty and blank strings are not versions', () => {
  // Lines of versions.txt cannot hold them, so they are asserted here.
  assert.equal(scheme.parse(''), undefined);
  assert.equal(scheme.parse('   '), undefined);
  assert.equal(scheme.parse('\t'), undefined);
});

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', '1-0', '1.0-SNAPSHOT', '1-alpha1', '1a1', '1.0.RC1', '1-rc-1', '1-sp', '1-ga', '1-final', '1-foo', '1.0.0.0000000000', '1-1', '1.1', 'a', '1--1'), fc.stringMatching(/^[0-9a-z][0-9a-z.-]{0,8}$/));

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

test('maven: compare is reflexive and antisymmetric, and transitive where Maven is', () => {
  fc.assert(
    fc.property(versionText, versionText, versionText, (x, y, z) => {
      const a = scheme.parse(x);
      const b = scheme.parse(y);
      const c = scheme.parse(z);
      fc.pre(a !== undefined && b !== undefined && c !== undefined);
      assert.ok(scheme.compare(a!, a!) === 0);
      assert.ok(sign(scheme.compare(a!, b!)) === -sign(scheme.compare(b!, a!)), `${x} vs ${y} is not antisymmetric`);
      // Maven's own ComparableVersion is not transitive once a qualifier follows a dot: it orders 1 < 1.a < 1-alpha1 < 1
      // (checked with maven-artifact 3.9.16). The scheme copies Maven exactly, so transitivity is only asserted where
      // Maven has it: qualifiers after '-' or a digit, never after '.'.
      if ([x, y, z].some((v) => /\.[a-z]/.test(v))) return;
      const ab = sign(scheme.compare(a!, b!));
      const bc = sign(scheme.compare(b!, c!));
      if (ab <= 0 && bc <= 0) assert.ok(scheme.compare(a!, c!) <= 0, `${x} <= ${y} <= ${z} but not ${x} <= ${z}`);
      if (ab === 0 && bc === 0) assert.ok(scheme.compare(a!, c!) === 0, `${x} == ${y} == ${z} but not ${x} == ${z}`);
    }),
    { numRuns: 3000 },
  );
});

test('maven: parse never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 24 }), (s) => {
      scheme.parse(s);
    }),
    { numRuns: 2000 },
  );
});
