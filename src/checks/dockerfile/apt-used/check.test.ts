import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'apt-get, apt-cache, apt list', code: 'FROM debian:12\nRUN apt-get update && apt-cache policy curl && apt list --installed\n' }],
  invalid: [{ name: 'apt with options', code: 'FROM debian:12\nRUN apt -y install curl\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
