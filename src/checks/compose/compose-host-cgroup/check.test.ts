import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'not host', code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    cgroup: private\n' },
    { name: 'unset variable', code: 'services:\n  app:\n    image: nginx:1.27\n    cgroup: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'quoted, second service',
      code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    cgroup: "host"\n',
      errors: [{ path: 'cgroup', line: 6, resource: 'app', fix: [{ op: 'test', path: '/cgroup', value: 'host' }, { op: 'remove', path: '/cgroup' }] }],
    },
    {
      name: 'from a variable default',
      code: 'services:\n  app:\n    image: nginx:1.27\n    cgroup: ${MODE:-host}\n',
      errors: [{ path: 'cgroup', line: 4 }],
    },
    {
      name: 'inherited through extends',
      code: 'services:\n  base:\n    image: nginx:1.27\n    cgroup: host\n  app:\n    extends:\n      service: base\n    image: nginx:1.27\n',
      errors: [
        { path: 'cgroup', line: 4, resource: 'base' },
        { path: 'cgroup', line: 6, resource: 'app', fix: null },
      ],
    },
  ],
});
