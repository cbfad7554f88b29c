import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0061',
    slug: 'default-service-account-automount',
    title: 'Default service account mounts its token',
    severity: 'low',
    category: 'rbac',
    kinds: ['ServiceAccount'],
    description:
      'A ServiceAccount named `default` does not set `automountServiceAccountToken: false`, so every pod of its namespace that names no service account and does not opt out gets an API token.',
    rationale:
      'Setting the field on the `default` account is the namespace-wide safety net: workloads that forget to pick their own account stop receiving a token they do not need. CIS Kubernetes Benchmark 5.1.5 recommends it for default service accounts.',
    remediation: `Manage the default ServiceAccount of each namespace and disable token automounting on it.

\`\`\`yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: app
automountServiceAccountToken: false
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
    ],
    standards: { cis: ['5.1.5'], nsa: 'Pod security: protect service account tokens' },
    peers: [{ tool: 'checkov', id: 'CKV_K8S_41', match: 'same' }],
    messages: {
      unset: 'The "default" service account of namespace "{{namespace}}" does not set automountServiceAccountToken: false.',
      explicit: 'The "default" service account of namespace "{{namespace}}" sets automountServiceAccountToken: true.',
    },
    examples: {
      good: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: app }
automountServiceAccountToken: false
`,
      bad: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: app }
`,
    },
  },
  run(obj, ctx) {
    if (obj.name !== 'default') return;
    const v = obj.value.automountServiceAccountToken;
    if (v === false) return;
    ctx.report({
      path: ['automountServiceAccountToken'],
      messageId: v === true ? 'explicit' : 'unset',
      data: { namespace: obj.namespace || '(unset)' },
      fix: setFix(obj.value, ['automountServiceAccountToken'], false, 'set automountServiceAccountToken: false on the default service account'),
    });
  },
});
