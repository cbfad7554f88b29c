import { defineCheck } from '../../define-check.js';
import { grantData, RBAC_GROUP, ROLE_KINDS, roleRules, ruleGrants } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0045',
    slug: 'rbac-bind-verb',
    title: 'Role grants "bind" on roles or clusterroles',
    severity: 'critical',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants the `bind` verb (or `"*"`) on `roles` or `clusterroles` in `rbac.authorization.k8s.io`, directly or through wildcards. Rules limited with `resourceNames` to specific roles other than `cluster-admin` are the documented way to delegate binding and are not reported.',
    rationale:
      'RBAC normally refuses a RoleBinding or ClusterRoleBinding to a role whose permissions the creator does not hold. `bind` switches that protection off: with it (and create on bindings) a subject can bind itself or anyone to any role, including cluster-admin. CIS Kubernetes Benchmark 5.1.8 asks to limit the bind, impersonate and escalate permissions.',
    remediation: `Remove "bind" (and "*"), or restrict it with resourceNames to the roles the subject may hand out.

\`\`\`yaml
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames: ["view"]
    verbs: ["bind"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#bind-verb',
    ],
    standards: { cis: ['5.1.8'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_157', match: 'partial' },
      { tool: 'trivy', id: 'KSV050', match: 'partial' },
    ],
    messages: {
      bind: '{{kind}} rule {{rule}} grants "bind" on {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: view-granter, namespace: team-a }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames: ["view"]
    verbs: ["bind"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: any-binder }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs: ["bind"]
`,
    },
  },
  run(obj, ctx) {
    for (const rule of roleRules(obj)) {
      // resourceNames limit which roles can be bound: safe unless cluster-admin is among them.
      if (rule.resourceNames.length > 0 && !rule.resourceNames.includes('cluster-admin')) continue;
      const g = ruleGrants(obj, rule, {
        verbs: ['bind'],
        targets: [
          { resource: 'roles', groups: [RBAC_GROUP] },
          { resource: 'clusterroles', groups: [RBAC_GROUP] },
        ],
      }, { namespacedUse: ['clusterroles'] });
      if (g) ctx.report({ path: [...rule.path, 'verbs'], data: grantData(obj, rule, g) });
    }
  },
});
