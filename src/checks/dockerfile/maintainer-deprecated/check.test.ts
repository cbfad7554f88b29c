import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'maintainer label', code: 'FROM alpine:3.20\nLABEL maintainer="x@example.com"\n' }],
  invalid: [{ name: 'lower-case keyword in the second stage', code: 'FROM alpine:3.20\nFROM alpine:3.20\nmaintainer Jane <jane@example.com>\n', errors: [{ path: 'stages[1].instructions[0]', line: 3 }] }],
});
