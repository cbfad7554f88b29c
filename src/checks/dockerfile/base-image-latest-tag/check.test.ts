import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'digest-pinned latest', code: 'FROM nginx:latest@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a\n' },
    { name: 'tag from an ARG without default', code: 'ARG TAG\nFROM nginx:${TAG}\n' },
    { name: 'stage reference and untagged', code: 'FROM nginx AS base\nFROM base\n' },
    { name: 'tag that merely contains latest', code: 'FROM example/app:latest-1.2\n' },
  ],
  invalid: [
    {
      name: 'latest through an ARG default, in a build stage, and behind a registry port',
      code: 'ARG VERSION=latest\nFROM golang:${VERSION} AS build\nRUN go build ./...\nFROM registry.local:5000/team/base:latest\n',
      errors: [
        { path: 'stages[0].from.image', line: 2 },
        { path: 'stages[1].from.image', line: 4 },
      ],
    },
  ],
});
