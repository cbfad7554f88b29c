import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'every safe sysctl, dotted and slash-separated',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        sysctls:
          - { name: kernel.shm_rmid_forced, value: "1" }
          - { name: net.ipv4.ip_local_port_range, value: "1024 65535" }
          - { name: net.ipv4.ip_unprivileged_port_start, value: "80" }
          - { name: net/ipv4/tcp_syncookies, value: "1" }
          - { name: net.ipv4.ping_group_range, value: "0 2147483647" }
          - { name: net.ipv4.ip_local_reserved_ports, value: "30000-32767" }
          - { name: net.ipv4.tcp_keepalive_time, value: "600" }
          - { name: net.ipv4.tcp_fin_timeout, value: "30" }
          - { name: net.ipv4.tcp_keepalive_intvl, value: "60" }
          - { name: net.ipv4.tcp_keepalive_probes, value: "5" }
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'no sysctls',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsNonRoot: true }
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'each unsafe entry is reported at its name',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_syncookies
        value: "1"
      - name: net.core.somaxconn
        value: "1024"
      - name: kernel/msgmax
        value: "65536"
      - name: net.ipv4.conf.all.route_localnet
        value: "1"
  containers: [{ name: app, image: nginx:1.27 }]
`,
      errors: [
        { path: 'spec.securityContext.sysctls[1].name', line: 9 },
        { path: 'spec.securityContext.sysctls[2].name', line: 11 },
        { path: 'spec.securityContext.sysctls[3].name', line: 13 },
      ],
    },
    {
      name: 'CronJob pod template',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          securityContext:
            sysctls: [{ name: vm.max_map_count, value: "262144" }]
          containers: [{ name: main, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.securityContext.sysctls[0].name', line: 12 }],
    },
  ],
});
