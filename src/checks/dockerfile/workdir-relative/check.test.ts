import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'absolute, quoted, variable, Windows', code: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR "/srv/my app"\nWORKDIR $HOME/src\nWORKDIR C:\\\\app\n' }],
  invalid: [{ name: 'relative and dot', code: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\nWORKDIR ./build\n', errors: [{ path: 'stages[0].instructions[1]', line: 3 }, { path: 'stages[0].instructions[2]', line: 4 }] }],
});
