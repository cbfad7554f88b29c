import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'host port 22 to another container port, UDP', code: 'services:\n  app:\n    image: example/app:1.0\n    ports: ["22:8022", "2222:22/udp"]\n    expose: ["2200"]\n' },
  ],
  invalid: [
    {
      name: 'unquoted 22:22 (YAML 1.2 string, not base 60), long syntax, loopback, expose range',
      code: `services:
  git:
    image: gitea/gitea:1.22
    ports:
      - 22:22
      - target: 22
        published: "2222"
      - 127.0.0.1:2223:22
    expose:
      - "20-30"
`,
      errors: [
        { path: 'ports[0]', line: 5, messageId: 'published' },
        { path: 'ports[1]', line: 6, messageId: 'published' },
        { path: 'ports[2]', line: 8, messageId: 'published' },
        { path: 'expose[0]', line: 10, messageId: 'exposed' },
      ],
    },
  ],
});
