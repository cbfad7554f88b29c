import fc from 'fast-check';
import { testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', '1-0', '1.0-SNAPSHOT', '1-alpha1', '1a1', '1.0.RC1', '1-rc-1', '1-sp', '1-ga', '1-final', '1-foo', '1.0.0.0000000000', '1-1', '1.1', 'a', '1--1'), fc.stringMatching(/^[0-9a-z][0-9a-z.-]{0,8}$/));

testVersionScheme('maven', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 500,
  blanksAreNotVersions: true,
  versions: versionText,
  unparsable: 'skip',
  // Maven's own ComparableVersion is not transitive once a qualifier follows a dot: it orders 1 < 1.a < 1-alpha1 < 1
  // (checked with maven-artifact 3.9.16). The scheme copies Maven exactly, so transitivity is only asserted where
  // Maven has it: qualifiers after '-' or a digit, never after '.'.
  skipTransitivity: (...versions) => versions.some((v) => /\.[a-z]/.test(v)),
  parseNeverThrows: {},
});
