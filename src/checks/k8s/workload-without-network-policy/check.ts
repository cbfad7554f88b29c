import { defineCheck } from '../../define-check.js';
import { normalizeNamespace, objectsInNamespace, PodLabelView, policySelects, usesHostNetwork } from '../../_lib/network.js';
import { POD_KINDS, podMetadataPath } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0089',
    slug: 'workload-without-network-policy',
    title: 'Workload is not selected by any NetworkPolicy',
    severity: 'low',
    category: 'network',
    kinds: [...POD_KINDS],
    description:
      "A workload's pods are not selected by any NetworkPolicy of their namespace. To stay quiet on scans that hold only part of an application, the check reports only when the scan contains at least one NetworkPolicy in the workload's namespace (unset and `default` are the same namespace): the application uses NetworkPolicies, and this workload was left out. Host-network pods are skipped, since NetworkPolicy does not reliably apply to them; namespaces with no policy at all are the job of namespace-without-network-policy.",
    rationale:
      'A pod that no NetworkPolicy selects is non-isolated: it accepts every connection and may open any. When the rest of the application is locked down, the forgotten workload is the path an attacker takes, and it is usually a side component (a migration Job, a metrics exporter) that nobody reviews.',
    remediation: `Give the pods labels that an existing policy selects, or add a policy for them (a namespace-wide \`podSelector: {}\` default-deny covers every workload).

\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: worker
spec:
  podSelector:
    matchLabels: { app: worker }
  policyTypes: ["Ingress", "Egress"]
  egress:
    - to:
        - podSelector: { matchLabels: { app: db } }
      ports: [{ port: 5432 }]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation',
      'https://docs.kubelinter.io/#/generated/checks?id=non-isolated-pod',
    ],
    standards: { nsa: 'Network separation and hardening' },
    peers: [
      { tool: 'kube-linter', id: 'non-isolated-pod', match: 'partial' },
      { tool: 'polaris', id: 'missingNetworkPolicy', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_K8S_6', match: 'partial' },
    ],
    messages: {
      notSelected:
        '{{kind}} "{{name}}": no NetworkPolicy of namespace "{{namespace}}" selects its pods ({{labels}}), although the namespace has {{count}} polic{{plural}}.',
    },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: worker }
spec:
  selector: { matchLabels: { app: worker } }
  template:
    metadata: { labels: { app: worker } }
    spec:
      containers: [{ name: worker, image: example/worker:1.0 }]
`,
    },
  },
  run(obj, ctx) {
    if (usesHostNetwork(obj)) return;
    const policies = objectsInNamespace(ctx.index, obj.namespace, 'NetworkPolicy');
    if (policies.length === 0) return;
    const pods = PodLabelView.of(obj);
    if (policies.some((np) => policySelects(np, pods))) return;
    const labels = pods.labels;
    const md = podMetadataPath(obj) ?? ['metadata'];
    const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
    ctx.report({
      path: [...md, 'labels'],
      data: {
        kind: obj.kind,
        name: obj.name,
        namespace: normalizeNamespace(obj.namespace),
        labels: labelText === '' ? 'no labels' : labelText,
        count: policies.length,
        plural: policies.length === 1 ? 'y' : 'ies',
      },
    });
  },
});
