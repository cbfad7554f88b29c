import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'default capabilities, any spelling', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: [net_raw, CAP_CHOWN, SETUID]\n' },
    { name: 'SYS_ADMIN and ALL are the other check', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: [SYS_ADMIN, all]\n' },
  ],
  invalid: [
    {
      name: 'block list with prefixes and lower case',
      code: `services:
  debug:
    image: example/debug:1.0
    cap_add:
      - CHOWN
      - cap_sys_ptrace
      - NET_ADMIN
`,
      errors: [
        { path: 'cap_add[1]', line: 6 },
        { path: 'cap_add[2]', line: 7 },
      ],
    },
    {
      name: 'merged through extends: base entry at extends, local entry at its line',
      code: `services:
  base:
    image: example/vpn:1.0
    cap_add: [NET_ADMIN]
  vpn:
    extends: base
    cap_add: [SYS_MODULE, NET_ADMIN]
`,
      errors: [
        { path: 'cap_add[0]', line: 4, resource: 'base' },
        { path: 'cap_add[0]', line: 7, resource: 'vpn' },
        { path: 'cap_add[1]', line: 7, resource: 'vpn' },
      ],
    },
  ],
});
