import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const options = { allowedRegistries: ['ghcr.io/acme/', 'docker.io/library'] };

runCheckTests(check, {
  dir: import.meta.dirname,
  options,
  valid: [
    { name: 'no allow-list reports nothing', code: 'services:\n  app:\n    image: quay.io/x/y:1\n' },
    { name: 'allowed, built, unknown registry', code: 'services:\n  a:\n    image: ghcr.io/acme/api:1\n  b:\n    image: nginx:1.27\n  c:\n    build: .\n    image: quay.io/x/y\n  d:\n    image: ${REGISTRY}/app:1\n', options },
  ],
  invalid: [
    {
      name: 'other registries and look-alike prefixes',
      options,
      code: 'services:\n  a:\n    image: ghcr.io/acme-evil/api:1\n  b:\n    image: bitnami/redis:7\n',
      errors: [
        { path: 'image', line: 3, resource: 'a' },
        { path: 'image', line: 5, resource: 'b' },
      ],
    },
  ],
});
