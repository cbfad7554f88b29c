import { defineCheck } from '../../define-check.js';
import { formatLabels, isPlaceholder, normalizeNamespace, podBearingInNamespace, selectsOperatorPods, serviceSelector, workloadsSelectedByMap } from '../../_lib/network.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0097',
    slug: 'dangling-service',
    title: 'Service selector matches no workload in the scan',
    severity: 'medium',
    category: 'cross-resource',
    kinds: ['Service'],
    description:
      "A Service has a `spec.selector`, but no pod template of the scan in the Service's namespace (unset and `default` are the same namespace) carries all of its labels. Labels that controllers add to pods count (`job-name`, `statefulset.kubernetes.io/pod-name`, `pod-template-hash`, …). Services without a selector (endpoints managed by hand or by another controller) and ExternalName Services are skipped. To stay quiet on partial scans, the check only reports when the scan contains at least one pod-bearing object (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob) in that namespace, and not when the selector points at pods an operator creates from a custom resource of the scan (a selector value is the name of a custom resource in the namespace, or a label key's domain is that of a custom resource's API group). Other operator-managed pods must be suppressed.",
    rationale:
      'A Service whose selector matches nothing has no endpoints: clients get connection refused, and health checks of an exposed Service flap. Usually a label was renamed in the workload but not in the Service. It is also a dormant hijack: any pod later created with the right labels, by anyone allowed to create pods in the namespace, receives the Service traffic.',
    remediation: `Make the selector match the labels of the pod template (not the labels of the Deployment itself).

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app.kubernetes.io/name: web
  ports:
    - port: 80
      targetPort: http
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors',
      'https://docs.kubelinter.io/#/generated/checks?id=dangling-service',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'dangling-service', match: 'partial' }],
    messages: {
      dangling: 'Service "{{name}}" selects {{selector}}, but no workload of namespace "{{namespace}}" in the scan has pods with these labels.',
    },
    examples: {
      good: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
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
      bad: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: frontend }
  ports: [{ port: 80 }]
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
    const selector = serviceSelector(obj);
    if (!selector || Object.entries(selector).some(([k, v]) => isPlaceholder(k) || isPlaceholder(v))) return;
    const workloads = podBearingInNamespace(ctx.index, obj.namespace);
    if (workloads.length === 0) return;
    if (workloadsSelectedByMap(ctx.index, obj.namespace, selector).length > 0) return;
    if (selectsOperatorPods(ctx.index, obj.namespace, Object.entries(selector))) return;
    ctx.report({
      path: ['spec', 'selector'],
      data: { name: obj.name, selector: formatLabels(selector), namespace: normalizeNamespace(obj.namespace) },
    });
  },
});
