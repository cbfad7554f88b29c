import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'local archive, COPY of a URL-looking name', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nCOPY http-config.json /etc/\n' }],
  invalid: [
    {
      name: 'two remote sources, one exec form; git source',
      code: 'FROM alpine:3.20\nADD local.txt https://a.example/x.sh /opt/\nADD ["https://b.example/y.sh", "/opt/"]\nADD git@github.com:acme/repo.git /src\n',
      errors: [
        { path: 'stages[0].instructions[0].arguments[1]', line: 2 },
        { path: 'stages[0].instructions[1].arguments[0]', line: 3 },
        { path: 'stages[0].instructions[2].arguments[0]', line: 4 },
      ],
    },
  ],
});
