import { z } from 'zod';
import { defineCheck } from '../../define-check.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0085',
    slug: 'required-labels',
    title: 'Object lacks a required label',
    severity: 'low',
    category: 'best-practice',
    kinds: ['*'],
    defaultEnabled: false,
    description:
      'An object lacks one of the labels listed in the `labels` option, or has it with an empty value. The option defaults to `["app.kubernetes.io/name"]`; set it to your own list, e.g. `["app.kubernetes.io/name", "owner"]`, and use `kinds` to restrict the check to some kinds (all kinds when empty). Opt-in, since required labels are an organisation policy.',
    rationale:
      'Ownership and application labels are how people and tools find who runs a workload during an incident, how costs and alerts are routed, and what label selectors in NetworkPolicies, PodDisruptionBudgets and monitoring rely on. Objects without them are orphaned: nobody is paged for them and nobody dares delete them.',
    remediation: `Add the required labels to the object's metadata (and, for workloads, to the pod template when your policies select pods by them).

\`\`\`yaml
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    owner: team-storefront
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/',
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'required-label-owner', match: 'partial' }],
    messages: {
      missing: 'Required label "{{label}}" is missing on {{kind}} "{{name}}".',
      empty: 'Empty value for required label "{{label}}" on {{kind}} "{{name}}".',
    },
    examples: {
      good: `apiVersion: v1
kind: Service
metadata:
  name: ok
  labels: { app.kubernetes.io/name: web }
spec:
  selector: { app.kubernetes.io/name: web }
  ports: [{ port: 80 }]
`,
      bad: `apiVersion: v1
kind: Service
metadata:
  name: bad
  labels: { app: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
    },
  },
  options: z
    .object({
      /** Label keys every object must carry with a non-empty value. */
      labels: z.array(z.string().min(1)).default(['app.kubernetes.io/name']),
      /** Kinds to check; empty means every kind. */
      kinds: z.array(z.string().min(1)).default([]),
    })
    .strict(),
  run(obj, ctx) {
    const { labels, kinds } = ctx.options;
    if (kinds.length > 0 && !kinds.includes(obj.kind)) return;
    for (const label of labels) {
      const value = obj.labels[label];
      if (value === undefined) ctx.report({ path: ['metadata', 'labels', label], messageId: 'missing', data: { label, kind: obj.kind, name: obj.name } });
      else if (value.trim() === '') ctx.report({ path: ['metadata', 'labels', label], messageId: 'empty', data: { label, kind: obj.kind, name: obj.name } });
    }
  },
});
