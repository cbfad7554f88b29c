import { defineCheck } from '../../define-check.js';
import { localFix, SERVICE_KINDS, stringField } from '../../_lib/compose.js';
import { removeFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0004',
    slug: 'compose-host-ipc',
    title: 'Service shares the host IPC namespace',
    severity: 'high',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `ipc: host`.',
    rationale:
      'Sharing the host\'s IPC namespace exposes the host\'s System V shared memory, semaphores and message queues (and `/dev/shm`) to the container: it can read or corrupt data of host processes that use them. It is the compose form of `hostIPC: true` (PAL-K8S-0005).',
    remediation: `Remove \`ipc: host\`. Services that must share memory can use \`ipc: shareable\` on one and \`ipc: "service:<name>"\` on the other.

\`\`\`yaml
services:
  producer:
    image: example/producer:1.0
    ipc: shareable
  consumer:
    image: example/consumer:1.0
    ipc: "service:producer"
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#ipc', 'https://docs.docker.com/engine/containers/run/#ipc-settings---ipc'],
    peers: [],
    messages: { host: 'Service "{{service}}" uses the host IPC namespace (ipc: host).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: nginx:1.27
    ipc: host
`,
    },
  },
  run(obj, ctx) {
    if (stringField(obj.value.ipc) !== 'host') return;
    const fix = localFix(obj, ['ipc'], removeFix(obj.value, ['ipc'], 'remove ipc: host'));
    ctx.report({ path: ['ipc'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
