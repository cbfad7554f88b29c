import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'privileged unset', code: 'services:\n  app:\n    image: nginx:1.27\n' },
    { name: 'string false', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: "false"\n' },
    { name: 'variable unset without default', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED}\n' },
  ],
  invalid: [
    {
      name: 'quoted yes',
      code: 'services:\n  web:\n    image: nginx:1.27\n  app:\n    image: nginx:1.27\n    privileged: "yes"\n',
      errors: [{ path: 'privileged', line: 6, resource: 'app', fix: [{ op: 'test', path: '/privileged', value: true }, { op: 'replace', path: '/privileged', value: false }] }],
    },
    {
      name: 'interpolated default',
      code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED:-true}\n',
      errors: [{ path: 'privileged', line: 4 }],
    },
    {
      name: 'inherited through extends: located at the extends key',
      code: 'services:\n  base:\n    image: nginx:1.27\n    privileged: true\n  app:\n    extends: base\n    restart: always\n',
      errors: [
        { path: 'privileged', line: 4, resource: 'base' },
        { path: 'privileged', line: 6, resource: 'app', fix: null },
      ],
    },
  ],
});
