import { defineCheck } from '../../define-check.js';
import { asArray, asRecord } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0092',
    slug: 'service-node-port',
    title: 'Service of type NodePort opens a port on every node',
    severity: 'medium',
    category: 'network',
    kinds: ['Service'],
    description:
      'A Service sets `spec.type: NodePort`. (LoadBalancer Services also allocate node ports; they are covered by service-load-balancer-public.)',
    rationale:
      'A NodePort Service listens on the same port of every node, on every node address, and forwards to the pods: anything that can reach any node reaches the application, often far beyond the intended clients. With the default `externalTrafficPolicy: Cluster` the traffic is source-NATed to a node address, so NetworkPolicies can no longer tell clients apart. Exposure should go through an Ingress, a Gateway or a load balancer with source ranges instead.',
    remediation: `Use a ClusterIP Service behind an Ingress or Gateway (or an internal load balancer) instead of a node port.

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector: { app: web }
  ports:
    - port: 80
      targetPort: http
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
      'https://docs.kubelinter.io/#/generated/checks?id=exposed-services',
    ],
    standards: { nsa: 'Network separation and hardening' },
    peers: [{ tool: 'kube-linter', id: 'exposed-services', match: 'partial' }],
    messages: { nodePort: 'Service "{{name}}" is of type NodePort and exposes {{ports}} on every node.' },
    examples: {
      good: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`,
      bad: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }]
`,
    },
  },
  run(obj, ctx) {
    const spec = asRecord(obj.value.spec);
    if (spec.type !== 'NodePort') return;
    const ports = asArray(spec.ports).map((p) => {
      const r = asRecord(p);
      return r.nodePort !== undefined && r.nodePort !== null ? `node port ${String(r.nodePort)}` : `an allocated node port for port ${String(r.port)}`;
    });
    ctx.report({ path: ['spec', 'type'], data: { name: obj.name, ports: ports.length > 0 ? ports.join(', ') : 'its ports' } });
  },
});
