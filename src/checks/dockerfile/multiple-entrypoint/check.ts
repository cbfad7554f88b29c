import { defineCheck } from '../../define-check.js';
import { dockerfileOf, reportAllButLast } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0025',
    slug: 'multiple-entrypoint',
    title: 'A stage has more than one ENTRYPOINT',
    severity: 'medium',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'A stage contains several `ENTRYPOINT` instructions; only the last one takes effect. Each earlier one is reported.',
    rationale: 'An overridden entrypoint often carried setup the author expected to run (dropping privileges, loading secrets); it silently does not.',
    remediation: `Keep one ENTRYPOINT per stage.

\`\`\`dockerfile
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#entrypoint', 'https://github.com/hadolint/hadolint/wiki/DL4004', 'https://avd.aquasec.com/misconfig/ds007'],
    peers: [
      { tool: 'hadolint', id: 'DL4004', match: 'same' },
      { tool: 'trivy', id: 'DS007', match: 'same' },
    ],
    messages: { ignored: 'This ENTRYPOINT is overridden by a later one in the same stage (line {{line}}).' },
    examples: { good: 'FROM alpine:3.20\nENTRYPOINT ["/entrypoint.sh"]\n', bad: 'FROM alpine:3.20\nENTRYPOINT ["/setup.sh"]\nENTRYPOINT ["/app"]\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (df) reportAllButLast(df, 'ENTRYPOINT', ctx);
  },
});
