import fc from 'fast-check';
import { testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', '1.0~rc1', '1.0^20200101', '1.0-1', '1.0-1.el8', '0:1.0-1', '1:0.9-1', '1.0a', '1.0.a', '1_0', '1.0-1~', 'a', '1.0~~', '10', '010'), fc.stringMatching(/^(?:[0-2]:)?[0-9a-z][0-9a-z.~^_+]{0,6}(?:-[0-9a-z.~^_]{1,5})?$/));

testVersionScheme('rpm', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 600,
  blanksAreNotVersions: true,
  versions: versionText,
  unparsable: 'skip',
  parseNeverThrows: {},
});
