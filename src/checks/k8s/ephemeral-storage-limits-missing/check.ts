import { defineCheck } from '../../define-check.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';
import { resourceCoverage } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0070',
    slug: 'ephemeral-storage-limits-missing',
    title: 'Container has no ephemeral-storage limit',
    severity: 'low',
    category: 'resources',
    kinds: [...POD_KINDS],
    defaultEnabled: false,
    description:
      'A container or init container has no `resources.limits.ephemeral-storage`, no pod-level limit bounds it, and no LimitRange among the scanned objects defaults one in its namespace.',
    rationale:
      "Writable container layers, logs and emptyDir volumes live on the node's disk. Without an ephemeral-storage limit one container can fill it, and the kubelet then evicts every pod on the node under DiskPressure. The check is opt-in: most manifests do not set this limit, the right value is hard to guess, and a pod that exceeds a limit that is too tight is evicted outright, so teams should enable it deliberately.",
    remediation: `Set an ephemeral-storage limit (and request) sized for the container's scratch files and logs; put large scratch data on an emptyDir with a sizeLimit.

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    resources:
      requests:
        ephemeral-storage: 1Gi
      limits:
        ephemeral-storage: 2Gi
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/',
    ],
    standards: { nsa: 'Resource policies: set requests and limits for every container' },
    peers: [{ tool: 'kube-linter', id: 'unset-ephemeral-storage-requirements', match: 'partial' }],
    messages: { missing: 'Container "{{container}}" has no ephemeral-storage limit (resources.limits.ephemeral-storage).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: { ephemeral-storage: 1Gi }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: { memory: 256Mi }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj, ['initContainers', 'containers'])) {
      if (resourceCoverage(c, 'limits', 'ephemeral-storage', obj, ctx.index).covered) continue;
      ctx.report({ path: [...c.path, 'resources', 'limits', 'ephemeral-storage'], data: { container: c.name } });
    }
  },
});
