import { defineCheck } from '../../define-check.js';
import { localFix, SERVICE_KINDS, stringField } from '../../_lib/compose.js';
import { removeFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0003',
    slug: 'compose-host-pid',
    title: 'Service shares the host PID namespace',
    severity: 'high',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `pid: host`.',
    rationale:
      'In the host\'s PID namespace the container sees every process on the host, can read their environment and command lines (where secrets often are) and, as root or with ptrace capabilities, signal or trace them; `nsenter --target 1` from such a container is a well-known escape. It is the compose form of `hostPID: true` (PAL-K8S-0004).',
    remediation: `Remove \`pid: host\`. To share processes between two services, share one service's namespace instead (\`pid: "service:other"\`).

\`\`\`yaml
services:
  app:
    image: example/app:1.0
  debug:
    image: busybox:1.36
    pid: "service:app"
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#pid', 'https://docs.docker.com/engine/containers/run/#pid-settings---pid'],
    peers: [],
    messages: { host: 'Service "{{service}}" uses the host PID namespace (pid: host).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: nginx:1.27
    pid: host
`,
    },
  },
  run(obj, ctx) {
    if (stringField(obj.value.pid) !== 'host') return;
    const fix = localFix(obj, ['pid'], removeFix(obj.value, ['pid'], 'remove pid: host'));
    ctx.report({ path: ['pid'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
