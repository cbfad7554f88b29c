import { defineCheck } from '../../define-check.js';
import { removeFix, renameFix } from '../../_lib/fix.js';
import { podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0062',
    slug: 'deprecated-service-account-field',
    title: 'Pod spec uses the deprecated serviceAccount field',
    severity: 'low',
    category: 'best-practice',
    kinds: [...POD_KINDS],
    description:
      'A pod template sets the deprecated `serviceAccount` field without `serviceAccountName`, or with a different `serviceAccountName`. When both are set to the same value (as the API server writes them back in `kubectl get -o yaml` output) nothing is reported.',
    rationale:
      '`serviceAccount` is a deprecated alias of `serviceAccountName`. When the two differ, `serviceAccountName` wins and the other is silently ignored, so a reader of the manifest can be wrong about which identity, and which permissions, the pods have.',
    remediation: `Use serviceAccountName and remove serviceAccount.

\`\`\`yaml
spec:
  serviceAccountName: web
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
      'https://docs.kubelinter.io/#/generated/checks?id=deprecated-service-account-field',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'deprecated-service-account-field', match: 'partial' }],
    messages: {
      deprecated: 'serviceAccount "{{sa}}" is deprecated: use serviceAccountName.',
      mismatch: 'serviceAccount "{{sa}}" is ignored because serviceAccountName is "{{san}}"; remove the deprecated field.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  serviceAccountName: web
  containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  serviceAccount: web
  containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (!pod) return;
    const sa = pod.spec.serviceAccount;
    if (typeof sa !== 'string' || sa === '') return;
    const san = pod.spec.serviceAccountName;
    const path = [...pod.path, 'serviceAccount'];
    if (typeof san !== 'string' || san === '') {
      // The API server copies serviceAccount into serviceAccountName: renaming the field changes nothing at run time.
      const fix = san === undefined ? renameFix(obj.value, path, [...pod.path, 'serviceAccountName'], 'rename serviceAccount to serviceAccountName') : undefined;
      ctx.report({ path, messageId: 'deprecated', data: { sa }, fix });
    } else if (san !== sa) {
      ctx.report({ path, messageId: 'mismatch', data: { sa, san }, fix: removeFix(obj.value, path, 'remove the ignored serviceAccount field') });
    }
  },
});
