import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'not host', code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    uts: ""\n' },
    { name: 'unset variable', code: 'services:\n  app:\n    image: nginx:1.27\n    uts: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'quoted, second service',
      code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    uts: "host"\n',
      errors: [{ path: 'uts', line: 6, resource: 'app', fix: [{ op: 'test', path: '/uts', value: 'host' }, { op: 'remove', path: '/uts' }] }],
    },
    {
      name: 'from a variable default',
      code: 'services:\n  app:\n    image: nginx:1.27\n    uts: ${MODE:-host}\n',
      errors: [{ path: 'uts', line: 4 }],
    },
    {
      name: 'inherited through extends',
      code: 'services:\n  base:\n    image: nginx:1.27\n    uts: host\n  app:\n    extends:\n      service: base\n    image: nginx:1.27\n',
      errors: [
        { path: 'uts', line: 4, resource: 'base' },
        { path: 'uts', line: 6, resource: 'app', fix: null },
      ],
    },
  ],
});
