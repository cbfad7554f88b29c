import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { podSecurityContext } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

/** The Pod Security Standards baseline "safe" sysctls (policy version 1.29 and later; older versions allow a subset). */
export const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/**
 * Kubernetes accepts sysctl names with `/` as separator (`net/ipv4/tcp_syncookies`), in which case dots are part of a
 * component; the kubelet converts them to the dotted form. Compare in that canonical form.
 */
export function canonicalSysctl(name: string): string {
  const first = name.search(/[./]/);
  if (first < 0 || name[first] !== '/') return name;
  return name.replace(/[./]/g, (ch) => (ch === '/' ? '.' : '/'));
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0015',
    slug: 'unsafe-sysctls',
    title: 'Pod sets a sysctl outside the safe set',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      '`spec.securityContext.sysctls` names a kernel parameter outside the Pod Security Standards safe set: `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`, `net.ipv4.tcp_keepalive_time`, `net.ipv4.tcp_fin_timeout`, `net.ipv4.tcp_keepalive_intvl`, `net.ipv4.tcp_keepalive_probes`. Slash-separated names are compared in their dotted form.',
    rationale:
      'A sysctl outside the safe set is either not namespaced (it changes the kernel for every pod and the host) or not isolated from other pods on the node; setting one can disable security mechanisms, exhaust kernel memory or destabilise the node. The kubelet rejects unsafe sysctls unless an administrator allows them per node, and Pod Security Standards forbid them from the baseline level up.',
    remediation: `Remove the unsafe sysctl; tune it on dedicated nodes through node configuration instead, or, if it is namespaced and really needed, allow it on a tainted node pool with the kubelet's \`--allowed-unsafe-sysctls\` and waive this check for that workload.

\`\`\`yaml
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
  containers:
    - name: app
      image: example/app:1.0
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
      'https://docs.kubelinter.io/#/generated/checks?id=unsafe-sysctls',
    ],
    standards: { pss: 'baseline' },
    peers: [
      { tool: 'trivy', id: 'KSV026', match: 'same' },
      { tool: 'kube-linter', id: 'unsafe-sysctls', match: 'partial' },
    ],
    messages: { sysctl: 'Sysctl "{{name}}" is not in the Pod Security Standards safe set.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    sysctls: [{ name: net.ipv4.tcp_syncookies, value: "1" }]
  containers:
    - name: app
      image: nginx:1.27
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  securityContext:
    sysctls: [{ name: kernel.msgmax, value: "65536" }]
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const psc = podSecurityContext(obj);
    if (!psc || !Array.isArray(psc.sc.sysctls)) return;
    psc.sc.sysctls.forEach((s, i) => {
      if (!isRecord(s) || typeof s.name !== 'string' || s.name === '') return;
      if (!SAFE_SYSCTLS.has(canonicalSysctl(s.name))) ctx.report({ path: [...psc.path, 'sysctls', i, 'name'], data: { name: s.name } });
    });
  },
});
