import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0048',
    slug: 'rbac-create-pods',
    title: 'Role can create pods or workloads',
    severity: 'medium',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `create` (or `"*"`) on pods or on a kind that creates pods: deployments, daemonsets, statefulsets, replicasets (`apps`, and the legacy `extensions` group), jobs, cronjobs (`batch`), replicationcontrollers (core), directly or through wildcards.',
    rationale:
      'Whoever can create a pod can run it as any service account of the namespace (and so use that account\'s permissions), mount any Secret or ConfigMap of the namespace, and, unless Pod Security admission forbids it, run privileged or with host mounts and take over the node. CIS Kubernetes Benchmark 5.1.4 asks to minimize access to create pods.',
    remediation: `Grant create on pods and workload kinds only to deployment tooling, and keep Pod Security admission at baseline or restricted in namespaces where it is granted.

\`\`\`yaml
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
      'https://docs.kubelinter.io/#/generated/checks?id=access-to-create-pods',
    ],
    standards: { cis: ['5.1.4'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'kube-linter', id: 'access-to-create-pods', match: 'partial' },
      { tool: 'trivy', id: 'KSV048', match: 'partial' },
    ],
    messages: {
      create: '{{kind}} rule {{rule}} can create {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: watcher, namespace: app }
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: job-runner, namespace: app }
rules:
  - apiGroups: ["batch"]
    resources: ["jobs"]
    verbs: ["create", "delete"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['create'],
        targets: [
          { resource: 'pods', groups: [''] },
          { resource: 'replicationcontrollers', groups: [''] },
          { resource: 'deployments', groups: ['apps', 'extensions'] },
          { resource: 'daemonsets', groups: ['apps', 'extensions'] },
          { resource: 'replicasets', groups: ['apps', 'extensions'] },
          { resource: 'statefulsets', groups: ['apps'] },
          { resource: 'jobs', groups: ['batch'] },
          { resource: 'cronjobs', groups: ['batch'] },
        ],
      },
      'resources',
    );
  },
});
