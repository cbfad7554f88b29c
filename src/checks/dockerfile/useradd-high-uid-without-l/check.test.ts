import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'low uid, -l, variable', code: 'FROM debian:12\nRUN useradd -u 1000 a && useradd -lu 100001 b && useradd --no-log-init --uid=200000 c && useradd -u $UID d\n' }],
  invalid: [{ name: 'long and short options', code: 'FROM debian:12\nRUN groupadd -g 100001 app && useradd --uid=100001 -g app app\nRUN useradd -u 123456 x\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }, { path: 'stages[0].instructions[1]', line: 3 }] }],
});
