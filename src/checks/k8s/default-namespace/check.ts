import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { POD_KINDS } from '../../_lib/pod.js';

/** Objects Kubernetes itself creates in the default namespace. */
const BUILT_IN: Record<string, string> = { ServiceAccount: 'default', Service: 'kubernetes', ConfigMap: 'kube-root-ca.crt' };

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0084',
    slug: 'default-namespace',
    title: 'Object is placed in the default namespace',
    severity: 'low',
    category: 'best-practice',
    kinds: [
      ...POD_KINDS,
      'Service',
      'ConfigMap',
      'Secret',
      'ServiceAccount',
      'Role',
      'RoleBinding',
      'Ingress',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
    ],
    description:
      'A namespaced object sets `metadata.namespace: default`. With the option `flagMissing: true`, objects with no namespace are reported too (they land in whatever namespace `kubectl` or the deploy tool targets, often `default`); this is off by default because Helm charts and kustomize bases usually leave the namespace to the installer. Objects Kubernetes creates there itself (ServiceAccount default, Service kubernetes, ConfigMap kube-root-ca.crt) are ignored.',
    rationale:
      'Namespaces are the boundary for RBAC, NetworkPolicies, ResourceQuotas, LimitRanges and Pod Security Admission levels. The default namespace is shared by everything that forgot to choose one, is often bound to broad permissions and rarely carries restrictive policies, so workloads there are harder to isolate and easier to reach.',
    remediation: `Create a namespace per application or team and deploy into it.

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
      'https://kubernetes.io/docs/concepts/security/multi-tenancy/#namespaces',
      'https://www.cisecurity.org/benchmark/kubernetes',
    ],
    standards: { cis: ['5.7.4'] },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_21', match: 'partial' },
      { tool: 'kube-linter', id: 'use-namespace', match: 'partial' },
      { tool: 'trivy', id: 'KSV110', match: 'partial' },
    ],
    messages: {
      explicit: 'Namespace "default" is used by {{kind}} "{{name}}"; deploy it to a dedicated namespace.',
      missing: 'No namespace set on {{kind}} "{{name}}": it lands in the namespace the deploy tool targets, usually "default".',
    },
    examples: {
      good: `apiVersion: v1
kind: ConfigMap
metadata: { name: ok, namespace: shop }
data: { key: value }
`,
      bad: `apiVersion: v1
kind: ConfigMap
metadata: { name: bad, namespace: default }
data: { key: value }
`,
    },
  },
  options: z
    .object({
      /** Also report objects with no metadata.namespace. */
      flagMissing: z.boolean().default(false),
    })
    .strict(),
  run(obj, ctx) {
    if (BUILT_IN[obj.kind] === obj.name) return;
    const data = { kind: obj.kind, name: obj.name };
    if (obj.namespace === 'default') ctx.report({ path: ['metadata', 'namespace'], messageId: 'explicit', data });
    else if (obj.namespace === '' && ctx.options.flagMissing) ctx.report({ path: ['metadata', 'namespace'], messageId: 'missing', data });
  },
});
