import { defineCheck } from '../../define-check.js';
import { dockerfileOf, hasOption, packageManager, runSites } from '../../_lib/dockerfile.js';

const YUM_SUBS = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'downgrade'];
const ZYPPER_SUBS = ['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si'];

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0036',
    slug: 'rpm-package-manager-missing-yes',
    title: 'yum, dnf or zypper run without their non-interactive switch',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      '`yum` or `dnf` installs, updates or removes packages without `-y` / `--assumeyes`, or `zypper` does without `-n` / `--non-interactive` (before the subcommand) or `-y` / `--no-confirm` (after it). `microdnf` never prompts and is not checked.',
    rationale: 'A build has no terminal to answer the confirmation prompt, so the package manager aborts and the build fails, or waits until it times out.',
    remediation: `Run the package manager non-interactively.

\`\`\`dockerfile
RUN dnf install -y nginx && dnf clean all
RUN zypper --non-interactive install curl && zypper clean --all
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3030', 'https://github.com/hadolint/hadolint/wiki/DL3038', 'https://github.com/hadolint/hadolint/wiki/DL3034'],
    peers: [
      { tool: 'hadolint', id: 'DL3030', match: 'partial' },
      { tool: 'hadolint', id: 'DL3038', match: 'partial' },
      { tool: 'hadolint', id: 'DL3034', match: 'partial' },
    ],
    messages: { yes: '{{tool}} {{sub}} runs without its non-interactive switch ({{flag}}).' },
    examples: { good: 'FROM fedora:40\nRUN dnf -y install nginx && dnf clean all\n', bad: 'FROM fedora:40\nRUN dnf install nginx && dnf clean all\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      for (const cmd of site.commands) {
        const pm = packageManager(cmd);
        if (!pm || pm.sub === undefined || cmd.pipesIn) continue;
        let flag = '';
        if ((pm.tool === 'yum' || pm.tool === 'dnf' || pm.tool === 'tdnf') && YUM_SUBS.includes(pm.sub) && !hasOption(pm.args, ['y'], ['assumeyes'])) flag = '-y';
        if (pm.tool === 'zypper' && ZYPPER_SUBS.includes(pm.sub) && !hasOption(pm.args, ['n', 'y'], ['non-interactive', 'no-confirm'])) flag = '--non-interactive';
        if (!flag) continue;
        ctx.report({ path: site.path, data: { tool: pm.tool, sub: pm.sub, flag } });
        break;
      }
    }
  },
});
