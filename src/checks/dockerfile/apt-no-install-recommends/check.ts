import { defineCheck } from '../../define-check.js';
import { aptSimulates, dockerfileOf, hasOption, packageCommands, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0010',
    slug: 'apt-no-install-recommends',
    title: 'apt-get install without --no-install-recommends',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      '`apt-get install` (or `apt install`) runs without `--no-install-recommends` (or `-o APT::Install-Recommends=false`), so Debian and Ubuntu also install every "recommended" package. Every stage is checked.',
    rationale: 'Recommended packages are not needed to run the software; they make the image larger and add packages — and their vulnerabilities — that nobody asked for.',
    remediation: `Install only what you name.

\`\`\`dockerfile
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ca-certificates curl \\
 && rm -rf /var/lib/apt/lists/*
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://github.com/hadolint/hadolint/wiki/DL3015', 'https://avd.aquasec.com/misconfig/ds029'],
    peers: [
      { tool: 'hadolint', id: 'DL3015', match: 'same' },
      { tool: 'trivy', id: 'DS029', match: 'same' },
    ],
    messages: { recommends: '{{tool}} install runs without --no-install-recommends.' },
    examples: {
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const bad = packageCommands(site, ['apt-get', 'apt'], ['install']).find(
        ({ args }) => !aptSimulates(args) && !hasOption(args, [], ['no-install-recommends']) && !args.some((a) => /Install-Recommends=(?:false|0|no)/i.test(a)),
      );
      if (bad) ctx.report({ path: site.path, data: { tool: bad.cmd.name } });
    }
  },
});
