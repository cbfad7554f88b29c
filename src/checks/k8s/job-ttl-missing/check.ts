import { defineCheck } from '../../define-check.js';
import { asArray, asRecord } from '../../_lib/pod.js';

/** Annotations of deploy tools that delete the Job themselves (Helm and Argo CD hooks). */
const DELETED_BY_TOOL = ['helm.sh/hook-delete-policy', 'argocd.argoproj.io/hook-delete-policy'];

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0082',
    slug: 'job-ttl-missing',
    title: 'Standalone Job has no ttlSecondsAfterFinished',
    severity: 'info',
    category: 'best-practice',
    kinds: ['Job'],
    description:
      "A standalone Job sets no `spec.ttlSecondsAfterFinished`. Jobs owned by another object (`metadata.ownerReferences`) and Helm or Argo CD hook Jobs with a delete policy are not reported, since their owner cleans them up. CronJobs are not checked either: their `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` already bound the Jobs they keep (kube-linter's job-ttl-seconds-after-finished instead reports a TTL set in a CronJob's jobTemplate, as a possible conflict with those limits).",
    rationale:
      'Finished Jobs and their pods stay in the API until someone deletes them. They accumulate, slow down list calls and controllers, keep logs and environment (sometimes secrets passed as env) readable, and can exhaust object-count quotas. A TTL lets the TTL-after-finished controller remove them automatically.',
    remediation: `Set a TTL long enough to inspect failures, e.g. one day.

\`\`\`yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  ttlSecondsAfterFinished: 86400
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example.com/migrate:1.4.2
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/',
      'https://kubernetes.io/docs/concepts/workloads/controllers/job/#clean-up-finished-jobs-automatically',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'job-ttl-seconds-after-finished', match: 'partial' }],
    messages: { missing: 'Job "{{name}}" sets no ttlSecondsAfterFinished; it and its pods are kept after it finishes until deleted by hand.' },
    examples: {
      good: `apiVersion: batch/v1
kind: Job
metadata: { name: ok }
spec:
  ttlSecondsAfterFinished: 3600
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
`,
      bad: `apiVersion: batch/v1
kind: Job
metadata: { name: bad }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
`,
    },
  },
  run(obj, ctx) {
    const spec = asRecord(obj.value.spec);
    const ttl = spec.ttlSecondsAfterFinished;
    if (ttl !== undefined && ttl !== null) return;
    if (asArray(asRecord(obj.value.metadata).ownerReferences).length > 0) return;
    if (DELETED_BY_TOOL.some((a) => a in obj.annotations)) return;
    ctx.report({ path: ['spec', 'ttlSecondsAfterFinished'], data: { name: obj.name } });
  },
});
