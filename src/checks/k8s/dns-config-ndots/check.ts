import { z } from 'zod';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { asArray, asRecord, podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0086',
    slug: 'dns-config-ndots',
    title: 'Pod resolves names with the cluster default ndots:5',
    severity: 'info',
    category: 'network',
    kinds: [...POD_KINDS],
    defaultEnabled: false,
    description:
      'A pod that uses cluster DNS (`dnsPolicy` ClusterFirst, the default, or ClusterFirstWithHostNet) sets no `ndots` in `spec.dnsConfig.options`, so the kubelet writes `ndots:5`, or sets an ndots above the `maxNdots` option (default 2). Pods with `dnsPolicy: Default`, host-network pods on ClusterFirst (which fall back to the node resolver) and `dnsPolicy: None` pods without an ndots option are not reported. Adapted from kube-linter dnsconfig-options, which requires the exact option ndots:2 on every deployment-like object; opt-in because almost no manifest sets it.',
    rationale:
      'With ndots:5 every name with fewer than five dots, such as api.example.com, is first tried against each search domain (namespace.svc.cluster.local, svc.cluster.local, cluster.local and the node search domains) before being resolved as written. Each external lookup becomes four to six queries: more latency, more load on cluster DNS (a common cause of intermittent resolution timeouts), and external names sent to whoever answers for the node search domains.',
    remediation: `Lower ndots for pods that mostly call external names (in-cluster short names like \`db\` and \`db.shop\` keep working), or use fully qualified names ending with a dot.

\`\`\`yaml
spec:
  dnsConfig:
    options:
      - name: ndots
        value: "2"
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
      'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'dnsconfig-options', match: 'partial' }],
    messages: {
      missing: 'No ndots option in the dnsConfig of {{kind}} "{{name}}": cluster DNS applies ndots:5, multiplying lookups of external names.',
      high: 'ndots {{value}} in the dnsConfig of {{kind}} "{{name}}" is above {{max}}, multiplying lookups of external names.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  dnsConfig:
    options: [{ name: ndots, value: "2" }]
  containers: [{ name: app, image: nginx:1.27 }]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  },
  options: z
    .object({
      /** Highest ndots value accepted. */
      maxNdots: z.number().int().min(0).max(15).default(2),
    })
    .strict(),
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (!pod) return;
    const policy = typeof pod.spec.dnsPolicy === 'string' && pod.spec.dnsPolicy !== '' ? pod.spec.dnsPolicy : 'ClusterFirst';
    if (policy === 'Default') return;
    // ClusterFirst on the host network falls back to the node's resolver configuration.
    if (policy === 'ClusterFirst' && pod.spec.hostNetwork === true) return;
    const options = asArray(asRecord(pod.spec.dnsConfig).options);
    const i = options.findIndex((o) => isRecord(o) && o.name === 'ndots');
    const data = { kind: obj.kind, name: obj.name, max: ctx.options.maxNdots };
    if (i < 0) {
      // dnsPolicy None writes only dnsConfig, and the resolver's own default is ndots:1.
      if (policy !== 'None') ctx.report({ path: [...pod.path, 'dnsConfig', 'options'], messageId: 'missing', data });
      return;
    }
    const raw = asRecord(options[i]).value;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
    if (value !== undefined && value > ctx.options.maxNdots) {
      ctx.report({ path: [...pod.path, 'dnsConfig', 'options', i, 'value'], messageId: 'high', data: { ...data, value } });
    }
  },
});
