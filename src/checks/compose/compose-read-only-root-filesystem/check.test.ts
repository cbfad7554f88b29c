import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'quoted true', code: 'services:\n  app:\n    image: nginx:1.27\n    read_only: "true"\n' },
    { name: 'from a variable', code: 'services:\n  app:\n    image: nginx:1.27\n    read_only: ${READ_ONLY:-true}\n' },
  ],
  invalid: [
    {
      name: 'unset and false',
      code: `services:
  web:
    image: nginx:1.27
  app:
    image: nginx:1.27
    read_only: false
`,
      errors: [
        { path: '', line: 2, resource: 'web' },
        { path: 'read_only', line: 6, resource: 'app' },
      ],
    },
  ],
});
