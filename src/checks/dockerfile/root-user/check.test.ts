import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'root only in a build stage', code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nUSER 65532\n' },
    { name: 'no USER at all is user-missing, not this check', code: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'user from a variable', code: 'FROM alpine:3.20\nARG UID=0\nUSER ${UID}\n' },
    { name: 'non-root user inherited from the stage built on', code: 'FROM alpine:3.20 AS base\nUSER root\nRUN true\nUSER app\nFROM base\nCMD ["app"]\n' },
  ],
  invalid: [
    { name: 'USER 0:0 last', code: 'FROM alpine:3.20\nUSER app\nRUN true\nUSER 0:0\n', errors: [{ path: 'stages[0].instructions[2]', line: 4 }] },
    { name: 'root inherited by the final stage from its parent stage', code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["app"]\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] },
    { name: 'USER root in the final stage after a build stage', code: 'FROM golang:1.22 AS build\nUSER nobody\nFROM alpine:3.20\nUSER root:root\n', errors: [{ path: 'stages[1].instructions[0]', line: 4 }] },
  ],
});
