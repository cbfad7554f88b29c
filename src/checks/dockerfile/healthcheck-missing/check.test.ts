import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'NONE is a decision', code: 'FROM alpine:3.20\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the parent stage', code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n' },
  ],
  invalid: [{ name: 'only in a build stage', code: 'FROM alpine:3.20 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.20 AS run\nCMD ["app"]\n', errors: [{ path: 'stages[1].from', line: 3 }] }],
});
