import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'clean, rm, build stage', code: 'FROM centos:7 AS b\nRUN yum install -y gcc\nFROM centos:7\nRUN yum -y install httpd && yum clean all\nRUN yum install -y git && rm -rf /var/cache/yum\n' }],
  invalid: [{ name: 'install without clean', code: 'FROM centos:7\nRUN yum install -y httpd \\\n && echo done\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
