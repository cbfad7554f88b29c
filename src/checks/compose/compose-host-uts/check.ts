import { defineCheck } from '../../define-check.js';
import { localFix, SERVICE_KINDS, stringField } from '../../_lib/compose.js';
import { removeFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0005',
    slug: 'compose-host-uts',
    title: 'Service shares the host UTS namespace',
    severity: 'low',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `uts: host`.',
    rationale:
      'In the host\'s UTS namespace the container sees the host\'s hostname and domain name and, with CAP_SYS_ADMIN, can change them for the whole host, which breaks logging, monitoring and anything that identifies the machine by name. Few workloads need it.',
    remediation: `Remove \`uts: host\`; give the container its own name with \`hostname:\` if the application needs one.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    hostname: app
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#uts', 'https://docs.docker.com/engine/containers/run/#uts-settings---uts'],
    peers: [],
    messages: { host: 'Service "{{service}}" uses the host UTS namespace (uts: host).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: nginx:1.27
    uts: host
`,
    },
  },
  run(obj, ctx) {
    if (stringField(obj.value.uts) !== 'host') return;
    const fix = localFix(obj, ['uts'], removeFix(obj.value, ['uts'], 'remove uts: host'));
    ctx.report({ path: ['uts'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
