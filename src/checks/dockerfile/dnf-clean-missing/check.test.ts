import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'clean, rm', code: 'FROM fedora:40\nRUN dnf -y install git && dnf clean all\nRUN microdnf install -y tar && rm -rf /var/cache/yum/*\n' }],
  invalid: [{ name: 'microdnf without clean', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils\n', errors: [{ path: 'stages[0].instructions[0]', line: 2 }] }],
});
