import { defineCheck } from '../../define-check.js';
import { APT_VALUE_OPTIONS, dockerfileOf, operands, packageCommands, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0011',
    slug: 'apt-unpinned-packages',
    title: 'apt-get install of packages without a pinned version',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    defaultEnabled: false,
    description:
      '`apt-get install` names packages without `=<version>` (`curl` instead of `curl=8.5.0-2ubuntu10.6`). Local `.deb` files and packages given as variables are not reported. Opt-in: pinning Debian packages breaks builds whenever the archive drops the old version, which only teams with automated updates can absorb.',
    rationale: 'Without a pin the same Dockerfile installs different package versions on different days, so two builds of one commit can differ and a regression cannot be traced to a change.',
    remediation: `Pin each package to a version.

\`\`\`dockerfile
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 \\
 && rm -rf /var/lib/apt/lists/*
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3008', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
    peers: [{ tool: 'hadolint', id: 'DL3008', match: 'same' }],
    messages: { unpinned: 'apt-get install of {{packages}} without a pinned version.' },
    examples: {
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const names = packageCommands(site, ['apt-get', 'apt'], ['install']).flatMap(({ args }) =>
        operands(args, APT_VALUE_OPTIONS).filter((p) => !p.includes('=') && !p.endsWith('.deb') && !p.includes('$') && !p.includes('/')),
      );
      if (names.length > 0) ctx.report({ path: site.path, data: { packages: names.slice(0, 5).map((n) => `"${n}"`).join(', ') + (names.length > 5 ? ', …' : '') } });
    }
  },
});
