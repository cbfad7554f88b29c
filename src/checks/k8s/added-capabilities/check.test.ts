import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'baseline capabilities in any spelling',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            capabilities:
              add: ["net_bind_service", "CAP_CHOWN", "SetUID"]
`,
    },
    {
      name: 'only drops, no adds',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: ["ALL", "NET_RAW"]
`,
    },
  ],
  invalid: [
    {
      name: 'CAP_ prefix and lower case are still caught, in init containers of a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: setup
              image: busybox:1.36
              securityContext:
                capabilities:
                  add:
                    - CHOWN
                    - cap_sys_ptrace
          containers:
            - name: app
              image: busybox:1.36
              securityContext:
                capabilities:
                  add: ["ALL"]
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.capabilities.add[1]', line: 17 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]', line: 23 },
      ],
    },
    {
      name: 'one finding per offending capability, inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: { name: agent }
    spec:
      template:
        spec:
          containers:
            - name: agent
              image: example/agent:2.1
              securityContext:
                capabilities:
                  add: ["NET_ADMIN", "SYS_TIME", "KILL"]
`,
      errors: [
        { path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]', line: 15 },
        { path: 'spec.template.spec.containers[0].securityContext.capabilities.add[1]', line: 15 },
      ],
    },
  ],
});
