import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'deploy limit, bytes', code: 'services:\n  a:\n    image: nginx:1.27\n    deploy: { resources: { limits: { memory: 1.5gb } } }\n  b:\n    image: nginx:1.27\n    mem_limit: 268435456\n' },
    { name: 'inherited', code: 'services:\n  base:\n    image: nginx:1.27\n    mem_limit: 1g\n  app:\n    extends: base\n' },
  ],
  invalid: [
    {
      name: 'missing, zero, cpu-only limits',
      code: `services:
  a:
    image: nginx:1.27
  b:
    image: nginx:1.27
    mem_limit: 0
  c:
    image: nginx:1.27
    deploy:
      resources:
        limits:
          cpus: "0.5"
`,
      errors: [
        { path: '', line: 2, resource: 'a' },
        { path: 'mem_limit', line: 6, resource: 'b' },
        { path: 'deploy.resources.limits', line: 11, resource: 'c' },
      ],
    },
  ],
});
