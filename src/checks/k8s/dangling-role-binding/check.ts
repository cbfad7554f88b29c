import { defineCheck } from '../../define-check.js';
import { isPlaceholder, normalizeNamespace, objectsInNamespace } from '../../_lib/network.js';
import { asRecord } from '../../_lib/pod.js';

/** ClusterRoles every cluster has (user-facing defaults) and name prefixes reserved for system/bootstrap roles. */
const BUILTIN_CLUSTER_ROLES: ReadonlySet<string> = new Set(['cluster-admin', 'admin', 'edit', 'view']);
const BUILTIN_PREFIXES = ['system:', 'kubeadm:', 'eks:', 'gce:'];
/** Roles Kubernetes creates in kube-system; bound by aggregated API servers such as metrics-server. */
const BUILTIN_KUBE_SYSTEM_ROLES: ReadonlySet<string> = new Set(['extension-apiserver-authentication-reader']);

function builtIn(kind: string, name: string, namespace: string): boolean {
  if (BUILTIN_PREFIXES.some((p) => name.startsWith(p))) return true;
  if (kind === 'ClusterRole') return BUILTIN_CLUSTER_ROLES.has(name);
  return namespace === 'kube-system' && BUILTIN_KUBE_SYSTEM_ROLES.has(name);
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0099',
    slug: 'dangling-role-binding',
    title: 'RoleBinding references a Role that is not defined',
    severity: 'medium',
    category: 'rbac',
    kinds: ['RoleBinding', 'ClusterRoleBinding'],
    description:
      "A RoleBinding or ClusterRoleBinding has a `roleRef` to a Role or ClusterRole that the scan does not define and that is not built in. A Role must be in the binding's namespace (unset and `default` are the same namespace); a ClusterRole may be anywhere in the scan. Built-in roles are never reported: cluster-admin, admin, edit, view, names starting with `system:`, `kubeadm:`, `eks:` or `gce:`, and the kube-system Role extension-apiserver-authentication-reader. To stay quiet on partial scans, the check only reports when the scan defines at least one Role or ClusterRole (a scan without any does not carry its RBAC definitions). Bindings to roles that another installation creates must be suppressed.",
    rationale:
      'A binding to a missing role grants nothing today, which usually hides a broken deployment (the workload fails with "forbidden"). It is also a dormant grant: whoever later creates a role with that name, in a namespace they control or through another chart, silently hands its permissions to the subjects of the binding.',
    remediation: `Ship the referenced Role (or ClusterRole) with the binding, fix the name, or delete the binding.

\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app-config-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: config-reader
subjects:
  - kind: ServiceAccount
    name: app
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings',
    ],
    standards: {},
    peers: [],
    messages: {
      missing: '{{bindingKind}} "{{name}}" references {{roleKind}} "{{role}}"{{where}}, which is not defined in the scan and is not built in.',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-view }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects: [{ kind: ServiceAccount, name: app }]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: config-reader }
rules: [{ apiGroups: [""], resources: [configmaps], verbs: [get, list] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-config-reader }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-readers }
subjects: [{ kind: ServiceAccount, name: app }]
`,
    },
  },
  run(obj, ctx) {
    const ref = asRecord(obj.value.roleRef);
    const kind = ref.kind;
    const name = ref.name;
    if ((kind !== 'Role' && kind !== 'ClusterRole') || typeof name !== 'string' || name === '' || isPlaceholder(name)) return;
    // A ClusterRoleBinding can only reference a ClusterRole; the API server rejects anything else.
    if (obj.kind === 'ClusterRoleBinding' && kind !== 'ClusterRole') return;
    const ns = normalizeNamespace(obj.namespace);
    if (builtIn(kind, name, ns)) return;
    // A scan without any Role or ClusterRole does not carry its RBAC definitions: nothing to compare against.
    if (ctx.index.ofKind('Role', 'ClusterRole').length === 0) return;
    const defined =
      kind === 'ClusterRole'
        ? ctx.index.ofKind('ClusterRole').some((r) => r.name === name)
        : objectsInNamespace(ctx.index, obj.namespace, 'Role').some((r) => r.name === name);
    if (defined) return;
    ctx.report({
      path: ['roleRef', 'name'],
      data: { bindingKind: obj.kind, name: obj.name, roleKind: kind, role: name, where: kind === 'Role' ? ` in namespace "${ns}"` : '' },
    });
  },
});
