import fc from 'fast-check';
import { testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', '1.0.0.0', '1.0.0-alpha', '1.0.0-Alpha', '1.0.0-alpha.1', '1.0.0-1', '1.0.0-alpha.beta', '1.0.0+meta', '1.0.0.1', '2.0'), fc.stringMatching(/^[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}(?:-[0-9A-Za-z-]{1,4}(?:\.[0-9A-Za-z-]{1,4}){0,2})?$/));

testVersionScheme('nuget', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 55,
  blanksAreNotVersions: true,
  versions: versionText,
  unparsable: 'skip',
  parseNeverThrows: {},
});
