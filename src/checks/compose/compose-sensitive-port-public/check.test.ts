import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'loopback bindings, web ports, host port only looks like a database',
      code: `services:
  db:
    image: postgres:16
    ports:
      - "127.0.0.1:5432:5432"
      - "[::1]:5433:5432"
      - target: 6379
        published: "6379"
        host_ip: 127.0.0.1
  web:
    image: nginx:1.27
    ports: ["80:80", "5432:8080"]
`,
    },
  ],
  invalid: [
    {
      name: 'short forms, ranges, long syntax, unquoted',
      code: `services:
  db:
    image: postgres:16
    ports:
      - "5432:5432"
      - 27017
      - 0.0.0.0:6379:6379/tcp
      - "9200-9300:9200-9300"
      - target: 3306
        published: 3306
      - 11211:11211
`,
      errors: [
        { path: 'ports[0]', line: 5 },
        { path: 'ports[1]', line: 6 },
        { path: 'ports[2]', line: 7 },
        { path: 'ports[3]', line: 8 },
        { path: 'ports[4]', line: 9 },
        { path: 'ports[5]', line: 11 },
      ],
    },
    {
      name: 'host address from an unset variable binds every interface',
      code: 'services:\n  redis:\n    image: redis:7\n    ports:\n      - "${BIND_ADDR}:6379:6379"\n',
      errors: [{ path: 'ports[0]', line: 5 }],
    },
  ],
});
