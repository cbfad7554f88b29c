import { defineCheck } from '../../define-check.js';
import { baseImageRunsAsNonRoot, dockerfileOf, finalImageStages, fromPath, lastInFinalImage } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0002',
    slug: 'user-missing',
    title: 'Final image sets no USER, so it runs as the base image\'s user (usually root)',
    severity: 'medium',
    category: 'iam',
    kinds: ['Dockerfile'],
    description:
      'Neither the final stage nor the stages it is built `FROM` contain a `USER` instruction, so containers run as whatever user the base image sets — root for almost every public image. Base images tagged `nonroot` (distroless, Chainguard) are trusted to set a non-root user; `FROM scratch` images are reported too, since they run as UID 0. A `USER` in a build-only stage does not count.',
    rationale:
      'Running as root is the default nobody chose. Declaring the user in the Dockerfile makes the image safe wherever it runs, including plain `docker run` and orchestrators that do not enforce `runAsNonRoot`.',
    remediation: `Add a \`USER\` with an unprivileged user (a numeric UID works with Kubernetes \`runAsNonRoot\`) at the end of the final stage.

\`\`\`dockerfile
FROM node:20-alpine
WORKDIR /app
COPY --chown=node:node . .
USER node
CMD ["node", "server.js"]
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://avd.aquasec.com/misconfig/ds002', 'https://github.com/GoogleContainerTools/distroless#debug-images'],
    peers: [
      { tool: 'checkov', id: 'CKV_DOCKER_3', match: 'partial' },
      { tool: 'trivy', id: 'DS002', match: 'partial' },
    ],
    messages: { missing: 'The final image (stage {{stage}}) sets no USER and runs as the base image\'s user, usually root.' },
    examples: {
      good: 'FROM node:20-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      bad: 'FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const chain = finalImageStages(df);
    if (chain.length === 0 || lastInFinalImage(df, 'USER')) return;
    // The root of the chain decides what user the image starts from.
    if (baseImageRunsAsNonRoot(chain[chain.length - 1]!)) return;
    const final = chain[0]!;
    ctx.report({ path: fromPath(final.index), data: { stage: final.name || String(final.index) } });
  },
});
