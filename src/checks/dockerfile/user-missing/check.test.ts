import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'distroless nonroot base', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'USER set in the stage the final one builds on', code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["app"]\n' },
    { name: 'explicit root is root-user, not this check', code: 'FROM alpine:3.20\nUSER root\n' },
  ],
  invalid: [
    { name: 'USER only in a build stage', code: 'FROM golang:1.22 AS build\nUSER builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n', errors: [{ path: 'stages[1].from', line: 4 }] },
    { name: 'scratch image', code: 'FROM scratch AS final\nCOPY app /app\nENTRYPOINT ["/app"]\n', errors: [{ path: 'stages[0].from', line: 1 }] },
  ],
});
