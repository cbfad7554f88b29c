import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'unique names, unnamed stages', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nFROM alpine:3.20\nFROM alpine:3.20 AS b\n' }],
  invalid: [
    {
      name: 'case-insensitive duplicates',
      code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS Build\nFROM alpine:3.20 AS BUILD\n',
      errors: [
        { path: 'stages[1].name', line: 2 },
        { path: 'stages[2].name', line: 3 },
      ],
    },
  ],
});
