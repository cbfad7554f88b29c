import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0055',
    slug: 'rbac-manage-networking',
    title: 'Role can modify Services, endpoints, Ingresses or NetworkPolicies',
    severity: 'medium',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `create`, `update`, `patch`, `delete`, `deletecollection` or `impersonate` (or `"*"`) on `services`, `endpoints` (core), `endpointslices` (`discovery.k8s.io`), `networkpolicies` or `ingresses` (`networking.k8s.io`, legacy `extensions`), directly or through wildcards. The resource and verb lists are those of Trivy KSV056; unlike KSV056 the API group must match, and wildcards count.',
    rationale:
      'Whoever can change Services, endpoints and Ingresses decides which pods receive traffic, which enables interception of requests and credentials. Whoever can change NetworkPolicies can remove the isolation that limits lateral movement.',
    remediation: `Keep networking objects read-only for workloads; let deployment tooling manage them.

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["services", "endpoints"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["networking.k8s.io"]
    resources: ["ingresses", "networkpolicies"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
    ],
    standards: { nsa: 'Network separation and hardening' },
    peers: [{ tool: 'trivy', id: 'KSV056', match: 'same' }],
    messages: {
      networking: '{{kind}} rule {{rule}} can modify {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: svc-reader, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["services", "endpoints"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: netpol-editor, namespace: app }
rules:
  - apiGroups: ["networking.k8s.io"]
    resources: ["networkpolicies"]
    verbs: ["get", "update", "delete"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['create', 'update', 'patch', 'delete', 'deletecollection', 'impersonate'],
        targets: [
          { resource: 'services', groups: [''] },
          { resource: 'endpoints', groups: [''] },
          { resource: 'endpointslices', groups: ['discovery.k8s.io'] },
          { resource: 'networkpolicies', groups: ['networking.k8s.io', 'extensions'] },
          { resource: 'ingresses', groups: ['networking.k8s.io', 'extensions'] },
        ],
      },
      'resources',
    );
  },
});
