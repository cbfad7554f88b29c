import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'one per stage', code: 'FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK NONE\n' }],
  invalid: [{ name: 'three in one stage', code: 'FROM alpine:3.20\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\nHEALTHCHECK CMD c\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }, { path: 'stages[0].instructions[1]', line: 3 }] }],
});
