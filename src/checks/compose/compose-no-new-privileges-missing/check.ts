import { defineCheck } from '../../define-check.js';
import { localFix, securityOpts, SERVICE_KINDS } from '../../_lib/compose.js';
import { appendFix, setFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0016',
    slug: 'compose-no-new-privileges-missing',
    title: 'Service does not set no-new-privileges',
    severity: 'low',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'No `security_opt` entry `no-new-privileges` (`no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=true`). An entry that sets it to false is reported at that entry; otherwise the finding is at `security_opt` when it exists, else at the service.',
    rationale:
      'Without no-new-privileges a process in the container can gain privileges through setuid and setgid binaries or file capabilities (su, sudo, ping in many images), turning an unprivileged foothold into root inside the container. It is the compose form of `allowPrivilegeEscalation: false` (PAL-K8S-0027).',
    remediation: `Add \`no-new-privileges:true\` to \`security_opt\`.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    security_opt:
      - no-new-privileges:true
\`\`\``,
    references: ['https://docs.docker.com/reference/cli/docker/container/run/#security-opt', 'https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html'],
    peers: [],
    messages: {
      missing: 'Service "{{service}}" does not set no-new-privileges.',
      disabled: 'Service "{{service}}" sets no-new-privileges to false.',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    security_opt: ["no-new-privileges:true"]
`,
      bad: `services:
  app:
    image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const opts = securityOpts(obj);
    const nnp = opts.filter((o) => o.key === 'no-new-privileges');
    const last = nnp[nnp.length - 1];
    if (last && (last.value === '' || last.value.toLowerCase() === 'true')) return;
    if (last) {
      const fix = localFix(obj, last.path, setFix(obj.value, last.path, 'no-new-privileges:true', 'set no-new-privileges:true'));
      ctx.report({ path: last.path, messageId: 'disabled', data: { service: obj.name }, ...(fix ? { fix } : {}) });
      return;
    }
    const has = Array.isArray(obj.value.security_opt);
    const fix = localFix(obj, ['security_opt'], appendFix(obj.value, ['security_opt'], 'no-new-privileges:true', 'add no-new-privileges:true to security_opt'));
    ctx.report({ path: has ? ['security_opt'] : [], messageId: 'missing', data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
