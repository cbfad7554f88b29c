import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'bundled -qy, --yes, -qq, piped yes, -o', code: 'FROM debian:12\nRUN apt-get install -qy curl && apt-get --yes install git\nRUN apt-get -qq install make\nRUN yes | apt-get install gcc\nRUN apt-get -o APT::Get::Assume-Yes=true install vim\nRUN if apt-get install -s x > /dev/null; then echo y; fi\n' }],
  invalid: [{ name: 'no -y in a build stage', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install --no-install-recommends gcc\nFROM debian:12\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
