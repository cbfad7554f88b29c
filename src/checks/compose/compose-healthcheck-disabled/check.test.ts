import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'no healthcheck, a shell test, disable false', code: 'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: nginx:1.27\n    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n  c:\n    image: nginx:1.27\n    healthcheck: { disable: false }\n' },
  ],
  invalid: [
    {
      name: 'disable and NONE forms',
      code: `services:
  a:
    image: nginx:1.27
    healthcheck:
      disable: true
  b:
    image: nginx:1.27
    healthcheck:
      test: ["NONE"]
  c:
    image: nginx:1.27
    healthcheck: { test: NONE }
`,
      errors: [
        { path: 'healthcheck.disable', line: 5, resource: 'a' },
        { path: 'healthcheck.test', line: 9, resource: 'b' },
        { path: 'healthcheck.test', line: 12, resource: 'c' },
      ],
    },
  ],
});
