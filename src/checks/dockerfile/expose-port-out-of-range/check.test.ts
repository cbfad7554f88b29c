import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'edges and variables', code: 'FROM alpine:3.20\nEXPOSE 0 65535 8000-8010/udp $PORT\n' }],
  invalid: [
    {
      name: 'too large, backwards range',
      code: 'FROM alpine:3.20\nEXPOSE 65536/tcp 80\nEXPOSE 9000-8000\n',
      errors: [
        { path: 'stages[0].instructions[0].arguments[0]', line: 2 },
        { path: 'stages[0].instructions[1].arguments[0]', line: 3 },
      ],
    },
  ],
});
