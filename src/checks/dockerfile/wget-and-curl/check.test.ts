import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'different stages, installing a package named curl', code: 'FROM alpine:3.20 AS a\nRUN wget -O /a https://x\nFROM alpine:3.20\nRUN curl -o /b https://x && apk add --no-cache wget\n' }],
  invalid: [{ name: 'second RUN brings wget', code: 'FROM alpine:3.20\nRUN curl -o /a https://x\nRUN true\nRUN wget -qO /b https://x\n', errors: [{ path: 'stages[0].instructions[2]', line: 4 }] }],
});
