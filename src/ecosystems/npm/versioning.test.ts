import fc from 'fast-check';
import { semverText, testVersionScheme } from '../_lib/tester/scheme-tests.js';
import { scheme } from './versioning.js';

const num = fc.oneof(fc.constantFrom('0', '1', '2', '10'), fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }).map(String));
const ident = fc.constantFrom('0', '1', '2', '10', 'a', 'alpha', 'beta', 'rc', 'A', '-', '0a', 'x-y');
const version = fc
  .tuple(fc.constantFrom('', 'v'), semverText(num, fc.array(ident, { minLength: 1, maxLength: 3 }).map((a) => a.join('.')), fc.constantFrom('build', '001', 'a.b')))
  .map(([v, rest]) => v + rest);

testVersionScheme('npm', scheme, {
  fixture: new URL('./fixtures/versions.txt', import.meta.url),
  minLines: 120,
  versions: version,
  numRuns: 2000,
  parseNeverThrows: { text: fc.string({ maxLength: 300 }) },
});
