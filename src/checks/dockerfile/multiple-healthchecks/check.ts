import { defineCheck } from '../../define-check.js';
import { dockerfileOf, reportAllButLast } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0023',
    slug: 'multiple-healthchecks',
    title: 'A stage has more than one HEALTHCHECK',
    severity: 'low',
    category: 'reliability',
    kinds: ['Dockerfile'],
    description: 'A stage contains several `HEALTHCHECK` instructions; only the last one takes effect. Each earlier one is reported.',
    rationale: 'The ignored health checks mislead readers about how the container is monitored, and are usually left over from an edit.',
    remediation: `Keep a single HEALTHCHECK per stage.

\`\`\`dockerfile
HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8080/healthz"]
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://github.com/hadolint/hadolint/wiki/DL3012', 'https://avd.aquasec.com/misconfig/ds023'],
    peers: [
      { tool: 'hadolint', id: 'DL3012', match: 'same' },
      { tool: 'trivy', id: 'DS023', match: 'same' },
    ],
    messages: { ignored: 'This HEALTHCHECK is overridden by a later one in the same stage (line {{line}}).' },
    examples: { good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n', bad: 'FROM nginx:1.27\nHEALTHCHECK CMD true\nHEALTHCHECK CMD curl -f http://localhost/\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (df) reportAllButLast(df, 'HEALTHCHECK', ctx);
  },
});
