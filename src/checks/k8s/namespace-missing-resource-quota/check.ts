import { defineCheck } from '../../define-check.js';
import { objectsForNamespaceObject, SYSTEM_NAMESPACES } from '../../_lib/network.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0107',
    slug: 'namespace-missing-resource-quota',
    title: 'Namespace has no ResourceQuota',
    severity: 'low',
    category: 'resources',
    kinds: ['Namespace'],
    description:
      'A Namespace object is defined but the scan contains no ResourceQuota for it (ResourceQuotas without a namespace count for every Namespace of the scan; kube-system, kube-public and kube-node-lease are skipped). Off by default: it is meant for platform repositories that provision namespaces, and would be noise for applications that merely create their own namespace, as in Trivy, where the equivalent check is optional.',
    rationale:
      'A ResourceQuota caps what a namespace may consume in total: CPU, memory, storage and object counts (pods, Services of type LoadBalancer, Secrets). Without it one team, a runaway autoscaler or a compromised CI token can exhaust the cluster and the cloud budget.',
    remediation: `Ship a ResourceQuota with the namespace that caps compute and object counts.

\`\`\`yaml
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team-a
spec:
  hard:
    requests.cpu: "8"
    requests.memory: 16Gi
    limits.cpu: "16"
    limits.memory: 32Gi
    pods: "50"
    services.loadbalancers: "0"
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/policy/resource-quotas/',
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/kubernetes/advanced/optional/use_resource_quota.rego',
      'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
    ],
    standards: { nsa: 'Resource policies' },
    peers: [{ tool: 'trivy', id: 'KSV040', match: 'partial' }],
    defaultEnabled: false,
    messages: { missing: 'Namespace "{{namespace}}" has no ResourceQuota in the scan; its total consumption is unbounded.' },
    examples: {
      good: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: team-a }
spec:
  hard: { requests.cpu: "8", requests.memory: 16Gi, limits.cpu: "16", limits.memory: 32Gi }
`,
      bad: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
`,
    },
  },
  run(obj, ctx) {
    if (obj.name === '' || SYSTEM_NAMESPACES.has(obj.name)) return;
    if (objectsForNamespaceObject(ctx.index, obj.name, 'ResourceQuota').length > 0) return;
    ctx.report({ path: ['metadata', 'name'], data: { namespace: obj.name } });
  },
});
