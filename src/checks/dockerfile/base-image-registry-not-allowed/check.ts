import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { baseImages, dockerfileOf, fromPath } from '../../_lib/dockerfile.js';
import { imageMatchesPattern } from '../../_lib/image.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0039',
    slug: 'base-image-registry-not-allowed',
    title: 'Base image comes from a registry that is not allowed',
    severity: 'high',
    category: 'images',
    kinds: ['Dockerfile'],
    defaultEnabled: false,
    description:
      'A `FROM` image is not under one of the allowed registries or repository prefixes set in the `allowedRegistries` option (`ghcr.io/acme/`, `*.dkr.ecr.eu-west-1.amazonaws.com`, `docker.io/library`). Images without a registry are Docker Hub (`docker.io`). Opt-in: it needs the organisation\'s list. References whose registry hides behind a variable without a default are not judged.',
    rationale: 'Base images are code that runs in production. Restricting them to a curated registry (the approved, scanned images) keeps typo-squatted and unreviewed images out of the supply chain.',
    remediation: `Build on an approved base image from the allowed registry.

\`\`\`dockerfile
FROM registry.acme.example/base/python:3.12
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3026', 'https://docs.docker.com/docker-hub/image-library/trusted-content/'],
    peers: [{ tool: 'hadolint', id: 'DL3026', match: 'same' }],
    messages: { notAllowed: 'Base image "{{image}}" is not from an allowed registry ({{allowed}}).' },
    examples: { good: 'FROM ghcr.io/acme/base:1.0\n', bad: 'FROM docker.io/someone/base:1.0\n' },
  },
  options: z.object({ allowedRegistries: z.array(z.string().min(1)).default([]) }).strict(),
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    const allowed = ctx.options.allowedRegistries;
    if (!df || allowed.length === 0) return;
    for (const { stage, img } of baseImages(df)) {
      const verdicts = allowed.map((p) => imageMatchesPattern(img, p));
      if (verdicts.some((v) => v === true || v === undefined)) continue;
      ctx.report({ path: fromPath(stage.index, 'image'), data: { image: img.raw, allowed: allowed.join(', ') } });
    }
  },
});
