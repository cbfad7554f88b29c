import { defineCheck } from '../../define-check.js';
import { objectsForNamespaceObject, SYSTEM_NAMESPACES } from '../../_lib/network.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0106',
    slug: 'namespace-missing-limit-range',
    title: 'Namespace has no LimitRange',
    severity: 'low',
    category: 'resources',
    kinds: ['Namespace'],
    description:
      'A Namespace object is defined but the scan contains no LimitRange for it (LimitRanges without a namespace count for every Namespace of the scan; kube-system, kube-public and kube-node-lease are skipped). Off by default: it is meant for platform repositories that provision namespaces, and would be noise for applications that merely create their own namespace, as in Trivy, where the equivalent check is optional.',
    rationale:
      'A LimitRange gives every container default requests and limits and caps what one pod may ask for. Without it, a container without limits can take a whole node\'s memory or CPU, starving its neighbours, and a single manifest can request more than the namespace should ever get.',
    remediation: `Ship a LimitRange with the namespace that sets default requests and limits and a maximum per container.

\`\`\`yaml
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team-a
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m, memory: 128Mi }
      default: { cpu: 500m, memory: 512Mi }
      max: { cpu: "2", memory: 2Gi }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/policy/limit-range/',
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/kubernetes/advanced/optional/use_limit_range.rego',
      'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
    ],
    standards: { nsa: 'Resource policies' },
    peers: [{ tool: 'trivy', id: 'KSV039', match: 'partial' }],
    defaultEnabled: false,
    messages: { missing: 'Namespace "{{namespace}}" has no LimitRange in the scan; containers without limits get none.' },
    examples: {
      good: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: team-a }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 512Mi }
      defaultRequest: { cpu: 100m, memory: 128Mi }
`,
      bad: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
`,
    },
  },
  run(obj, ctx) {
    if (obj.name === '' || SYSTEM_NAMESPACES.has(obj.name)) return;
    if (objectsForNamespaceObject(ctx.index, obj.name, 'LimitRange').length > 0) return;
    ctx.report({ path: ['metadata', 'name'], data: { namespace: obj.name } });
  },
});
