import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageRunSites, hasCacheMount, hasOption, packageCommands, removesPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0014',
    slug: 'apk-no-cache',
    title: 'apk add without --no-cache',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN of the final image runs `apk add` without `--no-cache` and does not remove `/var/cache/apk` in the same instruction, so Alpine\'s package index stays in the layer. Build-only stages and RUNs with a cache mount on `/var/cache/apk` are not reported.',
    rationale: '`--no-cache` fetches the index to a temporary place and keeps the image free of it, without the `apk update` / `rm -rf /var/cache/apk/*` dance.',
    remediation: `Use --no-cache.

\`\`\`dockerfile
RUN apk add --no-cache curl
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3019', 'https://avd.aquasec.com/misconfig/ds025', 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
    peers: [
      { tool: 'hadolint', id: 'DL3019', match: 'same' },
      { tool: 'trivy', id: 'DS025', match: 'same' },
    ],
    messages: { cache: 'apk add runs without --no-cache; the package index stays in the image.' },
    examples: { good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', bad: 'FROM alpine:3.20\nRUN apk update && apk add curl\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of finalImageRunSites(df)) {
      const adds = packageCommands(site, ['apk'], ['add']);
      if (adds.length === 0 || adds.every(({ args }) => hasOption(args, [], ['no-cache']))) continue;
      if (removesPath(site, ['/var/cache/apk']) || hasCacheMount(site.ins, /\/var\/cache\/apk/)) continue;
      ctx.report({ path: site.path });
    }
  },
});
