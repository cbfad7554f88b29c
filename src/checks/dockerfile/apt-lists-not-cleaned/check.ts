import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageRunSites, hasCacheMount, packageCommands, removesPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0012',
    slug: 'apt-lists-not-cleaned',
    title: 'apt-get update without removing /var/lib/apt/lists in the same RUN',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN of the final image runs `apt-get update` (or `apt update`) and does not `rm -rf /var/lib/apt/lists/*` (or `apt-get dist-clean`) in the same instruction, so the package index is baked into the layer. Build-only stages and RUNs with a cache mount on `/var/lib/apt` are not reported.',
    rationale: 'The lists are tens of megabytes that the running container never needs; once a layer holds them, deleting them in a later RUN does not shrink the image.',
    remediation: `Update, install and clean up in one RUN.

\`\`\`dockerfile
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl \\
 && rm -rf /var/lib/apt/lists/*
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://github.com/hadolint/hadolint/wiki/DL3009'],
    peers: [{ tool: 'hadolint', id: 'DL3009', match: 'same' }],
    messages: { lists: 'RUN leaves the apt package lists (/var/lib/apt/lists) in the image.' },
    examples: {
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of finalImageRunSites(df)) {
      if (packageCommands(site, ['apt-get', 'apt'], ['update']).length === 0) continue;
      if (removesPath(site, ['/var/lib/apt/lists']) || packageCommands(site, ['apt-get', 'apt'], ['dist-clean']).length > 0 || hasCacheMount(site.ins, /\/var\/lib\/apt/)) continue;
      ctx.report({ path: site.path });
    }
  },
});
