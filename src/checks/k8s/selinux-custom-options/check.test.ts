import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'allowed types and a level',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        seLinuxOptions: { level: "s0:c1,c2" }
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext:
            seLinuxOptions: { type: container_init_t }
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            seLinuxOptions: { type: container_t, level: "s0:c1,c2" }
        - name: vm
          image: example/vm:1.0
          securityContext:
            seLinuxOptions: { type: container_kvm_t }
        - name: engine
          image: example/engine:1.0
          securityContext:
            seLinuxOptions: { type: container_engine_t }
`,
    },
    {
      name: 'empty strings count as unset',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    seLinuxOptions: { type: "", user: "", role: "" }
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'pod-level type, container user and role',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seLinuxOptions:
          user: system_u
          role: system_r
          level: "s0"
`,
      errors: [
        { path: 'spec.securityContext.seLinuxOptions.type', line: 7, messageId: 'type' },
        { path: 'spec.containers[0].securityContext.seLinuxOptions.user', line: 13, messageId: 'user' },
        { path: 'spec.containers[0].securityContext.seLinuxOptions.role', line: 14, messageId: 'role' },
      ],
    },
    {
      name: 'CronJob init container with unconfined_t',
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
          initContainers:
            - name: setup
              image: busybox:1.36
              securityContext:
                seLinuxOptions: { type: unconfined_t }
          containers: [{ name: main, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.seLinuxOptions.type', line: 15, messageId: 'type' }],
    },
  ],
});
