import fc from 'fast-check';
import { testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('0', '1', '01', '10', '2', '99999999999999999999', '1.0', '1.0~rc1', '1:1.0', '2:0.9', '1.0-1', '1.0-1~deb12u1', '1.0+dfsg', '1.0a', '1.0~', '1.0-0', '1.0.0', '1.0-1ubuntu0.1'), fc.stringMatching(/^(?:[1-3]:)?[0-9][0-9a-z.+~]{0,6}(?:-[0-9a-z.+~]{1,4})?$/));

testVersionScheme('debian', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 700,
  blanksAreNotVersions: true,
  versions: versionText,
  unparsable: 'skip',
  parseNeverThrows: {},
});
