import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0047',
    slug: 'rbac-pod-exec-attach',
    title: 'Role allows exec or attach into pods',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `create` or `get` (or `"*"`) on `pods/exec` or `pods/attach` in the core group, directly or through wildcards (`*`, `*/exec`). `get` counts because WebSocket clients open exec and attach sessions with a GET request.',
    rationale:
      'A shell in a container hands over everything the container holds: its mounted service account token, Secrets in its environment and files, and any host access it was given. It is a common path from limited API access to cluster-admin.',
    remediation: `Remove pods/exec and pods/attach from roles of workloads and broad groups; grant them only to break-glass roles bound when needed.

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources',
      'https://polaris.docs.fairwinds.com/checks/security/',
    ],
    standards: { nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'trivy', id: 'KSV053', match: 'partial' },
      { tool: 'trivy', id: 'KSV054', match: 'partial' },
      { tool: 'polaris', id: 'clusterrolePodExecAttach', match: 'partial' },
      { tool: 'polaris', id: 'rolePodExecAttach', match: 'partial' },
    ],
    messages: {
      exec: '{{kind}} rule {{rule}} allows {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: log-reader, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: debugger, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['create', 'get'],
        targets: [
          { resource: 'pods/exec', groups: [''] },
          { resource: 'pods/attach', groups: [''] },
        ],
      },
      'resources',
    );
  },
});
