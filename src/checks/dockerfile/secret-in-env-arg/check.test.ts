import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'references, descriptors, build-stage ARG, public keys',
      code: 'ARG NPM_TOKEN\nFROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM node:20-alpine\nENV DB_PASSWORD=${DB_PASSWORD} API_KEY_FILE=/run/secrets/api SECRET_NAME=app PUBLIC_KEY=abc\nENV TOKEN_URL https://auth.example.com\n',
    },
  ],
  invalid: [
    {
      name: 'global ARG default, legacy ENV, second pair, build argument in the final stage',
      code: 'ARG GITHUB_TOKEN=ghp_abcdefghijklmnop\nFROM alpine:3.20\nENV MYSQL_PASSWORD secret123\nENV APP_ENV=prod API_KEY="k-123"\nARG DEPLOY_TOKEN\n',
      errors: [
        { path: 'globalArgs[0]', line: 1, messageId: 'literal' },
        { path: 'stages[0].instructions[0].pairs[0]', line: 3, messageId: 'literal' },
        { path: 'stages[0].instructions[1].pairs[1]', line: 4, messageId: 'literal' },
        { path: 'stages[0].instructions[2].pairs[0]', line: 5, messageId: 'buildArg' },
      ],
    },
  ],
});
