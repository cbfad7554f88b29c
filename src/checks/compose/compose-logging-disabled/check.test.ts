import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'other drivers', code: 'services:\n  a:\n    image: nginx:1.27\n    logging: { driver: local }\n  b:\n    image: nginx:1.27\n' }],
  invalid: [
    {
      name: 'none, also through extends with another driver overriding',
      code: `services:
  quiet:
    image: nginx:1.27
    logging:
      driver: none
  loud:
    extends: quiet
    logging:
      driver: json-file
  still-quiet:
    extends: quiet
`,
      errors: [
        { path: 'logging.driver', line: 5, resource: 'quiet' },
        { path: 'logging.driver', line: 11, resource: 'still-quiet' },
      ],
    },
  ],
});
