import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0046',
    slug: 'rbac-impersonate',
    title: 'Role grants "impersonate" on users, groups, service accounts or UIDs',
    severity: 'critical',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants the `impersonate` verb (or `"*"`) on `users`, `groups` or `serviceaccounts` (core group) or `uids` (`authentication.k8s.io`), directly or through wildcards. In a namespaced Role only `serviceaccounts` count: users, groups and UIDs are impersonated cluster-wide.',
    rationale:
      'Impersonation lets a subject send requests as another identity (`kubectl --as=... --as-group=system:masters`), taking on all of its permissions. Unless it is limited with resourceNames to harmless identities it is equivalent to cluster-admin. CIS Kubernetes Benchmark 5.1.8 asks to limit the bind, impersonate and escalate permissions.',
    remediation: `Remove "impersonate" (and "*"), or restrict it with resourceNames to the identities that may be assumed.

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    resourceNames: ["ci-deployer"]
    verbs: ["impersonate"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#impersonate-verb',
    ],
    standards: { cis: ['5.1.8'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'trivy', id: 'KSV043', match: 'partial' },
      { tool: 'trivy', id: 'KSV050', match: 'partial' },
    ],
    messages: {
      impersonate: '{{kind}} rule {{rule}} grants "impersonate" on {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: sa-reader }
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    verbs: ["get", "list"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: impersonator }
rules:
  - apiGroups: [""]
    resources: ["users", "groups"]
    verbs: ["impersonate"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['impersonate'],
        targets: [
          { resource: 'users', groups: [''] },
          { resource: 'groups', groups: [''] },
          { resource: 'serviceaccounts', groups: [''] },
          { resource: 'uids', groups: ['authentication.k8s.io'] },
        ],
      },
      'verbs',
    );
  },
});
