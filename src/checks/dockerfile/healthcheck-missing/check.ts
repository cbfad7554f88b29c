import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageStages, fromPath, lastInFinalImage } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0022',
    slug: 'healthcheck-missing',
    title: 'Final image defines no HEALTHCHECK',
    severity: 'low',
    category: 'reliability',
    kinds: ['Dockerfile'],
    description:
      'Neither the final stage nor the stages it is built on have a `HEALTHCHECK` instruction. `HEALTHCHECK NONE` counts as a deliberate choice. A health check inherited from the base image cannot be seen from the Dockerfile and is not assumed. Kubernetes ignores HEALTHCHECK (it uses probes), so teams that only deploy there can disable this check.',
    rationale: 'Without a health check, Docker and Compose only know whether the process is running, not whether it works: a hung server keeps receiving traffic and is never restarted.',
    remediation: `Add a HEALTHCHECK that exercises the service.

\`\`\`dockerfile
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["wget", "-qO-", "http://localhost:8080/healthz"]
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://avd.aquasec.com/misconfig/ds026'],
    peers: [
      { tool: 'trivy', id: 'DS026', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_2', match: 'same' },
      { tool: 'hadolint', id: 'DL3057', match: 'same' },
    ],
    messages: { missing: 'The final image (stage {{stage}}) has no HEALTHCHECK.' },
    examples: {
      good: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
      bad: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const chain = finalImageStages(df);
    if (chain.length === 0 || lastInFinalImage(df, 'HEALTHCHECK')) return;
    const final = chain[0]!;
    ctx.report({ path: fromPath(final.index), data: { stage: final.name || String(final.index) } });
  },
});
