import { defineCheck } from '../../define-check.js';
import { listField, normalizeCapability, RUNTIME_DEFAULT_CAPABILITIES, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0010',
    slug: 'compose-added-capabilities',
    title: 'Service adds capabilities beyond Docker\'s default set',
    severity: 'high',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A service lists a Linux capability in `cap_add` that Docker does not grant by default (its default set is AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT): NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF, DAC_READ_SEARCH, SYS_RAWIO, … Names are compared as the runtime reads them: any case, with or without `CAP_`. `SYS_ADMIN` and `ALL` are reported by compose-sys-admin-capability (PAL-COMPOSE-0011) instead.',
    rationale:
      'Capabilities outside the default set hand the container pieces of root on the host: reconfiguring the host\'s network (NET_ADMIN), tracing other processes (SYS_PTRACE), loading kernel modules (SYS_MODULE), reading any file (DAC_READ_SEARCH). Same concept as PAL-K8S-0023, measured against Docker\'s default set.',
    remediation: `Remove the capability, or drop everything and add back only what the process needs.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_add', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    peers: [],
    messages: { added: 'Service "{{service}}" adds capability {{capability}}, which Docker does not grant by default.' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE, CHOWN]
`,
      bad: `services:
  vpn:
    image: example/vpn:1.0
    cap_add: [NET_ADMIN]
`,
    },
  },
  run(obj, ctx) {
    for (const item of listField(obj, 'cap_add')) {
      const name = normalizeCapability(item.value);
      if (name === undefined || name === 'ALL' || name === 'SYS_ADMIN' || RUNTIME_DEFAULT_CAPABILITIES.has(name)) continue;
      ctx.report({ path: item.path, data: { service: obj.name, capability: String(item.value).trim() } });
    }
  },
});
