import { defineCheck } from '../../define-check.js';
import { listField, normalizeCapability, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0011',
    slug: 'compose-sys-admin-capability',
    title: 'Service adds the SYS_ADMIN capability (or ALL capabilities)',
    severity: 'critical',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service lists `SYS_ADMIN` (any case, with or without `CAP_`) or `ALL` in `cap_add`.',
    rationale:
      'CAP_SYS_ADMIN is "the new root": it allows mounting file systems, manipulating namespaces and many privileged ioctls, and is the capability behind most container escapes (the cgroup `release_agent` escape needs nothing else). `cap_add: [ALL]` grants it along with every other capability, which is nearly `privileged: true`. Same concept as PAL-K8S-0024.',
    remediation: `Remove SYS_ADMIN/ALL. Mount what the service needs from the host side (a volume) instead of letting it mount, and add only the narrow capabilities it uses.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    cap_drop: [ALL]
    cap_add: [CHOWN, SETUID, SETGID]
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_add', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    peers: [],
    messages: {
      sysAdmin: 'Service "{{service}}" adds capability {{capability}}.',
      all: 'Service "{{service}}" adds ALL capabilities.',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    cap_add: [NET_BIND_SERVICE]
`,
      bad: `services:
  fuse:
    image: example/sshfs:1.0
    cap_add: [SYS_ADMIN]
`,
    },
  },
  run(obj, ctx) {
    for (const item of listField(obj, 'cap_add')) {
      const name = normalizeCapability(item.value);
      if (name === 'SYS_ADMIN') ctx.report({ path: item.path, messageId: 'sysAdmin', data: { service: obj.name, capability: String(item.value).trim() } });
      else if (name === 'ALL') ctx.report({ path: item.path, messageId: 'all', data: { service: obj.name } });
    }
  },
});
