import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'not host', code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    ipc: shareable\n' },
    { name: 'unset variable', code: 'services:\n  app:\n    image: nginx:1.27\n    ipc: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'quoted, second service',
      code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    ipc: "host"\n',
      errors: [{ path: 'ipc', line: 6, resource: 'app', fix: [{ op: 'test', path: '/ipc', value: 'host' }, { op: 'remove', path: '/ipc' }] }],
    },
    {
      name: 'from a variable default',
      code: 'services:\n  app:\n    image: nginx:1.27\n    ipc: ${MODE:-host}\n',
      errors: [{ path: 'ipc', line: 4 }],
    },
    {
      name: 'inherited through extends',
      code: 'services:\n  base:\n    image: nginx:1.27\n    ipc: host\n  app:\n    extends:\n      service: base\n    image: nginx:1.27\n',
      errors: [
        { path: 'ipc', line: 4, resource: 'base' },
        { path: 'ipc', line: 6, resource: 'app', fix: null },
      ],
    },
  ],
});
