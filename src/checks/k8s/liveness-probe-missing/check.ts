import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { containers, WORKLOAD_KINDS } from '../../_lib/pod.js';
import { isLongRunning } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0071',
    slug: 'liveness-probe-missing',
    title: 'Long-running container has no liveness probe',
    severity: 'low',
    category: 'reliability',
    kinds: ['Pod', ...WORKLOAD_KINDS.filter((k) => k !== 'Job' && k !== 'CronJob')],
    description:
      'A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, or a bare Pod that is restarted) has no `livenessProbe`. Jobs, CronJobs, Pods with `restartPolicy: Never`/`OnFailure`, init containers and ephemeral containers are not checked: they are meant to finish.',
    rationale:
      'Without a liveness probe the kubelet only restarts a container whose process exits. A process that deadlocks, exhausts a thread pool or hangs on a dependency keeps running and keeps its pod in the Service (if it has no readiness probe either) until someone notices by hand.',
    remediation: `Add a liveness probe that checks the process is able to make progress (keep it cheaper and more tolerant than the readiness probe, so a slow dependency does not cause restarts).

\`\`\`yaml
containers:
  - name: app
    image: registry.example.com/app:1.4.2
    ports:
      - { name: http, containerPort: 8080 }
    livenessProbe:
      httpGet: { path: /healthz, port: http }
      periodSeconds: 10
      failureThreshold: 3
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
      'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
    ],
    standards: {},
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_8', match: 'same' },
      { tool: 'kube-linter', id: 'no-liveness-probe', match: 'same' },
      { tool: 'polaris', id: 'livenessProbeMissing', match: 'same' },
    ],
    messages: { missing: 'Container "{{container}}" has no liveness probe.' },
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
          livenessProbe:
            tcpSocket: { port: 80 }
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
      if (isRecord(c.container.livenessProbe)) continue;
      ctx.report({ path: [...c.path, 'livenessProbe'], data: { container: c.name } });
    }
  },
});
