import { defineCheck } from '../../define-check.js';
import { baseImages, dockerfileOf, fromPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0004',
    slug: 'base-image-untagged',
    title: 'Base image has no tag or digest (implicitly latest)',
    severity: 'medium',
    category: 'images',
    kinds: ['Dockerfile'],
    description:
      'A `FROM` line names an image without a tag or digest (`FROM ubuntu`), which Docker reads as `:latest`. Earlier stages (`FROM build`), `scratch` and references whose end is a variable without a known default (`FROM ${BASE_IMAGE}`) are not reported.',
    rationale: 'An untagged base is `latest` in disguise: the build is not reproducible and the base version is invisible in review.',
    remediation: `Name a version tag (or a digest) for every base image.

\`\`\`dockerfile
FROM ubuntu:24.04
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://github.com/hadolint/hadolint/wiki/DL3006', 'https://avd.aquasec.com/misconfig/ds001'],
    peers: [
      { tool: 'hadolint', id: 'DL3006', match: 'same' },
      { tool: 'trivy', id: 'DS001', match: 'partial' },
      { tool: 'checkov', id: 'CKV_DOCKER_7', match: 'partial' },
    ],
    messages: { untagged: 'Base image "{{image}}" has no tag or digest, so it means "{{image}}:latest".' },
    examples: { good: 'FROM ubuntu:24.04\n', bad: 'FROM ubuntu\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { stage, img } of baseImages(df)) {
      if (img.tag !== undefined || img.digest !== undefined || img.unknown.tag || img.unknown.digest) continue;
      ctx.report({ path: fromPath(stage.index, 'image'), data: { image: img.raw } });
    }
  },
});
