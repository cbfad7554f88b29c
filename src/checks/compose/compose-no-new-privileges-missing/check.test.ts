import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'bare and = forms', code: 'services:\n  a:\n    image: nginx:1.27\n    security_opt: [no-new-privileges]\n  b:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges=true"]\n' },
    { name: 'inherited', code: 'services:\n  base:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true"]\n  app:\n    extends: base\n' },
  ],
  invalid: [
    {
      name: 'missing, other options only, set to false',
      code: `services:
  a:
    image: nginx:1.27
  b:
    image: nginx:1.27
    security_opt:
      - apparmor:docker-default
  c:
    image: nginx:1.27
    security_opt: ["no-new-privileges:false"]
`,
      errors: [
        { path: '', line: 2, resource: 'a', messageId: 'missing', fix: [{ op: 'add', path: '/security_opt', value: ['no-new-privileges:true'] }] },
        { path: 'security_opt', line: 6, resource: 'b', messageId: 'missing', fix: [{ op: 'add', path: '/security_opt/-', value: 'no-new-privileges:true' }] },
        {
          path: 'security_opt[0]',
          line: 10,
          resource: 'c',
          messageId: 'disabled',
          fix: [
            { op: 'test', path: '/security_opt/0', value: 'no-new-privileges:false' },
            { op: 'replace', path: '/security_opt/0', value: 'no-new-privileges:true' },
          ],
        },
      ],
    },
    {
      name: 'an inherited security_opt gets no fix (the patch would have nowhere to go in the file)',
      code: 'services:\n  base:\n    image: nginx:1.27\n    security_opt: [apparmor:docker-default]\n  app:\n    extends: base\n',
      errors: [
        { path: 'security_opt', line: 4, resource: 'base' },
        { path: 'security_opt', line: 6, resource: 'app', fix: null },
      ],
    },
  ],
});
