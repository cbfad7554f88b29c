import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'build as a string, references', code: 'services:\n  a:\n    build: .\n  b:\n    build:\n      context: .\n      args: ["NPM_TOKEN=${NPM_TOKEN}", "GITHUB_TOKEN"]\n' },
  ],
  invalid: [
    {
      name: 'map and list syntax',
      code: `services:
  api:
    build:
      context: ./api
      args:
        PIP_INDEX_PASSWORD: hunter2
  web:
    build:
      context: ./web
      args:
        - NPM_TOKEN=\${NPM_TOKEN:-npm_0123456789abcdef}
`,
      errors: [
        { path: 'build.args.PIP_INDEX_PASSWORD', line: 6, resource: 'api', messageId: 'named' },
        { path: 'build.args[0]', line: 11, resource: 'web', messageId: 'default' },
      ],
    },
  ],
});
