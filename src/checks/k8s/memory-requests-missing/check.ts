import { defineCheck } from '../../define-check.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';
import { resourceCoverage } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0068',
    slug: 'memory-requests-missing',
    title: 'Container has no memory request',
    severity: 'low',
    category: 'resources',
    kinds: [...POD_KINDS],
    description:
      'A container or init container has no `resources.requests.memory`, and nothing else gives it one: no memory limit (a request defaults to the limit), no pod-level `spec.resources`, and no LimitRange default in the same namespace among the scanned objects.',
    rationale:
      'Memory is not compressible: when a node runs short, the kubelet evicts pods whose usage exceeds their requests first. A container without a memory request is scheduled as if it used none, overcommits the node and is among the first victims of memory-pressure eviction and of the kernel OOM killer.',
    remediation: `Set a memory request that matches the container's working set.

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    resources:
      requests:
        cpu: 250m
        memory: 256Mi
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/',
    ],
    standards: { nsa: 'Resource policies: set requests and limits for every container' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_12', match: 'same' },
      { tool: 'trivy', id: 'KSV016', match: 'same' },
      { tool: 'polaris', id: 'memoryRequestsMissing', match: 'partial' },
    ],
    messages: { missing: 'Container "{{container}}" has no memory request (resources.requests.memory).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: { memory: 128Mi }
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
      if (resourceCoverage(c, 'requests', 'memory', obj, ctx.index).covered) continue;
      ctx.report({ path: [...c.path, 'resources', 'requests', 'memory'], data: { container: c.name } });
    }
  },
});
