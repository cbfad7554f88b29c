import { defineCheck } from '../../define-check.js';
import { dockerfileOf, packageCommands, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0040',
    slug: 'apt-used',
    title: 'apt used in a RUN instead of apt-get',
    severity: 'low',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'A RUN calls `apt` (`apt install`, `apt update`, …) rather than `apt-get`/`apt-cache`. Every stage is checked.',
    rationale: '`apt` is an interactive front end whose command-line interface is explicitly not stable for scripts (it warns so on every run); `apt-get` is the scriptable one.',
    remediation: `Use apt-get in Dockerfiles.

\`\`\`dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3027', 'https://manpages.debian.org/bookworm/apt/apt.8.en.html#SCRIPT_USAGE_AND_DIFFERENCES_FROM_OTHER_APT_TOOLS'],
    peers: [
      { tool: 'hadolint', id: 'DL3027', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_9', match: 'same' },
    ],
    messages: { apt: 'RUN uses "apt {{sub}}"; use apt-get, whose interface is stable for scripts.' },
    examples: { good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n', bad: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const hit = packageCommands(site, ['apt'], ['install', 'update', 'upgrade', 'full-upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'reinstall'])[0];
      if (hit) ctx.report({ path: site.path, data: { sub: hit.args.find((a) => !a.startsWith('-')) ?? '' } });
    }
  },
});
