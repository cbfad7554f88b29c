import { defineCheck } from '../../define-check.js';
import { baseImages, dockerfileOf, fromPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0005',
    slug: 'base-image-digest-missing',
    title: 'Base image is not pinned by digest',
    severity: 'low',
    category: 'images',
    kinds: ['Dockerfile'],
    defaultEnabled: false,
    description:
      'A `FROM` line names an image by tag only (`python:3.12-slim`), without `@sha256:…`. Opt-in: pinning every base by digest needs a bot (Renovate, Dependabot) to keep digests fresh, which not every team runs. Untagged and `latest` images are reported by their own checks; references hidden behind variables without defaults are not judged.',
    rationale: 'Tags are mutable: a registry (or whoever controls it) can point `3.12-slim` at different content at any time. A digest names exactly one image, which makes builds reproducible and a swapped base visible.',
    remediation: `Pin the base image by digest, keeping the tag for readability.

\`\`\`dockerfile
FROM python:3.12-slim@sha256:<digest>
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
    peers: [],
    messages: { unpinned: 'Base image "{{image}}" is pinned by tag only, not by digest.' },
    examples: {
      good: 'FROM python:3.12-slim@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a\n',
      bad: 'FROM python:3.12-slim\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { stage, img } of baseImages(df)) {
      if (img.digest !== undefined || img.unknown.digest || img.tag === undefined || img.tag === 'latest') continue;
      ctx.report({ path: fromPath(stage.index, 'image'), data: { image: img.raw } });
    }
  },
});
