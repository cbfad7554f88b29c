import { defineCheck } from '../../define-check.js';
import { BINDING_KINDS, bindingSubjects, roleRef } from '../../_lib/rbac.js';

/**
 * ClusterRoles Kubernetes itself binds to every authenticated user (and, for public-info-viewer, to anonymous
 * requests too). They expose only discovery, version and health endpoints and self-subject reviews.
 */
const DISCOVERY_ROLES = new Set(['system:basic-user', 'system:discovery', 'system:public-info-viewer']);
const PUBLIC_ROLES = new Set(['system:public-info-viewer']);

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0058',
    slug: 'binding-to-anonymous',
    title: 'Role bound to anonymous or all authenticated users',
    severity: 'critical',
    category: 'rbac',
    kinds: [...BINDING_KINDS],
    description:
      'A RoleBinding or ClusterRoleBinding has the subject User `system:anonymous` or Group `system:unauthenticated` (anyone who can reach the API server), or Group `system:authenticated` (every identity the cluster accepts, including every service account and, on managed clusters, possibly any account of the cloud provider). Bindings to the built-in discovery roles that Kubernetes grants these groups by default (`system:public-info-viewer` for everyone; also `system:basic-user` and `system:discovery` for authenticated users) are not reported.',
    rationale:
      'Permissions granted to these subjects are granted to attackers before any credential is stolen: exposed API servers with anonymous access bound to powerful roles have been mass-exploited. `system:authenticated` is nearly as broad, since it includes every pod\'s service account token.',
    remediation: `Bind the role to the specific users, groups or service accounts that need it.

\`\`\`yaml
subjects:
  - kind: Group
    name: platform-team
    apiGroup: rbac.authorization.k8s.io
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles',
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
    ],
    standards: { nsa: 'Authentication and authorization: disable anonymous access' },
    peers: [{ tool: 'trivy', id: 'KSV122', match: 'partial' }],
    messages: {
      anonymous: 'Anonymous requests (User "system:anonymous") are granted {{role}} by subjects[{{subject}}].',
      unauthenticated: 'Unauthenticated requests (Group "system:unauthenticated") are granted {{role}} by subjects[{{subject}}].',
      authenticated: 'Every authenticated identity (Group "system:authenticated") is granted {{role}} by subjects[{{subject}}].',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: team-view }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
  - { kind: Group, name: platform-team, apiGroup: rbac.authorization.k8s.io }
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: anonymous-view }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
  - { kind: User, name: "system:anonymous", apiGroup: rbac.authorization.k8s.io }
`,
    },
  },
  run(obj, ctx) {
    const ref = roleRef(obj);
    if (!ref) return;
    const role = `${ref.kind || 'role'} "${ref.name}"`;
    const isClusterRole = ref.kind === 'ClusterRole';
    for (const s of bindingSubjects(obj)) {
      let messageId: 'anonymous' | 'unauthenticated' | 'authenticated' | undefined;
      if (s.kind === 'User' && s.name === 'system:anonymous') messageId = 'anonymous';
      else if (s.kind === 'Group' && s.name === 'system:unauthenticated') messageId = 'unauthenticated';
      else if (s.kind === 'Group' && s.name === 'system:authenticated') messageId = 'authenticated';
      if (!messageId) continue;
      const allowed = messageId === 'authenticated' ? DISCOVERY_ROLES : PUBLIC_ROLES;
      if (isClusterRole && allowed.has(ref.name)) continue;
      ctx.report({ path: [...s.path, 'name'], messageId, data: { role, subject: s.index } });
    }
  },
});
