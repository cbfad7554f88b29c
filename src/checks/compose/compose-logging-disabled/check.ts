import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { SERVICE_KINDS, stringField } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0029',
    slug: 'compose-logging-disabled',
    title: 'Service discards its logs',
    severity: 'low',
    category: 'logging',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `logging.driver: none`, so Docker keeps no record of what the container writes to stdout and stderr.',
    rationale:
      'Container output is often the only trace of what happened in an incident: an exploited service that logs nothing leaves nothing to investigate, and `docker compose logs` shows nothing to the people operating it. Noisy services need rotation (`max-size`, `max-file`), not silence.',
    remediation: `Keep a logging driver and bound its size instead.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    logging:
      driver: local
      options:
        max-size: 10m
        max-file: "3"
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#logging', 'https://docs.docker.com/engine/logging/configure/'],
    peers: [],
    messages: { none: 'Service "{{service}}" discards its logs (logging.driver: none).' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    logging:
      driver: json-file
      options: { max-size: 10m }
`,
      bad: `services:
  app:
    image: nginx:1.27
    logging:
      driver: none
`,
    },
  },
  run(obj, ctx) {
    const logging = obj.value.logging;
    if (isRecord(logging) && stringField(logging.driver) === 'none') ctx.report({ path: ['logging', 'driver'], data: { service: obj.name } });
  },
});
