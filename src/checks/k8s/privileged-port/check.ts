import { defineCheck } from '../../define-check.js';
import { containerPorts, portNumber } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0021',
    slug: 'privileged-port',
    title: 'Container listens on a privileged port (below 1024)',
    severity: 'low',
    category: 'network',
    kinds: [...POD_KINDS],
    description: 'A container declares a `containerPort` between 1 and 1023.',
    rationale:
      'Binding a port below 1024 needs root or the NET_BIND_SERVICE capability, so such a port usually means the container runs as root or keeps a capability it would otherwise drop. Listening on an unprivileged port (8080, 8443) lets the container run as non-root with all capabilities dropped, and the Service can still publish port 80 or 443.',
    remediation: `Make the process listen on a port of 1024 or above and map the well-known port in the Service.

\`\`\`yaml
spec:
  containers:
    - name: web
      image: nginxinc/nginx-unprivileged:1.27
      ports:
        - name: http
          containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
      targetPort: http
\`\`\``,
    references: [
      'https://docs.kubelinter.io/#/generated/checks?id=privileged-ports',
      'https://kubernetes.io/docs/concepts/services-networking/service/',
    ],
    standards: {},
    peers: [
      { tool: 'kube-linter', id: 'privileged-ports', match: 'same' },
      { tool: 'trivy', id: 'KSV117', match: 'same' },
    ],
    messages: { port: 'Container "{{container}}" listens on privileged port {{port}}.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: web
      image: nginxinc/nginx-unprivileged:1.27
      ports: [{ containerPort: 8080 }]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports: [{ containerPort: 80 }]
`,
    },
  },
  run(obj, ctx) {
    for (const p of containerPorts(obj)) {
      const port = portNumber(p.port.containerPort);
      if (port !== undefined && port > 0 && port < 1024)
        ctx.report({ path: [...p.path, 'containerPort'], data: { container: p.container.name, port } });
    }
  },
});
