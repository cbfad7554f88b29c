import { defineCheck } from '../../define-check.js';
import { asArray, asRecord } from '../../_lib/pod.js';

/**
 * Annotations that make a cloud provider create an internal (private-address) load balancer, with the values that
 * mean "internal". `undefined` = any value except "false".
 */
const INTERNAL_ANNOTATIONS: readonly { key: string; values?: readonly string[] }[] = [
  { key: 'service.beta.kubernetes.io/aws-load-balancer-internal' }, // legacy in-tree AWS: "true" (or a CIDR)
  { key: 'service.beta.kubernetes.io/aws-load-balancer-scheme', values: ['internal'] }, // AWS Load Balancer Controller
  { key: 'networking.gke.io/load-balancer-type', values: ['internal'] },
  { key: 'cloud.google.com/load-balancer-type', values: ['internal'] },
  { key: 'service.beta.kubernetes.io/azure-load-balancer-internal', values: ['true'] },
  { key: 'service.beta.kubernetes.io/oci-load-balancer-internal', values: ['true'] },
  { key: 'oci-network-load-balancer.oraclecloud.com/internal', values: ['true'] },
  { key: 'service.beta.kubernetes.io/openstack-internal-load-balancer', values: ['true'] },
  { key: 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', values: ['private'] },
  { key: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', values: ['intranet'] },
  { key: 'load-balancer.hetzner.cloud/disable-public-network', values: ['true'] },
];

/** The legacy annotation form of loadBalancerSourceRanges (comma-separated CIDRs). */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

const ANY = new Set(['0.0.0.0/0', '::/0']);

function internalAnnotation(annotations: Record<string, string>): string | undefined {
  for (const a of INTERNAL_ANNOTATIONS) {
    const v = annotations[a.key];
    if (v === undefined) continue;
    const value = v.trim().toLowerCase();
    if (a.values ? a.values.includes(value) : value !== '' && value !== 'false') return a.key;
  }
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0093',
    slug: 'service-load-balancer-public',
    title: 'LoadBalancer Service is reachable from any address',
    severity: 'medium',
    category: 'network',
    kinds: ['Service'],
    description:
      'A Service of type LoadBalancer has no `spec.loadBalancerSourceRanges` (nor the legacy `service.beta.kubernetes.io/load-balancer-source-ranges` annotation) and no annotation that makes the cloud provider create an internal load balancer (AWS `aws-load-balancer-internal` / `aws-load-balancer-scheme: internal`, GKE `networking.gke.io/load-balancer-type: Internal` and the legacy `cloud.google.com/load-balancer-type`, Azure `azure-load-balancer-internal: "true"`, OCI, OpenStack, IBM, Alibaba and Hetzner equivalents). Source ranges that contain 0.0.0.0/0 or ::/0 are reported too.',
    rationale:
      'On a cloud provider a LoadBalancer Service gets a public address by default, and without source ranges the provider opens it to the whole internet. Services meant for other systems of the same network (databases, admin UIs, metrics) end up exposed and scanned within minutes.',
    remediation: `Make the load balancer internal, or restrict who may connect with \`loadBalancerSourceRanges\`.

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    networking.gke.io/load-balancer-type: "Internal"
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ["10.0.0.0/8"]
  selector: { app: api }
  ports:
    - port: 443
      targetPort: https
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer',
      'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/internal-load-balancing',
      'https://learn.microsoft.com/en-us/azure/aks/internal-lb',
    ],
    standards: { nsa: 'Network separation and hardening' },
    peers: [{ tool: 'kube-linter', id: 'exposed-services', match: 'partial' }],
    messages: {
      public: 'LoadBalancer Service "{{name}}" has no source ranges and no internal load balancer annotation: it is open to the internet.',
      openRange: 'Source range {{range}} of LoadBalancer Service "{{name}}" admits every address: it is open to the internet.',
    },
    examples: {
      good: `apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  selector: { app: api }
  ports: [{ port: 443, targetPort: 8443 }]
`,
      bad: `apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  type: LoadBalancer
  selector: { app: api }
  ports: [{ port: 443, targetPort: 8443 }]
`,
    },
  },
  run(obj, ctx) {
    const spec = asRecord(obj.value.spec);
    if (spec.type !== 'LoadBalancer') return;
    if (internalAnnotation(obj.annotations)) return;

    const ranges = asArray(spec.loadBalancerSourceRanges);
    if (ranges.length > 0) {
      ranges.forEach((r, i) => {
        if (typeof r === 'string' && ANY.has(r.trim())) {
          ctx.report({ path: ['spec', 'loadBalancerSourceRanges', i], messageId: 'openRange', data: { name: obj.name, range: r.trim() } });
        }
      });
      return;
    }
    // The API server ignores the annotation when spec.loadBalancerSourceRanges is set, so it is read only here.
    const legacy = obj.annotations[SOURCE_RANGES_ANNOTATION];
    if (legacy !== undefined && legacy.trim() !== '') {
      for (const r of legacy.split(',').map((s) => s.trim())) {
        if (ANY.has(r)) {
          ctx.report({ path: ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION], messageId: 'openRange', data: { name: obj.name, range: r } });
        }
      }
      return;
    }
    ctx.report({ path: ['spec', 'type'], messageId: 'public', data: { name: obj.name } });
  },
});
