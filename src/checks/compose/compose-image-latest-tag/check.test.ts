import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'tags, digests, built images, unset tag variables',
      code: `services:
  a:
    image: nginx:1.27
  b:
    image: nginx:latest@sha256:0b2f1ee4c2b1b3c4e1c76a1bc3e1b3a45d4d8c1e0a1b3c4d5e6f7a8b9c0d1e2f
  c:
    build: .
    image: myapp
  d:
    image: registry.example.com/app:\${TAG}
  e:
    image: localhost:5000/app:2.0
`,
    },
  ],
  invalid: [
    {
      name: 'latest, no tag, registry port, defaulted variable',
      code: `services:
  a:
    image: redis:latest
  b:
    image: localhost:5000/app
  c:
    image: "postgres"
  d:
    image: traefik:\${TRAEFIK_TAG:-latest}
`,
      errors: [
        { path: 'image', line: 3, resource: 'a', messageId: 'latest' },
        { path: 'image', line: 5, resource: 'b', messageId: 'missing' },
        { path: 'image', line: 7, resource: 'c', messageId: 'missing' },
        { path: 'image', line: 9, resource: 'd', messageId: 'latest' },
      ],
    },
  ],
});
