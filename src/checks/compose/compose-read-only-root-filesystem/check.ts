import { defineCheck } from '../../define-check.js';
import { isTrue, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0013',
    slug: 'compose-read-only-root-filesystem',
    title: 'Service root filesystem is writable',
    severity: 'low',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description: 'A service does not set `read_only: true`. Reported at `read_only` when it is set to something else, else at the service.',
    rationale:
      'A writable root filesystem lets an attacker who gets code execution drop tools, modify binaries and configuration, or persist across restarts of the process. A read-only root with explicit `tmpfs` or volumes for the few paths that must be written also documents what the service writes. Same concept as PAL-K8S-0033; rated low for compose because many images need a writable path that must be found first.',
    remediation: `Set \`read_only: true\` and give the paths the service writes a \`tmpfs\` or a volume.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    read_only: true
    tmpfs:
      - /tmp
      - /run
    volumes:
      - data:/var/lib/app
volumes:
  data: {}
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#read_only', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-8-set-filesystem-and-volumes-to-read-only'],
    peers: [],
    messages: { writable: 'Service "{{service}}" has a writable root filesystem (read_only is not true).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    read_only: true
    tmpfs: [/var/cache/nginx, /run]
`,
      bad: `services:
  app:
    image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value.read_only;
    if (isTrue(v)) return;
    // No automatic fix: most images write somewhere, and which tmpfs or volume they need is the author's call.
    ctx.report({ path: v === undefined ? [] : ['read_only'], data: { service: obj.name } });
  },
});
