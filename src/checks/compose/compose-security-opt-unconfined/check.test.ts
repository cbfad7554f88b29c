import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'custom profiles and labels', code: 'services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - seccomp=./profile.json\n      - apparmor:docker-default\n      - label:type:svirt_apache_t\n' },
  ],
  invalid: [
    {
      name: 'every kind, both separators',
      code: `services:
  app:
    image: example/app:1.0
    security_opt:
      - seccomp:unconfined
      - apparmor=Unconfined
      - label=disable
      - systempaths=unconfined
      - no-new-privileges:true
`,
      errors: [
        { path: 'security_opt[0]', line: 5, messageId: 'seccomp' },
        { path: 'security_opt[1]', line: 6, messageId: 'apparmor' },
        { path: 'security_opt[2]', line: 7, messageId: 'label' },
        { path: 'security_opt[3]', line: 8, messageId: 'systempaths' },
      ],
    },
  ],
});
