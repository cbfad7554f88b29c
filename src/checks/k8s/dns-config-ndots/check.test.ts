import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'node resolver policies, and dnsPolicy None without ndots',
      code: `apiVersion: v1
kind: Pod
metadata: { name: node-dns }
spec:
  dnsPolicy: Default
  containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      hostNetwork: true
      containers: [{ name: agent, image: example/agent:1.0 }]
---
apiVersion: v1
kind: Pod
metadata: { name: custom }
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [10.0.0.10]
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'numeric ndots within a raised maxNdots',
      options: { maxNdots: 3 },
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      dnsConfig:
        options:
          - name: single-request-reopen
          - name: ndots
            value: 3
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'ClusterFirstWithHostNet without ndots; dnsConfig present without options',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      dnsConfig:
        searches: [example.internal]
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.template.spec.dnsConfig.options', line: 11, messageId: 'missing' }],
    },
    {
      name: 'explicit ndots above the maximum',
      code: `apiVersion: v1
kind: Pod
metadata: { name: chatty }
spec:
  dnsConfig:
    options:
      - name: ndots
        value: "5"
  containers: [{ name: app, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.dnsConfig.options[0].value', line: 8, messageId: 'high' }],
    },
  ],
});
