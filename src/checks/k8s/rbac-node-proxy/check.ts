import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0050',
    slug: 'rbac-node-proxy',
    title: 'ClusterRole grants access to nodes/proxy',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A ClusterRole rule grants any verb on `nodes/proxy` in the core group, directly or through wildcards (`*`, `*/proxy`). Nodes are cluster-scoped, so the same rule in a namespaced Role grants nothing and is not reported.',
    rationale:
      'nodes/proxy gives direct access to the kubelet API of every node. Depending on the verb that means reading pod specs and logs, or running commands in any container on the node (`/exec`, `/run`), bypassing admission control and most audit logging. CIS Kubernetes Benchmark 5.1.10 asks to minimize access to it.',
    remediation: `Remove nodes/proxy; monitoring agents usually need only nodes/metrics or nodes/stats.

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["nodes/metrics", "nodes/stats"]
    verbs: ["get"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes',
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
    ],
    standards: { cis: ['5.1.10'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [{ tool: 'trivy', id: 'KSV047', match: 'partial' }],
    messages: {
      proxy: '{{kind}} rule {{rule}} grants access to {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: metrics-scraper }
rules:
  - apiGroups: [""]
    resources: ["nodes/metrics"]
    verbs: ["get"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: node-proxy }
rules:
  - apiGroups: [""]
    resources: ["nodes/proxy"]
    verbs: ["get"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(obj, ctx.report, { verbs: ['*'], targets: [{ resource: 'nodes/proxy', groups: [''] }] }, 'resources');
  },
});
