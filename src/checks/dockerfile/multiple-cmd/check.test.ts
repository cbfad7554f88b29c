import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'one per stage, ONBUILD CMD not counted', code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nONBUILD CMD ["x"]\nFROM a\nCMD ["b"]\n' }],
  invalid: [{ name: 'two in the final stage', code: 'FROM alpine:3.20\nCMD echo one\nRUN true\nCMD ["two"]\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
