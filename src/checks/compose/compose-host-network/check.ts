import { defineCheck } from '../../define-check.js';
import { localFix, SERVICE_KINDS, stringField } from '../../_lib/compose.js';
import { removeFix } from '../../_lib/fix.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0002',
    slug: 'compose-host-network',
    title: 'Service shares the host network namespace',
    severity: 'high',
    category: 'network',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `network_mode: host`.',
    rationale:
      'With the host\'s network stack the container can bind any port on the host, reach every service that listens only on the host\'s loopback (the Docker API on 127.0.0.1:2375, databases, the cloud metadata endpoint through the host\'s routes) and escapes the network isolation, published-port restrictions and firewall rules that Docker networks provide. It is the compose form of `hostNetwork: true` (PAL-K8S-0003).',
    remediation: `Remove \`network_mode: host\`, put the service on a project network and publish only the ports it serves, bound to the address that needs them.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    networks: [backend]
    ports:
      - "127.0.0.1:8080:8080"
networks:
  backend: {}
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#network_mode', 'https://docs.docker.com/engine/network/drivers/host/'],
    peers: [],
    messages: { host: 'Service "{{service}}" uses the host network (network_mode: host).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
`,
      bad: `services:
  app:
    image: nginx:1.27
    network_mode: host
`,
    },
  },
  run(obj, ctx) {
    if (stringField(obj.value.network_mode) !== 'host') return;
    const fix = localFix(obj, ['network_mode'], removeFix(obj.value, ['network_mode'], 'remove network_mode: host'));
    ctx.report({ path: ['network_mode'], data: { service: obj.name }, ...(fix ? { fix } : {}) });
  },
});
