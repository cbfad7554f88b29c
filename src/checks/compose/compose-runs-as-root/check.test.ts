import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'numeric user and group', code: 'services:\n  app:\n    image: nginx:1.27\n    user: 101:101\n' },
    { name: 'named user', code: 'services:\n  app:\n    image: nginx:1.27\n    user: nginx\n' },
    { name: 'unset variables are not judged', code: 'services:\n  app:\n    image: nginx:1.27\n    user: "${UID}:${GID}"\n' },
    { name: 'inherited', code: 'services:\n  base:\n    image: nginx:1.27\n    user: "1000"\n  app:\n    extends: base\n' },
  ],
  invalid: [
    {
      name: 'root forms and a missing user',
      code: `services:
  a:
    image: nginx:1.27
    user: root
  b:
    image: nginx:1.27
    user: 0:0
  c:
    image: nginx:1.27
    user: \${RUN_AS:-0}
  d:
    image: nginx:1.27
`,
      errors: [
        { path: 'user', line: 4, resource: 'a', messageId: 'root' },
        { path: 'user', line: 7, resource: 'b', messageId: 'root' },
        { path: 'user', line: 10, resource: 'c', messageId: 'root' },
        { path: '', line: 11, resource: 'd', messageId: 'unset' },
      ],
    },
  ],
});
