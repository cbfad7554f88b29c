import { defineCheck } from '../../define-check.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';
import { resourceCoverage } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0067',
    slug: 'cpu-limits-missing',
    title: 'Container has no CPU limit',
    severity: 'low',
    category: 'resources',
    kinds: [...POD_KINDS],
    description:
      'A container or init container has no `resources.limits.cpu`, no pod-level CPU limit bounds it, and no LimitRange among the scanned objects defaults one in its namespace.',
    rationale:
      'Without a CPU limit a runaway or compromised process can use every idle core of the node, starving neighbours that only have their requests (noisy neighbour, crypto-mining, denial of service). Some teams deliberately run without CPU limits to avoid throttling; if that is your policy, disable this check rather than waiving it per workload.',
    remediation: `Set a CPU limit sized for the container's peak usage.

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    resources:
      requests:
        cpu: 250m
      limits:
        cpu: "1"
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
      'https://kubernetes.io/docs/concepts/policy/limit-range/',
    ],
    standards: { nsa: 'Resource policies: set requests and limits for every container' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_11', match: 'same' },
      { tool: 'trivy', id: 'KSV011', match: 'same' },
      { tool: 'polaris', id: 'cpuLimitsMissing', match: 'partial' },
    ],
    messages: { missing: 'Container "{{container}}" has no CPU limit (resources.limits.cpu).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: { cpu: 500m }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: { cpu: 100m }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj, ['initContainers', 'containers'])) {
      if (resourceCoverage(c, 'limits', 'cpu', obj, ctx.index).covered) continue;
      ctx.report({ path: [...c.path, 'resources', 'limits', 'cpu'], data: { container: c.name } });
    }
  },
});
