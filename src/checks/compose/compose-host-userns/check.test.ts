import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'not host', code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    userns_mode: ""\n' },
    { name: 'unset variable', code: 'services:\n  app:\n    image: nginx:1.27\n    userns_mode: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'quoted, second service',
      code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    userns_mode: "host"\n',
      errors: [{ path: 'userns_mode', line: 6, resource: 'app', fix: [{ op: 'test', path: '/userns_mode', value: 'host' }, { op: 'remove', path: '/userns_mode' }] }],
    },
    {
      name: 'from a variable default',
      code: 'services:\n  app:\n    image: nginx:1.27\n    userns_mode: ${MODE:-host}\n',
      errors: [{ path: 'userns_mode', line: 4 }],
    },
    {
      name: 'inherited through extends',
      code: 'services:\n  base:\n    image: nginx:1.27\n    userns_mode: host\n  app:\n    extends:\n      service: base\n    image: nginx:1.27\n',
      errors: [
        { path: 'userns_mode', line: 4, resource: 'base' },
        { path: 'userns_mode', line: 6, resource: 'app', fix: null },
      ],
    },
  ],
});
