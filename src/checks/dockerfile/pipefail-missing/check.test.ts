import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'set -o pipefail first, SHELL inherited from the parent stage', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN a | b\nFROM base\nRUN c | d\nFROM debian:12\nRUN set -eo pipefail; e | f\nRUN echo "$SUM  f" | sha256sum -c -\n' },
  ],
  invalid: [
    {
      name: 'pipe before set, SHELL without pipefail',
      code: 'FROM debian:12\nRUN curl -s https://x | tar -x; set -o pipefail\nSHELL ["/bin/bash", "-c"]\nRUN wget -qO- x | sha256sum -c -\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[2]', line: 4 },
      ],
    },
  ],
});
