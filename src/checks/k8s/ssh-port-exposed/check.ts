import { defineCheck } from '../../define-check.js';
import { containerPorts, portNumber } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0022',
    slug: 'ssh-port-exposed',
    title: 'Container exposes the SSH port (22)',
    severity: 'medium',
    category: 'network',
    kinds: [...POD_KINDS],
    description: 'A container declares `containerPort: 22` over TCP (the default protocol).',
    rationale:
      "An SSH server inside a container is a second, usually less audited way in: it needs long-lived keys or passwords, bypasses Kubernetes RBAC and audit logging for interactive access, and often comes with a full userland. Use `kubectl exec` or `kubectl debug`, which go through the API server's authentication, authorisation and audit. Services that speak SSH on purpose (Git servers, SFTP gateways) can waive this check.",
    remediation: `Remove the SSH server and port, and use \`kubectl exec\`/\`kubectl debug\` for interactive access.

\`\`\`yaml
spec:
  containers:
    - name: app
      image: example/app:1.0
      ports:
        - name: http
          containerPort: 8080
\`\`\``,
    references: [
      'https://docs.kubelinter.io/#/generated/checks?id=ssh-port',
      'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'ssh-port', match: 'same' }],
    messages: { ssh: 'Container "{{container}}" exposes SSH port 22.' },
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
      image: example/app-with-sshd:1.0
      ports: [{ containerPort: 22 }]
`,
    },
  },
  run(obj, ctx) {
    for (const p of containerPorts(obj)) {
      const protocol = p.port.protocol ?? 'TCP';
      if (portNumber(p.port.containerPort) === 22 && protocol === 'TCP')
        ctx.report({ path: [...p.path, 'containerPort'], data: { container: p.container.name } });
    }
  },
});
