import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'safe names, slash form', code: 'services:\n  a:\n    image: nginx:1.27\n    sysctls:\n      - net.ipv4.tcp_syncookies=1\n      - net/ipv4/ip_local_port_range=1024 65000\n' },
  ],
  invalid: [
    {
      name: 'map and list syntax',
      code: `services:
  a:
    image: example/vpn:1.0
    sysctls:
      net.ipv4.ip_forward: 1
      net.ipv4.conf.all.src_valid_mark: 1
  b:
    image: example/db:1.0
    sysctls:
      - kernel.shmmax=68719476736
`,
      errors: [
        { path: 'sysctls["net.ipv4.ip_forward"]', line: 5, resource: 'a' },
        { path: 'sysctls["net.ipv4.conf.all.src_valid_mark"]', line: 6, resource: 'a' },
        { path: 'sysctls[0]', line: 10, resource: 'b' },
      ],
    },
  ],
});
