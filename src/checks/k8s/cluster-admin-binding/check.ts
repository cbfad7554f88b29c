import { defineCheck } from '../../define-check.js';
import { BINDING_KINDS, bindingSubjects, listText, roleRef, subjectText } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0056',
    slug: 'cluster-admin-binding',
    title: 'Binding grants the cluster-admin ClusterRole',
    severity: 'high',
    category: 'rbac',
    kinds: [...BINDING_KINDS],
    description:
      'A ClusterRoleBinding or RoleBinding has `roleRef` ClusterRole `cluster-admin` and at least one subject. Through a ClusterRoleBinding that is full control of the cluster; through a RoleBinding it is full control of the namespace, Secrets, RBAC and pod creation included. The built-in binding (`kubernetes.io/bootstrapping: rbac-defaults`) is not reported.',
    rationale:
      'cluster-admin allows every verb on every resource. A compromised subject (typically a workload\'s service account token) then compromises the whole cluster or namespace. CIS Kubernetes Benchmark 5.1.1 asks to use the cluster-admin role only where required.',
    remediation: `Bind a dedicated role with only the permissions the subject needs (or the built-in admin, edit or view roles in a namespace).

\`\`\`yaml
kind: RoleBinding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: app
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://docs.kubelinter.io/#/generated/checks?id=cluster-admin-role-binding',
    ],
    standards: { cis: ['5.1.1'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'kube-linter', id: 'cluster-admin-role-binding', match: 'partial' },
      { tool: 'polaris', id: 'clusterrolebindingClusterAdmin', match: 'partial' },
      { tool: 'polaris', id: 'rolebindingClusterAdminClusterRole', match: 'partial' },
    ],
    messages: {
      cluster: 'ClusterRoleBinding grants cluster-admin on the whole cluster to {{subjects}}.',
      namespace: 'RoleBinding grants cluster-admin on namespace "{{namespace}}" to {{subjects}}.',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: deployer-edit, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
subjects:
  - { kind: ServiceAccount, name: deployer, namespace: app }
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: deployer-admin }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
  - { kind: ServiceAccount, name: deployer, namespace: app }
`,
    },
  },
  run(obj, ctx) {
    const ref = roleRef(obj);
    if (!ref || ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return;
    const subjects = bindingSubjects(obj);
    // A binding without subjects grants nothing (bootstrap bindings also come back empty).
    if (subjects.length === 0) return;
    const who = listText(subjects.map(subjectText));
    if (obj.kind === 'ClusterRoleBinding') {
      ctx.report({ path: ['roleRef', 'name'], messageId: 'cluster', data: { subjects: who } });
    } else {
      ctx.report({ path: ['roleRef', 'name'], messageId: 'namespace', data: { subjects: who, namespace: obj.namespace || '(unset)' } });
    }
  },
});
