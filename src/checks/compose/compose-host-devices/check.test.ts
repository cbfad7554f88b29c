import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'CDI device and a narrow cgroup rule', code: 'services:\n  ml:\n    image: example/ml:1.0\n    devices: ["nvidia.com/gpu=all"]\n    device_cgroup_rules: ["c 1:3 mr"]\n' },
  ],
  invalid: [
    {
      name: 'short, long and cgroup forms',
      code: `services:
  app:
    image: example/app:1.0
    devices:
      - /dev/fuse
      - source: /dev/sda
        target: /dev/xvda
        permissions: r
    device_cgroup_rules:
      - 'a *:* rwm'
`,
      errors: [
        { path: 'devices[0]', line: 5, messageId: 'device' },
        { path: 'devices[1].source', line: 6, messageId: 'device' },
        { path: 'device_cgroup_rules[0]', line: 10, messageId: 'cgroupAll' },
      ],
    },
  ],
});
