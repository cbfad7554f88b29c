import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'build stage only; cache mount; cleaned', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\nRUN apt-get update; apt-get install -y git; rm -rf /var/lib/apt/lists\nRUN apt-get update && apt-get install -y vim && apt-get dist-clean\n' },
  ],
  invalid: [
    {
      name: 'in the stage the final one builds on, and in the final stage',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl && apt-get clean\nFROM base\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y git\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[1].instructions[0]', line: 4 },
      ],
    },
  ],
});
