import { defineCheck } from '../../define-check.js';
import { listText, ROLE_KINDS, roleRules, ruleGrants, type Grant, type RuleRef } from '../../_lib/rbac.js';

const CERTS = 'certificates.k8s.io';

/** A signers rule limited to custom signers (`example.com/my-signer`) cannot approve certificates of the built-in ones. */
function reachesBuiltinSigners(rule: RuleRef): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.some((n) => n.startsWith('kubernetes.io/'));
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0051',
    slug: 'rbac-approve-csr',
    title: 'ClusterRole can approve CertificateSigningRequests',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A ClusterRole grants both `update` or `patch` on `certificatesigningrequests/approval` and `approve` on `signers` (`certificates.k8s.io`), directly or through wildcards: together they allow approving certificate requests. A signers rule restricted with resourceNames to non-`kubernetes.io/` signers is not enough to be reported. Both resources are cluster-scoped, so namespaced Roles grant nothing here.',
    rationale:
      'Approving CSRs for the `kubernetes.io/kube-apiserver-client` signer issues client certificates for any user or group, including `system:masters`, which is cluster-admin that cannot be revoked short of rotating the cluster CA. CIS Kubernetes Benchmark 5.1.11 asks to minimize access to the approval subresource.',
    remediation: `Remove the approval permission, or restrict approve on signers to your own signer names.

\`\`\`yaml
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests/approval"]
    verbs: ["update"]
  - apiGroups: ["certificates.k8s.io"]
    resources: ["signers"]
    resourceNames: ["example.com/my-signer"]
    verbs: ["approve"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing',
    ],
    standards: { cis: ['5.1.11'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [{ tool: 'checkov', id: 'CKV_K8S_156', match: 'same' }],
    messages: {
      approve:
        '{{kind}} rule {{rule}} can approve CertificateSigningRequests (verbs: {{verbs}} on certificatesigningrequests/approval), with approve on signers from rule {{signerRule}}.',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: csr-viewer }
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: csr-approver }
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests/approval"]
    verbs: ["update"]
  - apiGroups: ["certificates.k8s.io"]
    resources: ["signers"]
    verbs: ["approve"]
`,
    },
  },
  run(obj, ctx) {
    let approval: { rule: RuleRef; g: Grant } | undefined;
    let signer: RuleRef | undefined;
    for (const rule of roleRules(obj)) {
      if (!approval) {
        const g = ruleGrants(obj, rule, {
          verbs: ['update', 'patch'],
          targets: [{ resource: 'certificatesigningrequests/approval', groups: [CERTS] }],
        });
        if (g) approval = { rule, g };
      }
      if (!signer && reachesBuiltinSigners(rule) && ruleGrants(obj, rule, { verbs: ['approve'], targets: [{ resource: 'signers', groups: [CERTS] }] })) {
        signer = rule;
      }
    }
    if (!approval || !signer) return;
    ctx.report({
      path: [...approval.rule.path, 'resources'],
      data: { kind: obj.kind, rule: approval.rule.index, verbs: listText(approval.g.verbs), signerRule: signer.index },
    });
  },
});
