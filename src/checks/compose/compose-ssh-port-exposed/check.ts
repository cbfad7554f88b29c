import { defineCheck } from '../../define-check.js';
import { listField, ports, rangeHas, SERVICE_KINDS, stringField } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0019',
    slug: 'compose-ssh-port-exposed',
    title: 'Service exposes the SSH port (22)',
    severity: 'medium',
    category: 'network',
    kinds: [...SERVICE_KINDS],
    description:
      'A `ports` entry (any host address) or an `expose` entry covers container port 22 over TCP (the default protocol), ranges included: the service runs an SSH server.',
    rationale:
      'An SSH server inside a container is a second, usually less audited way in: it needs long-lived keys or passwords, bypasses the Docker daemon\'s access control and audit trail for interactive access, and often comes with a full userland. `docker compose exec` gives the same access through the daemon. Services that speak SSH on purpose (Git servers, SFTP gateways) can waive this check. Same concept as PAL-K8S-0022.',
    remediation: `Remove the SSH server and its port; use \`docker compose exec <service> sh\` for interactive access.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    ports:
      - "127.0.0.1:8080:8080"
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#ports', 'https://docs.docker.com/reference/cli/docker/compose/exec/'],
    peers: [],
    messages: {
      published: 'Service "{{service}}" publishes the SSH port 22.',
      exposed: 'Service "{{service}}" exposes the SSH port 22.',
    },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    ports: ["8080:80"]
`,
      bad: `services:
  app:
    image: example/app:1.0
    ports: ["2222:22"]
`,
    },
  },
  run(obj, ctx) {
    for (const p of ports(obj)) {
      if (p.spec.protocol === 'tcp' && rangeHas(p.spec.target, 22)) ctx.report({ path: p.path, messageId: 'published', data: { service: obj.name } });
    }
    for (const e of listField(obj, 'expose')) {
      const s = stringField(e.value);
      if (s === undefined) continue;
      const [range, protocol = 'tcp'] = s.split('/');
      if (protocol.toLowerCase() === 'tcp' && rangeHas(range!, 22)) ctx.report({ path: e.path, messageId: 'exposed', data: { service: obj.name } });
    }
  },
});
