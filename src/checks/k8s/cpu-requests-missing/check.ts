import { defineCheck } from '../../define-check.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';
import { resourceCoverage } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0066',
    slug: 'cpu-requests-missing',
    title: 'Container has no CPU request',
    severity: 'low',
    category: 'resources',
    kinds: [...POD_KINDS],
    description:
      'A container or init container has no `resources.requests.cpu`, and nothing else gives it one: no CPU limit (a request defaults to the limit), no pod-level `spec.resources`, and no LimitRange default in the same namespace among the scanned objects.',
    rationale:
      'The scheduler places pods by their requests. A container without a CPU request is scheduled as if it needed nothing, lands on already busy nodes and gets the smallest CPU share under contention (its pod may fall to the BestEffort QoS class, the first to be evicted). Requests also feed autoscalers: an HPA on CPU utilization cannot compute a percentage without them.',
    remediation: `Set a CPU request that matches the container's steady-state usage (or a CPU limit, which the request then defaults to).

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
      'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/',
      'https://kubernetes.io/docs/concepts/policy/limit-range/',
    ],
    standards: { nsa: 'Resource policies: set requests and limits for every container' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_10', match: 'same' },
      { tool: 'trivy', id: 'KSV015', match: 'same' },
      { tool: 'kube-linter', id: 'unset-cpu-requirements', match: 'partial' },
      { tool: 'polaris', id: 'cpuRequestsMissing', match: 'partial' },
    ],
    messages: { missing: 'Container "{{container}}" has no CPU request (resources.requests.cpu).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: { cpu: 100m }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: { memory: 128Mi }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj, ['initContainers', 'containers'])) {
      if (resourceCoverage(c, 'requests', 'cpu', obj, ctx.index).covered) continue;
      ctx.report({ path: [...c.path, 'resources', 'requests', 'cpu'], data: { container: c.name } });
    }
  },
});
