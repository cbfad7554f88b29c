import fc from 'fast-check';
import { testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', 'v1.0.0', '1.0.0-dev', '1.0.0-alpha', '1.0.0a1', '1.0.0-beta2', '1.0.0-RC1', '1.0.0-patch1', '1.0.0-pl2', '1.0.x-dev', '2.0', '20100102', '1.0.0.1'), fc.stringMatching(/^v?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}(?:-?(?:alpha|beta|RC|a|b|p|pl|patch)[0-9]{0,2})?(?:-dev)?$/));

testVersionScheme('packagist', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 600,
  blanksAreNotVersions: true,
  versions: versionText,
  unparsable: 'skip',
  parseNeverThrows: {},
});
