import { defineCheck } from '../../define-check.js';
import { listText, ROLE_KINDS, roleRules } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0041',
    slug: 'rbac-wildcard-verbs',
    title: 'Role rule allows every verb ("*")',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule lists `"*"` in `verbs`, so it allows every current and future verb (including `escalate`, `bind`, `impersonate`, `deletecollection`) on the resources or non-resource URLs it names.',
    rationale:
      'Wildcard verbs grant far more than a workload normally needs and silently widen when Kubernetes or a CRD adds verbs. On sensitive resources they turn read access into full control. CIS Kubernetes Benchmark 5.1.3 asks to minimize wildcard use in Roles and ClusterRoles. Built-in bootstrap roles (`kubernetes.io/bootstrapping: rbac-defaults`) and aggregated ClusterRoles, whose rules the controller fills in, are not reported.',
    remediation: `List the verbs the subject really needs instead of "*".

\`\`\`yaml
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
      'https://docs.kubelinter.io/#/generated/checks?id=wildcard-in-rules',
    ],
    standards: { cis: ['5.1.3'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'trivy', id: 'KSV045', match: 'partial' },
      { tool: 'trivy', id: 'KSV044', match: 'partial' },
      { tool: 'kube-linter', id: 'wildcard-in-rules', match: 'partial' },
      { tool: 'checkov', id: 'CKV_K8S_49', match: 'partial' },
    ],
    messages: {
      resources: 'Wildcard verb "*" in {{kind}} rule {{rule}} allows every action on {{what}}.',
      urls: 'Wildcard verb "*" on non-resource URLs {{what}} in {{kind}} rule {{rule}}.',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: reader, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: everything, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["*"]
`,
    },
  },
  run(obj, ctx) {
    for (const rule of roleRules(obj)) {
      if (!rule.verbs.includes('*')) continue;
      if (rule.resources.length > 0) {
        ctx.report({ path: [...rule.path, 'verbs'], messageId: 'resources', data: { kind: obj.kind, rule: rule.index, what: listText(rule.resources) } });
      } else if (rule.nonResourceURLs.length > 0) {
        ctx.report({ path: [...rule.path, 'verbs'], messageId: 'urls', data: { kind: obj.kind, rule: rule.index, what: listText(rule.nonResourceURLs) } });
      }
    }
  },
});
