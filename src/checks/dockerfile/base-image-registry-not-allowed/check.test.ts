import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const options = { allowedRegistries: ['ghcr.io/acme/', 'docker.io/library'] };

runCheckTests(check, {
  dir: import.meta.dirname,
  options,
  valid: [
    { name: 'no list: nothing to enforce', code: 'FROM quay.io/x/y:1\n' },
    { name: 'allowed prefix, official image, stage reference, unknown registry', options, code: 'ARG REG\nFROM ghcr.io/acme/base:1 AS a\nFROM python:3.12\nFROM a\nFROM ${REG}/x:1\n' },
  ],
  invalid: [
    {
      name: 'lookalike organisation and another registry',
      options,
      code: 'FROM ghcr.io/acme-evil/base:1\nFROM quay.io/acme/base:1\n',
      errors: [
        { path: 'stages[0].from.image', line: 1 },
        { path: 'stages[1].from.image', line: 2 },
      ],
    },
  ],
});
