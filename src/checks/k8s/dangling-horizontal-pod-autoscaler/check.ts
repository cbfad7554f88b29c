import { defineCheck } from '../../define-check.js';
import { isPlaceholder, normalizeNamespace, objectsInNamespace, podBearingInNamespace } from '../../_lib/network.js';
import { asRecord } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0101',
    slug: 'dangling-horizontal-pod-autoscaler',
    title: 'HorizontalPodAutoscaler targets an object that is not in the scan',
    severity: 'low',
    category: 'cross-resource',
    kinds: ['HorizontalPodAutoscaler'],
    description:
      "A HorizontalPodAutoscaler's `spec.scaleTargetRef` names a kind and name that no object of the scan has in the HPA's namespace (unset and `default` are the same namespace). The API version of the reference is not compared, so `extensions/v1beta1` and `apps/v1` Deployments both match. To stay quiet on partial scans, the check only reports when the scan contains at least one workload (a pod-bearing object or an object of the target kind) in that namespace; scale targets created by operators must be suppressed.",
    rationale:
      'An autoscaler whose target does not exist scales nothing: the workload it was meant for runs at its fixed replica count and falls over under load, while the manifests suggest it scales. The usual cause is a renamed Deployment or a kind changed from Deployment to StatefulSet.',
    remediation: `Point \`scaleTargetRef\` at the kind and name of the workload in the same namespace.

\`\`\`yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
      'https://docs.kubelinter.io/#/generated/checks?id=dangling-horizontalpodautoscaler',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'dangling-horizontalpodautoscaler', match: 'same' }],
    messages: {
      dangling: 'HorizontalPodAutoscaler "{{name}}" scales {{kind}} "{{target}}", which is not in the scan in namespace "{{namespace}}".',
    },
    examples: {
      good: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 5
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: frontend }
  minReplicas: 2
  maxReplicas: 5
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const ref = asRecord(asRecord(obj.value.spec).scaleTargetRef);
    const kind = ref.kind;
    const name = ref.name;
    if (typeof kind !== 'string' || kind === '' || typeof name !== 'string' || name === '' || isPlaceholder(name)) return;
    const sameKind = objectsInNamespace(ctx.index, obj.namespace, kind);
    if (sameKind.some((o) => o.name === name)) return;
    if (sameKind.length === 0 && podBearingInNamespace(ctx.index, obj.namespace).length === 0) return;
    ctx.report({
      path: ['spec', 'scaleTargetRef', 'name'],
      data: { name: obj.name, kind, target: name, namespace: normalizeNamespace(obj.namespace) },
    });
  },
});
