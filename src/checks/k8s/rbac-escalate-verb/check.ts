import { defineCheck } from '../../define-check.js';
import { RBAC_GROUP, reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0044',
    slug: 'rbac-escalate-verb',
    title: 'Role grants "escalate" on roles or clusterroles',
    severity: 'critical',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants the `escalate` verb (or `"*"`) on `roles` or `clusterroles` in `rbac.authorization.k8s.io`, directly or through wildcards.',
    rationale:
      'RBAC normally refuses to let a subject create or update a role with permissions it does not hold itself. `escalate` switches that protection off: the holder can edit a role it is bound to and give itself any permission, up to cluster-admin. CIS Kubernetes Benchmark 5.1.8 asks to limit the bind, impersonate and escalate permissions.',
    remediation: `Remove "escalate" (and "*") from rules on roles and clusterroles; grant the exact permissions the subject needs instead.

\`\`\`yaml
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb',
    ],
    standards: { cis: ['5.1.8'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_158', match: 'same' },
      { tool: 'trivy', id: 'KSV050', match: 'partial' },
    ],
    messages: {
      escalate: '{{kind}} rule {{rule}} grants "escalate" on {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: role-viewer }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: role-escalator }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs: ["get", "update", "escalate"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['escalate'],
        targets: [
          { resource: 'roles', groups: [RBAC_GROUP] },
          { resource: 'clusterroles', groups: [RBAC_GROUP] },
        ],
      },
      'verbs',
    );
  },
});
