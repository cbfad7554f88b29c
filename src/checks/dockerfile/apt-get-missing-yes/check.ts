import { defineCheck } from '../../define-check.js';
import { aptSimulates, dockerfileOf, hasOption, packageCommands, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0035',
    slug: 'apt-get-missing-yes',
    title: 'apt-get install without -y',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      '`apt-get install` (or `apt install`) runs without `-y` / `--yes` / `--assume-yes` (or `-qq`, which implies it, or `-o APT::Get::Assume-Yes=true`), and no `yes |` feeds it. Every stage is checked.',
    rationale: 'A build has no terminal: apt asks "Do you want to continue?" and aborts, so the build fails — or, with some base images, hangs until it times out.',
    remediation: `Answer yes non-interactively.

\`\`\`dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3014', 'https://avd.aquasec.com/misconfig/ds021'],
    peers: [
      { tool: 'hadolint', id: 'DL3014', match: 'same' },
      { tool: 'trivy', id: 'DS021', match: 'same' },
    ],
    messages: { yes: '{{tool}} install runs without -y and will stop at the confirmation prompt.' },
    examples: { good: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n', bad: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends curl\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const bad = packageCommands(site, ['apt-get', 'apt'], ['install']).find(
        ({ args, cmd }) => !cmd.pipesIn && !aptSimulates(args) && !hasOption(args, ['y'], ['yes', 'assume-yes', 'force-yes']) && !args.some((a) => a === '-qq' || a === '-q=2' || a === '--quiet=2' || /Assume-Yes=(true|1|yes)/i.test(a)),
      );
      if (bad) ctx.report({ path: site.path, data: { tool: bad.cmd.name } });
    }
  },
});
