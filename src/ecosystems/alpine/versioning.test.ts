import fc from 'fast-check';
import { testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

// Versions the property tests draw from: hand-picked edge cases plus random strings in the scheme's alphabet.
const versionText = fc.oneof(fc.constantFrom('1', '1.0', '1.0a', '1.0_rc1', '1.0_p1', '1.0-r0', '1.0-r1', '1.0_alpha_pre2', '1.01', '1.001', '1.0~abc1', '1.0_git20240101', '0.1', '1.0.0'), fc.stringMatching(/^[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}[a-z]?(?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)[0-9]{0,3}){0,2}(?:~[0-9a-f]{1,4})?(?:-r[0-9]{1,2})?$/));

testVersionScheme('alpine', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 180,
  blanksAreNotVersions: true,
  versions: versionText,
  unparsable: 'skip',
  parseNeverThrows: {},
});
