import { defineCheck } from '../../define-check.js';
import { localFix, SERVICE_KINDS, stringField } from '../../_lib/compose.js';
import { removeFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0007',
    slug: 'compose-host-cgroup',
    title: 'Service shares the host cgroup namespace',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `cgroup: host`.',
    rationale:
      'In the host\'s cgroup namespace the container sees the host\'s whole cgroup hierarchy, which leaks what runs on the host and, combined with a writable cgroup filesystem (privileged mode, SYS_ADMIN), is the basis of the `release_agent` container escape. Docker gives containers a private cgroup namespace by default on cgroup v2.',
    remediation: `Remove \`cgroup: host\` (or set \`cgroup: private\`).

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    cgroup: private
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#cgroup', 'https://docs.docker.com/engine/containers/run/#cgroup-namespace'],
    peers: [],
    messages: { host: 'Service "{{service}}" uses the host cgroup namespace (cgroup: host).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: nginx:1.27
    cgroup: host
`,
    },
  },
  run(obj, ctx) {
    if (stringField(obj.value.cgroup) !== 'host') return;
    const fix = localFix(obj, ['cgroup'], removeFix(obj.value, ['cgroup'], 'remove cgroup: host'));
    ctx.report({ path: ['cgroup'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
