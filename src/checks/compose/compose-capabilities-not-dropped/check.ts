import { defineCheck } from '../../define-check.js';
import { listField, normalizeCapability, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0012',
    slug: 'compose-capabilities-not-dropped',
    title: 'Service does not drop ALL capabilities',
    severity: 'low',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A service has no `cap_drop` entry `ALL` (any case, with or without `CAP_`), so it keeps Docker\'s default capability set. Reported at `cap_drop` when it exists, else at the service.',
    rationale:
      'Docker\'s default set still includes NET_RAW (ARP and DNS spoofing on the bridge network), MKNOD, DAC_OVERRIDE, SETUID/SETGID and more that most applications never use but an attacker in the container can. Dropping ALL and adding back the few a service needs is the least-privilege baseline. Same concept as PAL-K8S-0025.',
    remediation: `Drop all capabilities and add back only what the service needs.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_drop', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-3-limit-capabilities-grant-only-specific-capabilities-needed-by-a-container'],
    peers: [],
    messages: { missing: 'Service "{{service}}" does not drop ALL capabilities.' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    cap_drop: [ALL]
    cap_add: [CHOWN, SETGID, SETUID, NET_BIND_SERVICE]
`,
      bad: `services:
  app:
    image: nginx:1.27
    cap_drop: [NET_RAW]
`,
    },
  },
  run(obj, ctx) {
    const drops = listField(obj, 'cap_drop');
    if (drops.some((d) => normalizeCapability(d.value) === 'ALL')) return;
    ctx.report({ path: drops.length > 0 ? ['cap_drop'] : [], data: { service: obj.name } });
  },
});
