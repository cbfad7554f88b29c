import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0053',
    slug: 'rbac-create-service-account-token',
    title: 'Role can mint service account tokens',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `create` (or `"*"`) on `serviceaccounts/token` in the core group, directly or through wildcards (`*`, `*/token`). Rules limited with `resourceNames` to named service accounts (the pattern documented for cert-manager and CSI drivers) are not reported.',
    rationale:
      'The TokenRequest API issues a fresh token for a service account, so the holder can act as every service account it may mint for, with all their permissions, for as long as the token lives, without touching any pod. CIS Kubernetes Benchmark 5.1.13 asks to minimize access to service account token creation.',
    remediation: `Remove create on serviceaccounts/token, or restrict it with resourceNames to the service accounts that need tokens minted.

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    resourceNames: ["vault-issuer"]
    verbs: ["create"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/authentication-resources/token-request-v1/',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request',
    ],
    standards: { cis: ['5.1.13'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [],
    messages: {
      token: '{{kind}} rule {{rule}} can mint tokens for any service account in its scope{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: token-for-issuer, namespace: cert-manager }
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    resourceNames: ["vault-issuer"]
    verbs: ["create"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: token-minter }
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    verbs: ["create"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(obj, ctx.report, { verbs: ['create'], targets: [{ resource: 'serviceaccounts/token', groups: [''] }] }, 'resources', {
      ignoreNamed: true,
    });
  },
});
