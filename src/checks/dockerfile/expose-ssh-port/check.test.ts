import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'udp 22, 2222, variable, build stage', code: 'FROM alpine:3.20 AS b\nEXPOSE 22\nFROM alpine:3.20\nEXPOSE 22/udp 2222 ${PORT}\n' }],
  invalid: [
    {
      name: 'port and range',
      code: 'FROM alpine:3.20\nEXPOSE 80 22/tcp\nEXPOSE 20-30\n',
      errors: [
        { path: 'stages[0].instructions[0].arguments[1]', line: 2 },
        { path: 'stages[0].instructions[1].arguments[0]', line: 3 },
      ],
    },
  ],
});
