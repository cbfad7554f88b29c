import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'slash, single source, variable, heredoc', code: 'FROM alpine:3.20\nCOPY a b /dst/\nCOPY a /dst\nCOPY a b $DEST\nCOPY <<EOF /etc/x\nhi\nEOF\n' }],
  invalid: [
    {
      name: 'shell and exec form',
      code: 'FROM alpine:3.20\nCOPY --chown=app a b /dst\nCOPY ["a", "b", "c", "/dst"]\n',
      errors: [
        { path: 'stages[0].instructions[0].arguments[2]', line: 2 },
        { path: 'stages[0].instructions[1].arguments[3]', line: 3 },
      ],
    },
  ],
});
