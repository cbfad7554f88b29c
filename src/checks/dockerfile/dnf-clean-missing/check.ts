import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageRunSites, hasCacheMount, packageCommands, removesPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0017',
    slug: 'dnf-clean-missing',
    title: 'dnf or microdnf install without clean all in the same RUN',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN of the final image runs `dnf install` or `microdnf install` (also `tdnf`) and neither `<tool> clean all` nor `rm -rf /var/cache/dnf` (or `/var/cache/yum`) follows in the same instruction. Build-only stages and cache mounts are not reported.',
    rationale: 'dnf keeps repository metadata and packages in `/var/cache/dnf`; left in a layer they make the image larger for nothing.',
    remediation: `Clean up in the RUN that installs.

\`\`\`dockerfile
RUN microdnf install -y nginx && microdnf clean all
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3040', 'https://avd.aquasec.com/misconfig/ds019', 'https://avd.aquasec.com/misconfig/ds027'],
    peers: [
      { tool: 'hadolint', id: 'DL3040', match: 'same' },
      { tool: 'trivy', id: 'DS019', match: 'same' },
      { tool: 'trivy', id: 'DS027', match: 'partial' },
    ],
    messages: { clean: '{{tool}} install runs without {{tool}} clean all in the same RUN.' },
    examples: { good: 'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n', bad: 'FROM fedora:40\nRUN dnf install -y nginx\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of finalImageRunSites(df)) {
      const installs = packageCommands(site, ['dnf', 'microdnf', 'tdnf'], ['install', 'groupinstall', 'reinstall']);
      if (installs.length === 0) continue;
      if (packageCommands(site, ['dnf', 'microdnf', 'tdnf'], ['clean']).length > 0 || removesPath(site, ['/var/cache/dnf', '/var/cache/yum', '/var/cache/tdnf'])) continue;
      if (hasCacheMount(site.ins, /\/var\/cache\/(dnf|yum|tdnf)/)) continue;
      ctx.report({ path: site.path, data: { tool: installs[0]!.cmd.name } });
    }
  },
});
