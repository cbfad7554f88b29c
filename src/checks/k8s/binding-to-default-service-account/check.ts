import { defineCheck } from '../../define-check.js';
import { BINDING_KINDS, bindingSubjects, roleRef } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0057',
    slug: 'binding-to-default-service-account',
    title: 'Role bound to a "default" service account',
    severity: 'medium',
    category: 'rbac',
    kinds: [...BINDING_KINDS],
    description:
      'A RoleBinding or ClusterRoleBinding has a subject of kind ServiceAccount named `default`.',
    rationale:
      'Every namespace has a `default` service account and every pod that does not name another one runs as it. Permissions granted to it are therefore silently shared by all such pods, including ones added later. Give each workload that needs API access its own service account. CIS Kubernetes Benchmark 5.1.5 asks that default service accounts are not actively used.',
    remediation: `Create a dedicated service account, bind the role to it and set serviceAccountName in the workload.

\`\`\`yaml
subjects:
  - kind: ServiceAccount
    name: reporting-job
    namespace: app
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#service-account-permissions',
    ],
    standards: { cis: ['5.1.5'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [{ tool: 'checkov', id: 'CKV_K8S_42', match: 'same' }],
    messages: {
      defaultSa:
        '{{role}} is granted to the "default" service account of namespace "{{namespace}}" (subjects[{{subject}}]), which every pod there without its own service account runs as.',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: reader, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects:
  - { kind: ServiceAccount, name: reporting, namespace: app }
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: reader, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects:
  - { kind: ServiceAccount, name: default, namespace: app }
`,
    },
  },
  run(obj, ctx) {
    const ref = roleRef(obj);
    const role = ref ? `${ref.kind} "${ref.name}"` : 'the bound role';
    for (const s of bindingSubjects(obj)) {
      if (s.kind !== 'ServiceAccount' || s.name !== 'default') continue;
      // A RoleBinding's ServiceAccount subject without a namespace means the binding's own namespace.
      const namespace = s.namespace || obj.namespace || '(unset)';
      ctx.report({ path: [...s.path, 'name'], data: { subject: s.index, namespace, role } });
    }
  },
});
