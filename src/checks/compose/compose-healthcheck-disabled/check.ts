import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { isTrue, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0027',
    slug: 'compose-healthcheck-disabled',
    title: 'Service disables the image\'s health check',
    severity: 'low',
    category: 'reliability',
    kinds: [...SERVICE_KINDS],
    description: 'A service sets `healthcheck.disable: true`, or `healthcheck.test` to `NONE` (`["NONE"]` or the string), which turns off the HEALTHCHECK the image defines.',
    rationale:
      'Without a health check a hung service looks healthy: `depends_on: { condition: service_healthy }` cannot wait for it, orchestrators and load balancers keep sending it traffic, and monitoring sees nothing wrong. Switching off the image author\'s check is rarely what is meant.',
    remediation: `Remove the override, or replace the image's check with one that fits.

\`\`\`yaml
services:
  web:
    image: nginx:1.27
    healthcheck:
      test: ["CMD", "curl", "-fsS", "http://localhost/healthz"]
      interval: 30s
      timeout: 5s
      retries: 3
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#healthcheck', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
    peers: [],
    messages: { disabled: 'Service "{{service}}" disables its health check.' },
    examples: {
      good: `services:
  web:
    image: nginx:1.27
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost/"]
`,
      bad: `services:
  web:
    image: nginx:1.27
    healthcheck:
      disable: true
`,
    },
  },
  run(obj, ctx) {
    const hc = obj.value.healthcheck;
    if (!isRecord(hc)) return;
    if (isTrue(hc.disable)) {
      ctx.report({ path: ['healthcheck', 'disable'], data: { service: obj.name } });
      return;
    }
    const t = hc.test;
    const first = Array.isArray(t) ? t[0] : t;
    if (typeof first === 'string' && first.trim().toUpperCase() === 'NONE') ctx.report({ path: ['healthcheck', 'test'], data: { service: obj.name } });
  },
});
