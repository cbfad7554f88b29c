import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'exec forms, empty CMD list', code: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD []\n' }],
  invalid: [
    {
      name: 'shell form and single-quoted pseudo JSON',
      code: 'FROM alpine:3.20\nENTRYPOINT /app --serve\nCMD [\'--port\', \'80\']\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
      ],
    },
  ],
});
