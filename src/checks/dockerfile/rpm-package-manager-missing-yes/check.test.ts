import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'flags in either place, microdnf, clean', code: 'FROM fedora:40\nRUN yum -y install a && dnf install --assumeyes b && dnf clean all\nRUN zypper -n in c && zypper install -y d && zypper --non-interactive up\nRUN microdnf install e\n' }],
  invalid: [
    {
      name: 'yum and zypper',
      code: 'FROM centos:7\nRUN yum install httpd && yum clean all\nRUN zypper install curl\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
      ],
    },
  ],
});
