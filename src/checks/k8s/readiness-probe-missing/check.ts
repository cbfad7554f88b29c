import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { containers, WORKLOAD_KINDS } from '../../_lib/pod.js';
import { isLongRunning } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0072',
    slug: 'readiness-probe-missing',
    title: 'Long-running container has no readiness probe',
    severity: 'low',
    category: 'reliability',
    kinds: ['Pod', ...WORKLOAD_KINDS.filter((k) => k !== 'Job' && k !== 'CronJob')],
    description:
      'A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, or a bare Pod that is restarted) has no `readinessProbe`. Jobs, CronJobs, Pods with `restartPolicy: Never`/`OnFailure`, init containers and ephemeral containers are not checked.',
    rationale:
      'Without a readiness probe a pod is marked Ready as soon as its containers start, so Services send it traffic while it is still warming up, and keep sending traffic while it is overloaded or cut off from its dependencies. Rolling updates also proceed on pods that cannot serve yet, turning a bad release into an outage.',
    remediation: `Add a readiness probe that answers only when the container can serve requests.

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    ports:
      - { name: http, containerPort: 8080 }
    readinessProbe:
      httpGet: { path: /ready, port: http }
      periodSeconds: 5
      failureThreshold: 3
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes',
      'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
    ],
    standards: {},
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_9', match: 'same' },
      { tool: 'kube-linter', id: 'no-readiness-probe', match: 'same' },
      { tool: 'polaris', id: 'readinessProbeMissing', match: 'same' },
    ],
    messages: { missing: 'Container "{{container}}" has no readiness probe.' },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ok }
spec:
  selector: { matchLabels: { app: ok } }
  template:
    metadata: { labels: { app: ok } }
    spec:
      containers:
        - name: app
          image: nginx:1.27
          readinessProbe:
            httpGet: { path: /, port: 80 }
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: bad }
spec:
  selector: { matchLabels: { app: bad } }
  template:
    metadata: { labels: { app: bad } }
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    if (!isLongRunning(obj)) return;
    for (const c of containers(obj, ['containers'])) {
      if (isRecord(c.container.readinessProbe)) continue;
      ctx.report({ path: [...c.path, 'readinessProbe'], data: { container: c.name } });
    }
  },
});
