import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'no-cache, removed cache, cache mount, build stage', code: 'FROM alpine:3.20 AS b\nRUN apk add gcc\nFROM alpine:3.20\nRUN apk add --no-cache --virtual .deps curl\nRUN apk add git && rm -rf /var/cache/apk/*\nRUN --mount=type=cache,target=/var/cache/apk apk add make\n' }],
  invalid: [{ name: 'one add without', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && apk add --update git\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
