import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'update with install, apk --update add, script after update', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apk --update add git\nRUN apt-get update && ./install-deps.sh\n' }],
  invalid: [
    {
      name: 'apt-get update alone, apk update alone with cleanup',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nFROM alpine:3.20\nRUN set -eux; apk update; rm -rf /tmp/x\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[1].instructions[0]', line: 5 },
      ],
    },
  ],
});
