import { defineCheck } from '../../define-check.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';
import { resourceCoverage } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0069',
    slug: 'memory-limits-missing',
    title: 'Container has no memory limit',
    severity: 'medium',
    category: 'resources',
    kinds: [...POD_KINDS],
    description:
      'A container or init container has no `resources.limits.memory`, no pod-level memory limit bounds it, and no LimitRange among the scanned objects defaults one in its namespace.',
    rationale:
      'A container without a memory limit can grow until the node itself runs out of memory. The kernel OOM killer and the kubelet then kill or evict other pods, including system components, so one leaking or malicious workload becomes a node-wide denial of service.',
    remediation: `Set a memory limit sized for the container's peak usage (many teams set it equal to the request).

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    resources:
      requests:
        memory: 256Mi
      limits:
        memory: 256Mi
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
      'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/',
      'https://kubernetes.io/docs/concepts/policy/limit-range/',
    ],
    standards: { nsa: 'Resource policies: set requests and limits for every container' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_13', match: 'same' },
      { tool: 'trivy', id: 'KSV018', match: 'same' },
      { tool: 'kube-linter', id: 'unset-memory-requirements', match: 'partial' },
      { tool: 'polaris', id: 'memoryLimitsMissing', match: 'partial' },
    ],
    messages: { missing: 'Container "{{container}}" has no memory limit (resources.limits.memory).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: { memory: 256Mi }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: { memory: 256Mi }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj, ['initContainers', 'containers'])) {
      if (resourceCoverage(c, 'limits', 'memory', obj, ctx.index).covered) continue;
      ctx.report({ path: [...c.path, 'resources', 'limits', 'memory'], data: { container: c.name } });
    }
  },
});
