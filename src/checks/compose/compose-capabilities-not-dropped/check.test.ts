import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'lower case with prefix', code: 'services:\n  app:\n    image: nginx:1.27\n    cap_drop: [cap_all]\n' },
    { name: 'inherited through extends', code: 'services:\n  base:\n    image: nginx:1.27\n    cap_drop: [ALL]\n  app:\n    extends: base\n' },
  ],
  invalid: [
    {
      name: 'no cap_drop: at the service; partial cap_drop: at the key',
      code: `services:
  web:
    image: nginx:1.27
  app:
    image: nginx:1.27
    cap_drop:
      - NET_RAW
`,
      errors: [
        { path: '', line: 2, resource: 'web' },
        { path: 'cap_drop', line: 6, resource: 'app' },
      ],
    },
  ],
});
