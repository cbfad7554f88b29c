import { defineCheck } from '../../define-check.js';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { asArray, containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0040',
    slug: 'duplicate-env-var',
    title: 'Container defines the same environment variable more than once',
    severity: 'low',
    category: 'best-practice',
    kinds: [...POD_KINDS],
    description:
      'A container\'s `env` list has two or more entries with the same `name`. Every repeat after the first is reported, pointing at its `name`. Names are case-sensitive, as in Linux. Variables from `envFrom` are not compared: `env` overriding `envFrom` is documented, deliberate behaviour.',
    rationale:
      'Only the last definition takes effect, silently. Duplicates usually come from merging Helm values or Kustomize patches, and they hide which value (a feature flag, a TLS setting, a secret reference) the container really gets; a reviewer reading the first entry sees the wrong one. Strategic merge patches and server-side apply use `name` as the merge key of this list, so patches touching a duplicated entry behave unpredictably.',
    remediation: `Keep exactly one entry per name and remove the others.

\`\`\`yaml
env:
  - name: LOG_LEVEL
    value: info
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/',
      'https://docs.kubelinter.io/#/generated/checks',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'duplicate-env-var', match: 'same' }],
    messages: {
      duplicate: 'Container "{{container}}" defines environment variable "{{name}}" again (first at env[{{first}}]); only the last definition takes effect.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - { name: LOG_LEVEL, value: info }
        - { name: PORT, value: "8080" }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - { name: LOG_LEVEL, value: info }
        - { name: LOG_LEVEL, value: debug }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const first = new Map<string, number>();
      asArray(c.container.env).forEach((e, i) => {
        if (!isRecord(e) || typeof e.name !== 'string') return;
        const at = first.get(e.name);
        if (at === undefined) first.set(e.name, i);
        else ctx.report({ path: [...c.path, 'env', i, 'name'], data: { container: c.name, name: e.name, first: at } });
      });
    }
  },
});
