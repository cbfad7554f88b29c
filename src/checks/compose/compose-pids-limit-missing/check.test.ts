import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'deploy form, string number', code: 'services:\n  a:\n    image: nginx:1.27\n    deploy: { resources: { limits: { pids: 50 } } }\n  b:\n    image: nginx:1.27\n    pids_limit: "100"\n' },
  ],
  invalid: [
    {
      name: 'missing and unlimited',
      code: 'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: nginx:1.27\n    pids_limit: -1\n',
      errors: [
        { path: '', line: 2, resource: 'a' },
        { path: 'pids_limit', line: 6, resource: 'b' },
      ],
    },
  ],
});
