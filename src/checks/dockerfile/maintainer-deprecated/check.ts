import { defineCheck } from '../../define-check.js';
import { dockerfileOf, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0031',
    slug: 'maintainer-deprecated',
    title: 'Deprecated MAINTAINER instruction',
    severity: 'info',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'The Dockerfile uses `MAINTAINER`, deprecated since Docker 1.13 in favour of a label.',
    rationale: 'MAINTAINER only fills a legacy field that tools no longer read; the OCI label `org.opencontainers.image.authors` is what registries and scanners show.',
    remediation: `Use a label instead.

\`\`\`dockerfile
LABEL org.opencontainers.image.authors="team@example.com"
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#maintainer-deprecated', 'https://github.com/hadolint/hadolint/wiki/DL4000', 'https://avd.aquasec.com/misconfig/ds022'],
    peers: [
      { tool: 'hadolint', id: 'DL4000', match: 'same' },
      { tool: 'trivy', id: 'DS022', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_6', match: 'same' },
    ],
    messages: { deprecated: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors.' },
    examples: { good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="team@example.com"\n', bad: 'FROM alpine:3.20\nMAINTAINER team@example.com\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { path } of instructionsOf(df, 'MAINTAINER')) ctx.report({ path });
  },
});
