import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'verified installs', code: 'FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False curl && rpm -qa && rpm --import /k\n' }],
  invalid: [
    {
      name: 'apt, apk, dnf setopt, rpm',
      code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated x\nRUN apk add --allow-untrusted /x.apk\nRUN dnf install -y --setopt=gpgcheck=0 x\nRUN rpm -ivh --nosignature x.rpm\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
        { path: 'stages[0].instructions[2]', line: 4 },
        { path: 'stages[0].instructions[3]', line: 5 },
      ],
    },
  ],
});
