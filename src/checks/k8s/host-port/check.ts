import { defineCheck } from '../../define-check.js';
import { containerPorts, portNumber } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0009',
    slug: 'host-port',
    title: 'Container binds a port on the node (hostPort)',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'A container port sets a non-zero `hostPort`, publishing it on the IP address of the node the pod runs on.',
    rationale:
      "A hostPort exposes the container directly on the node's network interfaces, bypassing Services and often NetworkPolicies, and ties the pod to nodes where that port is free (only one pod per node can take it, which quietly limits scheduling and rollouts). Pod Security Standards disallow host ports from the baseline level up, unless restricted to a known list.",
    remediation: `Remove \`hostPort\` and expose the port through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress/Gateway.

\`\`\`yaml
spec:
  containers:
    - name: app
      image: example/app:1.0
      ports:
        - name: http
          containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  selector: { app: app }
  ports:
    - port: 80
      targetPort: http
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/concepts/configuration/overview/#services',
    ],
    standards: { pss: 'baseline', nsa: 'Network separation: do not expose pods on node ports directly' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_26', match: 'same' },
      { tool: 'trivy', id: 'KSV024', match: 'same' },
      { tool: 'polaris', id: 'hostPortSet', match: 'same' },
    ],
    messages: { hostPort: 'Container "{{container}}" binds host port {{hostPort}} on the node.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: [{ containerPort: 8080 }]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: [{ containerPort: 8080, hostPort: 8080 }]
`,
    },
  },
  run(obj, ctx) {
    for (const p of containerPorts(obj)) {
      const hostPort = portNumber(p.port.hostPort);
      if (hostPort === undefined || hostPort === 0) continue;
      ctx.report({ path: [...p.path, 'hostPort'], data: { container: p.container.name, hostPort } });
    }
  },
});
