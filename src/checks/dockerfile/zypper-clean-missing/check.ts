import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageRunSites, hasCacheMount, packageCommands, removesPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0018',
    slug: 'zypper-clean-missing',
    title: 'zypper install without zypper clean in the same RUN',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN of the final image runs `zypper install` (`in`) and neither `zypper clean` (`cc`) nor `rm -rf /var/cache/zypp` follows in the same instruction. Build-only stages and cache mounts are not reported.',
    rationale: 'zypper keeps repository metadata and packages in `/var/cache/zypp`; left in a layer they bloat the image.',
    remediation: `Clean up in the RUN that installs.

\`\`\`dockerfile
RUN zypper --non-interactive install curl && zypper clean --all
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3036', 'https://avd.aquasec.com/misconfig/ds020'],
    peers: [
      { tool: 'hadolint', id: 'DL3036', match: 'same' },
      { tool: 'trivy', id: 'DS020', match: 'same' },
    ],
    messages: { clean: 'zypper install runs without zypper clean in the same RUN.' },
    examples: { good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean -a\n', bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of finalImageRunSites(df)) {
      if (packageCommands(site, ['zypper'], ['install', 'in']).length === 0) continue;
      if (packageCommands(site, ['zypper'], ['clean', 'cc']).length > 0 || removesPath(site, ['/var/cache/zypp']) || hasCacheMount(site.ins, /\/var\/cache\/zypp/)) continue;
      ctx.report({ path: site.path });
    }
  },
});
