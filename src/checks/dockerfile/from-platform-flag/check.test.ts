import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'variables and no flag', code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20\nFROM alpine:3.20\n' }],
  invalid: [{ name: 'literal platform in a later stage', code: 'FROM alpine:3.20 AS a\nFROM --platform=linux/arm64 debian:12\n', errors: [{ path: 'stages[1].from.platform', line: 2 }] }],
});
