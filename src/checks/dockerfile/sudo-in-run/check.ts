import { defineCheck } from '../../define-check.js';
import { dockerfileOf, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0019',
    slug: 'sudo-in-run',
    title: 'RUN uses sudo',
    severity: 'medium',
    category: 'build',
    kinds: ['Dockerfile'],
    description: 'A RUN instruction calls `sudo` (in any stage, including heredoc scripts). Installing sudo alone (`apt-get install sudo`) is not reported.',
    rationale:
      'Build steps already run as the current `USER`; switching with `USER root` … `USER app` is explicit and visible. sudo inside an image needs a sudoers setup that usually leaves a path back to root for the running container, and it behaves unpredictably without a TTY.',
    remediation: `Switch users with USER around the steps that need root.

\`\`\`dockerfile
USER root
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER app
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3004', 'https://avd.aquasec.com/misconfig/ds010', 'https://docs.docker.com/build/building/best-practices/#user'],
    peers: [
      { tool: 'hadolint', id: 'DL3004', match: 'same' },
      { tool: 'trivy', id: 'DS010', match: 'same' },
      { tool: 'checkov', id: 'CKV2_DOCKER_1', match: 'same' },
    ],
    messages: { sudo: 'RUN uses sudo; switch users with USER instead.' },
    examples: { good: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n', bad: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      if (site.commands.some((c) => c.wrappers.includes('sudo') || c.name === 'sudo')) ctx.report({ path: site.path });
    }
  },
});
