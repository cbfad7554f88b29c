import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'other capabilities', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN, SYS_PTRACE]\n' },
    { name: 'dropping ALL is fine', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [ALL]\n' },
  ],
  invalid: [
    {
      name: 'prefixed lower case and ALL',
      code: `services:
  app:
    image: example/app:1.0
    cap_add:
      - cap_sys_admin
      - all
`,
      errors: [
        { path: 'cap_add[0]', line: 5, messageId: 'sysAdmin' },
        { path: 'cap_add[1]', line: 6, messageId: 'all' },
      ],
    },
    {
      name: 'from a variable default',
      code: 'services:\n  app:\n    image: example/app:1.0\n    cap_add: ["${EXTRA_CAP:-SYS_ADMIN}"]\n',
      errors: [{ path: 'cap_add[0]', line: 4, messageId: 'sysAdmin' }],
    },
  ],
});
