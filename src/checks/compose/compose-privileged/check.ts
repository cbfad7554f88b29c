import { defineCheck } from '../../define-check.js';
import { isTrue, localFix, SERVICE_KINDS } from '../../_lib/compose.js';
import { setFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0001',
    slug: 'compose-privileged',
    title: 'Service runs in privileged mode',
    severity: 'critical',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A service sets `privileged: true`, also written as a string compose reads as true (`"true"`, `"yes"`, `"on"`) or produced by interpolation (`privileged: ${PRIVILEGED:-true}`). A value inherited through `extends` counts and is reported at the `extends` key.',
    rationale:
      'A privileged container gets every Linux capability, every host device, no seccomp or AppArmor confinement and writable kernel interfaces: a process in it can load kernel modules, mount the host disk and take over the Docker host. It is the same setting as `securityContext.privileged` in Kubernetes (PAL-K8S-0001).',
    remediation: `Remove \`privileged: true\` and grant only the capabilities and devices the process needs.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#privileged', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities'],
    peers: [],
    messages: { privileged: 'Service "{{service}}" runs privileged.' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    privileged: false
`,
      bad: `services:
  app:
    image: nginx:1.27
    privileged: true
`,
    },
  },
  run(obj, ctx) {
    if (!isTrue(obj.value.privileged)) return;
    const fix = localFix(obj, ['privileged'], setFix(obj.value, ['privileged'], false, 'set privileged: false'));
    ctx.report({ path: ['privileged'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
