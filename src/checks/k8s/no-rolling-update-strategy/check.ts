import { defineCheck } from '../../define-check.js';
import { asRecord } from '../../_lib/pod.js';

/** API versions whose default update strategy was OnDelete (extensions/v1beta1 DaemonSet, apps/v1beta1 StatefulSet). */
const ON_DELETE_DEFAULT: Record<string, string> = { DaemonSet: 'extensions/v1beta1', StatefulSet: 'apps/v1beta1' };

const CONSEQUENCE: Record<string, string> = {
  Recreate: 'all old pods are stopped before new ones start, so every rollout is an outage',
  OnDelete: 'pods are replaced only when someone deletes them, so template changes (including security fixes) are not rolled out',
};

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0076',
    slug: 'no-rolling-update-strategy',
    title: 'Workload does not use a rolling update strategy',
    severity: 'low',
    category: 'reliability',
    kinds: ['Deployment', 'DaemonSet', 'StatefulSet'],
    description:
      'A Deployment sets `spec.strategy.type` to something other than `RollingUpdate` (e.g. `Recreate`), or a DaemonSet or StatefulSet sets `spec.updateStrategy.type` to something other than `RollingUpdate` (e.g. `OnDelete`). An absent type is not reported where Kubernetes defaults it to `RollingUpdate` (every apps/v1 kind); it is reported for the old API versions whose default was `OnDelete` (extensions/v1beta1 DaemonSet, apps/v1beta1 StatefulSet). kube-linter also reports an absent type because it reads manifests without API defaults.',
    rationale:
      '`Recreate` stops every pod before starting the new version, so each rollout is an outage. `OnDelete` never replaces pods on its own, so a fixed image or security setting in the template silently does not reach running pods. Both have legitimate uses (a single-writer volume, hand-controlled database upgrades); waive the finding for those.',
    remediation: `Use a rolling update, bounded so that capacity stays available during the rollout.

\`\`\`yaml
spec:
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 25%
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy',
      'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies',
      'https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'no-rolling-update-strategy', match: 'partial' }],
    messages: {
      explicit: 'Update strategy "{{type}}" of {{kind}} "{{name}}" is not RollingUpdate: {{consequence}}.',
      defaulted: 'No update strategy type on {{kind}} "{{name}}": {{apiVersion}} defaults it to OnDelete, so {{consequence}}.',
    },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ok }
spec:
  strategy: { type: RollingUpdate }
  selector: { matchLabels: { app: ok } }
  template:
    metadata: { labels: { app: ok } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: bad }
spec:
  strategy: { type: Recreate }
  selector: { matchLabels: { app: bad } }
  template:
    metadata: { labels: { app: bad } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const field = obj.kind === 'Deployment' ? 'strategy' : 'updateStrategy';
    const type = asRecord(asRecord(obj.value.spec)[field]).type;
    const path = ['spec', field, 'type'];
    if (type === undefined || type === null || type === '') {
      if (ON_DELETE_DEFAULT[obj.kind] === obj.apiVersion) {
        ctx.report({ path, messageId: 'defaulted', data: { kind: obj.kind, name: obj.name, apiVersion: obj.apiVersion, consequence: CONSEQUENCE.OnDelete! } });
      }
      return;
    }
    if (type === 'RollingUpdate') return;
    const t = String(type);
    ctx.report({
      path,
      messageId: 'explicit',
      data: { type: t, kind: obj.kind, name: obj.name, consequence: CONSEQUENCE[t] ?? 'Kubernetes does not roll pods out gradually' },
    });
  },
});
