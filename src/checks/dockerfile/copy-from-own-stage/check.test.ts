import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'earlier stage by name and index, an image', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /x /x\nCOPY --from=0 /y /y\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' }],
  invalid: [
    {
      name: 'by name (other case) and by index',
      code: 'FROM alpine:3.20 AS Build\nCOPY --from=build /x /x\nFROM alpine:3.20\nCOPY --chown=1 --from=1 /y /y\n',
      errors: [
        { path: 'stages[0].instructions[0].flags.from', line: 2 },
        { path: 'stages[1].instructions[0].flags.from', line: 4 },
      ],
    },
  ],
});
