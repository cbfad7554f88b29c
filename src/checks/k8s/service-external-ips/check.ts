import { defineCheck } from '../../define-check.js';
import { asArray, asRecord } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0094',
    slug: 'service-external-ips',
    title: 'Service sets spec.externalIPs (CVE-2020-8554)',
    severity: 'high',
    category: 'network',
    kinds: ['Service'],
    description: 'A Service lists addresses in `spec.externalIPs`, of any Service type.',
    rationale:
      'kube-proxy on every node captures traffic to each external IP and sends it to the Service. Kubernetes does not check who owns the address, so anyone allowed to create Services can claim the IP of an internal or external system and intercept the traffic pods and nodes send to it (CVE-2020-8554, a man-in-the-middle that was never fixed in-tree). Clusters should deny the field with the DenyServiceExternalIPs admission plugin or a policy, and manifests should not need it.',
    remediation: `Remove \`spec.externalIPs\`; expose the Service through a LoadBalancer, an Ingress or a Gateway instead.

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ["203.0.113.0/24"]
  selector: { app: web }
  ports:
    - port: 80
      targetPort: 8080
\`\`\``,
    references: [
      'https://github.com/kubernetes/kubernetes/issues/97076',
      'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
      'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips',
    ],
    standards: {},
    peers: [{ tool: 'trivy', id: 'KSV-0108', match: 'partial' }],
    messages: { externalIps: 'Service "{{name}}" claims external IP(s) {{ips}}; kube-proxy will capture traffic to them on every node.' },
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
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
  externalIPs: ["198.51.100.10"]
`,
    },
  },
  run(obj, ctx) {
    const ips = asArray(asRecord(obj.value.spec).externalIPs).filter((ip) => ip !== null && ip !== undefined && String(ip).trim() !== '');
    if (ips.length === 0) return;
    ctx.report({ path: ['spec', 'externalIPs'], data: { name: obj.name, ips: ips.map(String).join(', ') } });
  },
});
