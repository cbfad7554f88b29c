import { defineCheck } from '../../define-check.js';
import { podLabels, podSpec, POD_KINDS } from '../../_lib/pod.js';

const CONTROL_PLANE_COMPONENTS = new Set(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler']);
const SYSTEM_PRIORITY_CLASSES = new Set(['system-node-critical', 'system-cluster-critical']);

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0020',
    slug: 'workload-in-kube-system',
    title: 'Workload runs in the kube-system namespace',
    severity: 'medium',
    category: 'best-practice',
    kinds: [...POD_KINDS],
    description:
      'A pod-bearing object is placed in the `kube-system` namespace. kubeadm-style control-plane static pods (labels `tier: control-plane` and `component` one of kube-apiserver, etcd, kube-controller-manager, kube-scheduler, with a system priority class) are not reported.',
    rationale:
      "kube-system holds the cluster's own components and their highly privileged service accounts and secrets; it is usually exempt from Pod Security admission and watched less closely. An application placed there can read or mount those secrets through its namespace, escapes the policies that apply to tenant namespaces, and makes it easier to hide a malicious workload among system pods. This check is meant for application manifests: cluster add-ons (CNI, CSI, DNS, cloud controllers) legitimately run in kube-system and should be waived.",
    remediation: `Deploy the application into its own namespace.

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: app
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces',
      'https://kubernetes.io/docs/concepts/security/multi-tenancy/',
    ],
    standards: {},
    peers: [{ tool: 'trivy', id: 'KSV037', match: 'same' }],
    messages: { kubeSystem: '{{kind}} "{{name}}" runs pods in the kube-system namespace.' },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: web }
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: kube-system }
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    if (obj.namespace !== 'kube-system') return;
    const labels = podLabels(obj);
    const priority = podSpec(obj)?.spec.priorityClassName;
    const controlPlane =
      labels.tier === 'control-plane' &&
      CONTROL_PLANE_COMPONENTS.has(labels.component ?? '') &&
      typeof priority === 'string' &&
      SYSTEM_PRIORITY_CLASSES.has(priority);
    if (controlPlane) return;
    ctx.report({ path: ['metadata', 'namespace'], data: { kind: obj.kind, name: obj.name } });
  },
});
