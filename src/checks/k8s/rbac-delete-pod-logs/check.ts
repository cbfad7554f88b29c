import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0054',
    slug: 'rbac-delete-pod-logs',
    title: 'Role can delete pod logs',
    severity: 'medium',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `delete` or `deletecollection` (or `"*"`) on `pods/log` in the core group, directly or through wildcards (`*`, `*/log`).',
    rationale:
      'Deleting container logs lets an attacker cover their tracks on clusters that do not ship logs off the node quickly. No workload needs it.',
    remediation: `Grant only read access to pods/log.

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get", "list"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://kubernetes.io/docs/concepts/cluster-administration/logging/',
    ],
    standards: { nsa: 'Logging and threat detection' },
    peers: [{ tool: 'trivy', id: 'KSV042', match: 'same' }],
    messages: {
      delete: '{{kind}} rule {{rule}} can delete {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: log-reader, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get", "list"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: log-eraser, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get", "delete"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(obj, ctx.report, { verbs: ['delete', 'deletecollection'], targets: [{ resource: 'pods/log', groups: [''] }] }, 'resources');
  },
});
