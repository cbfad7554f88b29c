import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0052',
    slug: 'rbac-manage-admission-webhooks',
    title: 'ClusterRole can modify admission webhook configurations',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A ClusterRole rule grants `create`, `update`, `patch` or `delete` (or `"*"`) on `mutatingwebhookconfigurations` or `validatingwebhookconfigurations` (`admissionregistration.k8s.io`), directly or through wildcards. Webhook configurations are cluster-scoped, so namespaced Roles grant nothing here.',
    rationale:
      'A mutating webhook sees and can rewrite every object it registers for, Secrets included, for example to inject a privileged container into every pod. Editing or deleting validating webhooks switches off policy enforcement such as Kyverno or Gatekeeper. CIS Kubernetes Benchmark 5.1.12 asks to minimize access to webhook configuration objects.',
    remediation: `Keep webhook configurations read-only except for the controller that owns them, and restrict that one with resourceNames.

\`\`\`yaml
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["validatingwebhookconfigurations"]
    resourceNames: ["my-operator-webhook"]
    verbs: ["get", "update", "patch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks',
    ],
    standards: { cis: ['5.1.12'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [{ tool: 'checkov', id: 'CKV_K8S_155', match: 'partial' }],
    messages: {
      webhooks: '{{kind}} rule {{rule}} can modify {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: webhook-viewer }
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: webhook-admin }
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["mutatingwebhookconfigurations"]
    verbs: ["create", "update", "patch", "delete"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['create', 'update', 'patch', 'delete'],
        targets: [
          { resource: 'mutatingwebhookconfigurations', groups: ['admissionregistration.k8s.io'] },
          { resource: 'validatingwebhookconfigurations', groups: ['admissionregistration.k8s.io'] },
        ],
      },
      'resources',
    );
  },
});
