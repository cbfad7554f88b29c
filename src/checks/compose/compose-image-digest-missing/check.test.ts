import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'digest, build, variable end', code: 'services:\n  a:\n    image: nginx@sha256:0b2f1ee4c2b1b3c4e1c76a1bc3e1b3a45d4d8c1e0a1b3c4d5e6f7a8b9c0d1e2f\n  b:\n    build: .\n  c:\n    image: app:${TAG}\n' },
  ],
  invalid: [
    {
      name: 'tags only',
      code: 'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: ghcr.io/acme/app:${TAG:-2.0}\n',
      errors: [
        { path: 'image', line: 3, resource: 'a' },
        { path: 'image', line: 5, resource: 'b' },
      ],
    },
  ],
});
