import { defineCheck } from '../../define-check.js';
import { canonicalSysctl, keyValues, SAFE_SYSCTLS, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0028',
    slug: 'compose-unsafe-sysctls',
    title: 'Service sets a sysctl outside the safe set',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A `sysctls` entry (mapping or `name=value` list) names a kernel parameter outside the Pod Security Standards safe set that PAL-K8S-0015 uses: `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`, `net.ipv4.tcp_keepalive_time`, `net.ipv4.tcp_fin_timeout`, `net.ipv4.tcp_keepalive_intvl`, `net.ipv4.tcp_keepalive_probes`. Slash-separated names are compared in their dotted form.',
    rationale:
      'Docker only lets containers set namespaced sysctls, but many of those still weaken the container\'s isolation or the host\'s protections: enabling IP forwarding or disabling reverse-path filtering turns the container into a router between networks, IPC limits can exhaust kernel memory, and with `network_mode: host` a `net.*` sysctl changes the host itself. The safe set is the list judged harmless for every workload.',
    remediation: `Remove the sysctl, or tune it on the host for the services that need it.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    sysctls:
      net.ipv4.ip_unprivileged_port_start: 80
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#sysctls', 'https://docs.docker.com/reference/cli/docker/container/run/#sysctl', 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
    peers: [],
    messages: { sysctl: 'Service "{{service}}" sets sysctl "{{name}}", which is not in the safe set.' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    sysctls:
      net.ipv4.ip_unprivileged_port_start: 0
`,
      bad: `services:
  vpn:
    image: example/vpn:1.0
    sysctls:
      net.ipv4.ip_forward: 1
`,
    },
  },
  run(obj, ctx) {
    for (const e of keyValues(obj, ['sysctls'])) {
      if (e.key !== '' && !SAFE_SYSCTLS.has(canonicalSysctl(e.key))) ctx.report({ path: e.path, data: { service: obj.name, name: e.key } });
    }
  },
});
