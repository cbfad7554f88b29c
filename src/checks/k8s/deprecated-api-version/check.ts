import { defineCheck } from '../../define-check.js';

interface Removal {
  apiVersion: string;
  /** Kinds served under apiVersion that were removed; '*' when the whole group version is gone. */
  kinds: readonly string[] | '*';
  removedIn: string;
  /** The apiVersion to migrate to, or null when the kind itself was removed. */
  replacement: string | null;
  advice?: string;
}

const PSP_ADVICE = 'enforce pod security with Pod Security Admission (namespace labels pod-security.kubernetes.io/*) or a policy engine';

/**
 * API versions Kubernetes stopped serving, from the Deprecated API Migration Guide. Kinds are listed explicitly where
 * the same group version later gained new kinds (e.g. admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicy).
 * Order matters: the first entry that matches wins, so specific kinds come before a '*' for the same version.
 */
export const REMOVALS: readonly Removal[] = [
  // v1.16
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.16', replacement: null, advice: `PodSecurityPolicy itself was removed in 1.25; ${PSP_ADVICE}` },
  { apiVersion: 'apps/v1beta1', kinds: '*', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: '*', removedIn: '1.16', replacement: 'apps/v1' },
  // v1.22
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: '*', removedIn: '1.22', replacement: 'the kind\'s current API group (see the migration guide)' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: '*', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    removedIn: '1.22',
    replacement: 'admissionregistration.k8s.io/v1',
  },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], removedIn: '1.22', replacement: 'authentication.k8s.io/v1' },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'],
    removedIn: '1.22',
    replacement: 'authorization.k8s.io/v1',
  },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], removedIn: '1.22', replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  // v1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: '1.25', replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: '1.25', replacement: null, advice: PSP_ADVICE },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  // v1.26
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', replacement: 'autoscaling/v2' },
  // v1.27
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  // v1.29
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  // v1.32
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

export function findRemoval(apiVersion: string, kind: string): Removal | undefined {
  return REMOVALS.find((r) => r.apiVersion === apiVersion && (r.kinds === '*' || r.kinds.includes(kind)));
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0083',
    slug: 'deprecated-api-version',
    title: 'Object uses an API version that Kubernetes no longer serves',
    severity: 'medium',
    category: 'best-practice',
    kinds: ['*'],
    description:
      "An object's `apiVersion` is one Kubernetes has stopped serving (e.g. extensions/v1beta1 Deployment, networking.k8s.io/v1beta1 Ingress, rbac.authorization.k8s.io/v1beta1, batch/v1beta1 CronJob, policy/v1beta1 PodDisruptionBudget, autoscaling/v2beta1 and v2beta2 HorizontalPodAutoscaler, flowcontrol v1beta1-v1beta3). The message names the release that removed it and the version to use instead.",
    rationale:
      'A cluster at or past the removal release rejects the manifest ("no matches for kind"), so deploys fail at upgrade time, often in an emergency. Old versions also carry old defaults (e.g. extensions/v1beta1 DaemonSets defaulted to OnDelete updates and apps/v1beta1 kept 2 revisions), and security-relevant features such as PodSecurityPolicy disappeared entirely, so manifests relying on them silently lose protection when converted by hand.',
    remediation: `Migrate the manifest to the replacement API version (\`kubectl convert\` can help), reviewing the notable field changes listed in the migration guide.

\`\`\`yaml
apiVersion: apps/v1          # was extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  selector:                  # required in apps/v1
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
      'https://kubernetes.io/docs/reference/using-api/deprecation-policy/',
      'https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'no-extensions-v1beta', match: 'partial' }],
    messages: {
      removed: 'apiVersion {{apiVersion}} of {{kind}} was removed in Kubernetes {{removedIn}}; use {{replacement}}.',
      gone: 'No replacement for {{kind}} {{apiVersion}}, removed in Kubernetes {{removedIn}}: {{advice}}.',
    },
    examples: {
      good: `apiVersion: batch/v1
kind: CronJob
metadata: { name: ok }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: task, image: busybox:1.36 }]
`,
      bad: `apiVersion: batch/v1beta1
kind: CronJob
metadata: { name: bad }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: task, image: busybox:1.36 }]
`,
    },
  },
  run(obj, ctx) {
    const r = findRemoval(obj.apiVersion, obj.kind);
    if (!r) return;
    const data = { apiVersion: obj.apiVersion, kind: obj.kind, removedIn: r.removedIn };
    if (r.replacement === null) ctx.report({ path: ['apiVersion'], messageId: 'gone', data: { ...data, advice: r.advice ?? 'remove the object' } });
    else ctx.report({ path: ['apiVersion'], messageId: 'removed', data: { ...data, replacement: r.replacement } });
  },
});
