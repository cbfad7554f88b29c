import { defineCheck } from '../../define-check.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';
import { containerPorts, probePorts } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0073',
    slug: 'probe-port-not-exposed',
    title: 'Probe targets a port the container does not declare',
    severity: 'medium',
    category: 'reliability',
    kinds: [...POD_KINDS],
    description:
      "A liveness, readiness or startup probe (`httpGet`, `tcpSocket` or `grpc`) names a port that is not in the container's `ports`, or targets a numeric port that no container of the pod declares while the container does declare ports.",
    rationale:
      "A named probe port is resolved only against the container's own `ports`; when the name is missing the probe can never succeed, so the pod never becomes Ready (readiness), is restarted forever (liveness) or never starts (startup). A numeric port that is not declared usually means the probe and the application disagree after a port change. Numeric probes on a container that declares no ports at all are not reported: declaring ports is informational and such probes work.",
    remediation: `Point the probe at a port the container declares (preferably by name), or declare the port the probe uses.

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    ports:
      - { name: http, containerPort: 8080 }
    readinessProbe:
      httpGet: { path: /ready, port: http }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port',
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Probe',
    ],
    standards: {},
    peers: [
      { tool: 'kube-linter', id: 'liveness-port', match: 'partial' },
      { tool: 'kube-linter', id: 'readiness-port', match: 'partial' },
      { tool: 'kube-linter', id: 'startup-port', match: 'partial' },
    ],
    messages: {
      named: 'Named port "{{port}}" of the {{probe}} ({{handler}}) is not declared by container "{{container}}"; the probe can never succeed.',
      numeric: 'Port {{port}} of the {{probe}} ({{handler}}) is not declared by container "{{container}}" (it declares {{declared}}).',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: [{ name: http, containerPort: 80 }]
      readinessProbe:
        httpGet: { path: /, port: http }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: [{ name: web, containerPort: 80 }]
      readinessProbe:
        httpGet: { path: /, port: http }
`,
    },
  },
  run(obj, ctx) {
    const all = containers(obj, ['initContainers', 'containers']);
    const podPorts = new Set(all.flatMap((c) => containerPorts(c.container).flatMap((p) => (p.port === undefined ? [] : [p.port]))));
    for (const c of all) {
      const ports = containerPorts(c.container);
      for (const ref of probePorts(c)) {
        const data = { container: c.name, probe: ref.probe, handler: ref.handler, port: ref.port };
        if (typeof ref.port === 'string') {
          if (!ports.some((p) => p.name === ref.port)) ctx.report({ path: ref.path, messageId: 'named', data });
          continue;
        }
        // Containers of a pod share one network namespace: a port declared by a sibling is reachable too.
        if (ports.length === 0 || podPorts.has(ref.port)) continue;
        const declared = ports.map((p) => (p.name ? `${p.name}/${p.port ?? '?'}` : String(p.port ?? '?'))).join(', ');
        ctx.report({ path: ref.path, messageId: 'numeric', data: { ...data, declared } });
      }
    }
  },
});
