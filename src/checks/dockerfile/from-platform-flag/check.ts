import { defineCheck } from '../../define-check.js';
import { dockerfileOf, fromPath, hasVariable } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0038',
    slug: 'from-platform-flag',
    title: 'FROM pins a fixed --platform',
    severity: 'info',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description:
      'A `FROM` line hard-codes `--platform=linux/amd64` (or another literal platform). Platforms taken from build arguments (`--platform=$BUILDPLATFORM`, `$TARGETPLATFORM`), the standard cross-compilation pattern, are fine.',
    rationale: 'A fixed platform makes multi-platform builds produce the wrong architecture, or run emulated (slowly) on other hosts, and hides the choice from whoever runs `docker build --platform`.',
    remediation: `Leave the platform to the build (\`docker build --platform\`), or use the build platform arguments.

\`\`\`dockerfile
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3029', 'https://docs.docker.com/build/building/multi-platform/'],
    peers: [{ tool: 'hadolint', id: 'DL3029', match: 'same' }],
    messages: { fixed: 'FROM pins --platform={{platform}}; let the build choose the platform.' },
    examples: { good: 'FROM --platform=$BUILDPLATFORM golang:1.22\n', bad: 'FROM --platform=linux/amd64 golang:1.22\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const stage of df.stages) {
      const p = stage.from.platform;
      if (p === null || p === '' || hasVariable(p)) continue;
      ctx.report({ path: fromPath(stage.index, 'platform'), data: { platform: p } });
    }
  },
});
