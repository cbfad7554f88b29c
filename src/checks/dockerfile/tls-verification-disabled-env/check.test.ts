import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'safe values and variables', code: 'ARG GIT_SSL_NO_VERIFY=false\nFROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=$VERIFY\nRUN NPM_CONFIG_STRICT_SSL=true npm ci\n' }],
  invalid: [
    {
      name: 'global ARG, ENV pair, legacy ENV, RUN prefix and export',
      code: 'ARG PIP_TRUSTED_HOST=pypi.internal\nFROM python:3.12\nENV A=1 PYTHONHTTPSVERIFY=0\nENV GIT_SSL_NO_VERIFY true\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 node fetch.js\nRUN export npm_config_strict_ssl=false && npm ci\n',
      errors: [
        { path: 'globalArgs[0]', line: 1 },
        { path: 'stages[0].instructions[0].pairs[1]', line: 3 },
        { path: 'stages[0].instructions[1].pairs[0]', line: 4 },
        { path: 'stages[0].instructions[2]', line: 5 },
        { path: 'stages[0].instructions[3]', line: 6 },
      ],
    },
  ],
});
