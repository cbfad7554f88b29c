import { defineCheck } from '../../define-check.js';
import { localFix, SERVICE_KINDS, stringField } from '../../_lib/compose.js';
import { removeFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0006',
    slug: 'compose-host-userns',
    title: 'Service opts out of user namespace remapping',
    severity: 'high',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `userns_mode: host`.',
    rationale:
      'When the Docker daemon remaps users (`userns-remap`), root in a container is an unprivileged user on the host, which defuses most escapes. `userns_mode: host` switches that off for the service: root in the container is root on the host again.',
    remediation: `Remove \`userns_mode: host\` and make the service work under the daemon's remapping (fix the ownership of bind-mounted files instead).

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    user: "10001:10001"
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#userns_mode', 'https://docs.docker.com/engine/security/userns-remap/'],
    peers: [],
    messages: { host: 'Service "{{service}}" disables user namespace remapping (userns_mode: host).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: nginx:1.27
    userns_mode: host
`,
    },
  },
  run(obj, ctx) {
    if (stringField(obj.value.userns_mode) !== 'host') return;
    const fix = localFix(obj, ['userns_mode'], removeFix(obj.value, ['userns_mode'], 'remove userns_mode: host'));
    ctx.report({ path: ['userns_mode'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
