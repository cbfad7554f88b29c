import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'subshells and words containing cd', code: 'FROM alpine:3.20\nRUN (cd /src && make) && echo "cd /x"\nRUN X="$(cd /a && pwd)" abcd\n' }],
  invalid: [{ name: 'cd chained', code: 'FROM alpine:3.20\nRUN set -eux; \\\n  cd /usr/src; \\\n  make\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
