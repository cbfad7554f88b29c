import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { formatLabels } from '../../_lib/network.js';
import { asArray, asRecord, getAt, POD_KINDS, podLabels, podSpec, type Rec } from '../../_lib/pod.js';

const options = z.object({
  rules: z
    .array(
      z.object({
        /** Pod labels a workload must carry (all of them) for the rule to apply; `{}` applies to every workload. */
        selector: z.record(z.string(), z.string()),
        /** Node labels the pods must require. */
        nodeSelector: z.record(z.string(), z.string()),
        /** Why, shown at the end of the finding. */
        message: z.string().optional(),
      }),
    )
    .default([]),
});
type Options = z.infer<typeof options>;

/** A nodeSelectorTerm pins `key` to `value` when one of its expressions is `key In [value]` (only that value). */
function termPins(term: unknown, key: string, value: string): boolean {
  return asArray(asRecord(term).matchExpressions).some((e) => {
    const r = asRecord(e);
    const values = asArray(r.values);
    return r.key === key && r.operator === 'In' && values.length > 0 && values.every((v) => String(v) === value);
  });
}

export default defineCheck<Options>({
  meta: {
    id: 'PAL-K8S-0105',
    slug: 'node-pool-placement',
    title: 'Workload is not pinned to the node pool its policy requires',
    severity: 'high',
    category: 'placement',
    kinds: [...POD_KINDS],
    description:
      'Opt-in and driven by options: `rules: [{ selector, nodeSelector, message? }]`. A workload whose pod template labels include every label of a rule\'s `selector` must require every label of the rule\'s `nodeSelector`, either in `spec.nodeSelector` or in the required node affinity (`requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`). Because node selector terms are ORed, every term must contain `key In [value]` with that value only. A `spec.nodeSelector` that asks for another value is reported as such. Without rules the check reports nothing.',
    rationale:
      'Node pools are a security boundary: sensitive workloads (payment, PII, tenant-isolated or GPU jobs) are kept on dedicated, hardened or compliant nodes, and untrusted ones away from them. A pod that merely prefers the pool, or that one of several affinity terms lets land anywhere, is scheduled next to workloads it must not share a kernel, node credentials or host paths with.',
    remediation: `Require the node pool label in the pod template, with \`nodeSelector\` or a required node affinity whose every term selects the pool.

\`\`\`yaml
spec:
  template:
    spec:
      nodeSelector:
        pool: pci
      tolerations:
        - key: pool
          operator: Equal
          value: pci
          effect: NoSchedule
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity',
      'https://kubernetes.io/docs/concepts/security/multi-tenancy/#node-isolation',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'no-node-affinity', match: 'partial' }],
    defaultEnabled: false,
    messages: {
      notPinned:
        'Pods labelled {{selector}} must run on nodes with {{label}}, but neither spec.nodeSelector nor every required node affinity term requires it.{{note}}',
      wrongValue: 'spec.nodeSelector asks for {{actual}}, but pods labelled {{selector}} must run on nodes with {{label}}.{{note}}',
    },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: payments }
spec:
  selector: { matchLabels: { app: payments } }
  template:
    metadata: { labels: { app: payments, data: pci } }
    spec:
      nodeSelector: { pool: pci }
      containers: [{ name: api, image: example/payments:1.0 }]
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: payments }
spec:
  selector: { matchLabels: { app: payments } }
  template:
    metadata: { labels: { app: payments, data: pci } }
    spec:
      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              preference:
                matchExpressions: [{ key: pool, operator: In, values: [pci] }]
      containers: [{ name: api, image: example/payments:1.0 }]
`,
    },
  },
  options,
  run(obj, ctx) {
    const rules = ctx.options.rules;
    if (rules.length === 0) return;
    const pod = podSpec(obj);
    if (!pod) return;
    const labels = podLabels(obj);
    const nodeSelector: Rec = asRecord(pod.spec.nodeSelector);
    const terms = asArray(getAt(pod.spec, ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms']));

    for (const rule of rules) {
      if (!Object.entries(rule.selector).every(([k, v]) => labels[k] === v)) continue;
      const data = { selector: formatLabels(rule.selector), note: rule.message ? ` ${rule.message}` : '' };
      for (const [key, want] of Object.entries(rule.nodeSelector)) {
        const path = [...pod.path, 'nodeSelector', key];
        const have = nodeSelector[key];
        if (have !== undefined && have !== null) {
          if (String(have) !== want) {
            ctx.report({ path, messageId: 'wrongValue', data: { ...data, label: `${key}=${want}`, actual: `${key}=${String(have)}` } });
          }
          continue;
        }
        if (terms.length > 0 && terms.every((t) => termPins(t, key, want))) continue;
        ctx.report({ path, messageId: 'notPinned', data: { ...data, label: `${key}=${want}` } });
      }
    }
  },
});
