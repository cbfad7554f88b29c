import { defineCheck } from '../../define-check.js';
import { baseImages, dockerfileOf, fromPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0003',
    slug: 'base-image-latest-tag',
    title: 'Base image uses the latest tag',
    severity: 'medium',
    category: 'images',
    kinds: ['Dockerfile'],
    description:
      'A `FROM` line names an image with the `:latest` tag and no digest, in any stage. Global `ARG` defaults are substituted first (`FROM node:${NODE_VERSION}` with `ARG NODE_VERSION=latest` is reported); a tag left to an `ARG` without a default is not judged. An image without any tag is base-image-untagged (PAL-DOCKER-0004); `FROM <stage>` and `scratch` are not images.',
    rationale:
      '`latest` moves: the same Dockerfile builds a different image next week, a rebuild silently picks up a new major version, and nobody can say from the Dockerfile which base (and which vulnerabilities) an image contains.',
    remediation: `Pin the base image to a version tag, ideally with its digest.

\`\`\`dockerfile
FROM python:3.12.4-slim-bookworm
# or, reproducibly: FROM python:3.12.4-slim-bookworm@sha256:<digest>
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#from', 'https://github.com/hadolint/hadolint/wiki/DL3007', 'https://avd.aquasec.com/misconfig/ds001'],
    peers: [
      { tool: 'hadolint', id: 'DL3007', match: 'same' },
      { tool: 'trivy', id: 'DS001', match: 'partial' },
      { tool: 'checkov', id: 'CKV_DOCKER_7', match: 'partial' },
    ],
    messages: { latest: 'Base image "{{image}}" uses the mutable latest tag.' },
    examples: { good: 'FROM python:3.12-slim\nCMD ["python"]\n', bad: 'FROM python:latest\nCMD ["python"]\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { stage, img } of baseImages(df)) {
      if (img.unknown.tag || img.tag !== 'latest' || img.digest !== undefined || img.unknown.digest) continue;
      ctx.report({ path: fromPath(stage.index, 'image'), data: { image: img.raw } });
    }
  },
});
