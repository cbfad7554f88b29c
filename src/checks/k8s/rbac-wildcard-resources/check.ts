import { defineCheck } from '../../define-check.js';
import { listText, ROLE_KINDS, roleRules } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0042',
    slug: 'rbac-wildcard-resources',
    title: 'Role rule applies to every resource ("*")',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule lists `"*"` in `resources`, so it covers every resource and subresource of the API groups it names, including ones added later by upgrades or CRDs.',
    rationale:
      'A wildcard resource in the core group (or in `apiGroups: ["*"]`) includes Secrets, pods/exec, serviceaccounts/token and nodes/proxy; in any group it grows silently when new resources appear. CIS Kubernetes Benchmark 5.1.3 asks to minimize wildcard use in Roles and ClusterRoles. Built-in bootstrap roles and aggregated ClusterRoles are not reported.',
    remediation: `Name the resources the subject needs instead of "*".

\`\`\`yaml
rules:
  - apiGroups: ["monitoring.coreos.com"]
    resources: ["servicemonitors", "podmonitors"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources',
      'https://docs.kubelinter.io/#/generated/checks?id=wildcard-in-rules',
    ],
    standards: { cis: ['5.1.3'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'trivy', id: 'KSV046', match: 'partial' },
      { tool: 'trivy', id: 'KSV044', match: 'partial' },
      { tool: 'kube-linter', id: 'wildcard-in-rules', match: 'partial' },
      { tool: 'checkov', id: 'CKV_K8S_49', match: 'partial' },
    ],
    messages: {
      wildcard: '{{kind}} rule {{rule}} applies to every resource ("*") in API groups {{groups}} with verbs {{verbs}}.',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: monitoring-reader }
rules:
  - apiGroups: ["monitoring.coreos.com"]
    resources: ["servicemonitors"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: reader-of-everything }
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["get", "list", "watch"]
`,
    },
  },
  run(obj, ctx) {
    for (const rule of roleRules(obj)) {
      if (!rule.resources.includes('*')) continue;
      const groups = rule.apiGroups.map((g) => (g === '' ? '"" (core)' : g));
      ctx.report({
        path: [...rule.path, 'resources'],
        data: { kind: obj.kind, rule: rule.index, groups: listText(groups) || '(none)', verbs: listText(rule.verbs) || '(none)' },
      });
    }
  },
});
