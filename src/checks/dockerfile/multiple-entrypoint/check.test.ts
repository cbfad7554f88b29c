import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'one per stage', code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n' }],
  invalid: [{ name: 'two in a build stage', code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nFROM a\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
