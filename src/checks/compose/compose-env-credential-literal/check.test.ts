import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'references, descriptors, placeholders, bare keys',
      code: `services:
  app:
    image: example/app:1.0
    environment:
      - DB_PASSWORD=\${DB_PASSWORD}
      - API_KEY=$API_KEY
      - JWT_SECRET
      - DB_PASSWORD_FILE=/run/secrets/db
      - LOG_LEVEL=debug
      - DATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app
      - TOKEN=changeme-\${SUFFIX}
`,
    },
    {
      name: 'a value found in the scanning environment is never judged',
      code: 'services:\n  app:\n    image: example/app:1.0\n    environment:\n      GITHUB_TOKEN: ${GITHUB_TOKEN}\n',
    },
  ],
  invalid: [
    {
      name: 'list and map syntax, numbers, URLs, defaults',
      code: `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: 12345
      DATABASE_URL: postgres://app:s3cr3t@db:5432/app
  app:
    image: example/app:1.0
    environment:
      - AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
      - REDIS_PASSWORD=\${REDIS_PASSWORD:-redis-dev-pass}
      - SETTINGS=mode=fast;password=opensesame
`,
      errors: [
        { path: 'environment.POSTGRES_PASSWORD', line: 5, resource: 'db', messageId: 'named' },
        { path: 'environment.DATABASE_URL', line: 6, resource: 'db', messageId: 'inline' },
        { path: 'environment[0]', line: 10, resource: 'app', messageId: 'named' },
        { path: 'environment[1]', line: 11, resource: 'app', messageId: 'default' },
        { path: 'environment[2]', line: 12, resource: 'app', messageId: 'inline' },
      ],
    },
    {
      name: 'inherited through extends with a list/map mix',
      code: `services:
  base:
    image: example/app:1.0
    environment:
      - API_TOKEN=abcdef0123456789
  app:
    extends: base
    environment:
      DEBUG: "1"
      DB_PASS: letmein
`,
      errors: [
        { path: 'environment[0]', line: 5, resource: 'base' },
        { path: 'environment.API_TOKEN', line: 7, resource: 'app' },
        { path: 'environment.DB_PASS', line: 10, resource: 'app' },
      ],
    },
  ],
});
