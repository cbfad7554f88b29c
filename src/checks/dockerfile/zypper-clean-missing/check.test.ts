import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'cc and rm', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\nRUN zypper -n install git && rm -rf /var/cache/zypp/*\n' }],
  invalid: [{ name: 'in without clean', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
