import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'flag before the subcommand, -o option, apt-get update alone', code: 'FROM debian:12\nRUN apt-get --no-install-recommends -y install curl\nRUN apt-get -o APT::Install-Recommends=false install -y git\nRUN apt-get update\n' }],
  invalid: [
    {
      name: 'one finding per RUN, in a build stage too, with env prefix and heredoc',
      code: 'FROM debian:12 AS build\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y gcc && apt-get install -y make\nFROM debian:12\nRUN <<EOF\napt install -y curl\nEOF\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[1].instructions[0]', line: 4 },
      ],
    },
  ],
});
