import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'untagged and latest belong to other checks; digest from an ARG is unknown', code: 'ARG DIGEST\nFROM alpine\nFROM alpine:latest\nFROM alpine:3.20@${DIGEST}\nFROM scratch\n' },
  ],
  invalid: [
    { name: 'tag only, in two stages', code: 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static:nonroot\n', errors: [{ path: 'stages[0].from.image', line: 1 }, { path: 'stages[1].from.image', line: 2 }] },
  ],
});
