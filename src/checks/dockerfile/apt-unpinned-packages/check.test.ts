import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'pinned, variable, local deb, target release', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=1.0 "git=$GIT_VERSION" ./pkg.deb\n' }],
  invalid: [{ name: 'one pinned, one not', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=1.0 git\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
