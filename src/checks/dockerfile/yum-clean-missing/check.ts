import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageRunSites, hasCacheMount, packageCommands, removesPath } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0016',
    slug: 'yum-clean-missing',
    title: 'yum install without yum clean all in the same RUN',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN of the final image runs `yum install` (also `groupinstall`, `localinstall`, `reinstall`) and neither `yum clean all` nor `rm -rf /var/cache/yum` follows in the same instruction. Build-only stages and RUNs with a cache mount on `/var/cache/yum` are not reported.',
    rationale: 'yum keeps metadata and downloaded RPMs in `/var/cache/yum`; left in a layer they bloat the image and cannot be removed by a later instruction.',
    remediation: `Clean up in the RUN that installs.

\`\`\`dockerfile
RUN yum install -y httpd && yum clean all
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3032', 'https://avd.aquasec.com/misconfig/ds015'],
    peers: [
      { tool: 'hadolint', id: 'DL3032', match: 'same' },
      { tool: 'trivy', id: 'DS015', match: 'same' },
    ],
    messages: { clean: 'yum install runs without yum clean all in the same RUN.' },
    examples: { good: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n', bad: 'FROM centos:7\nRUN yum install -y httpd\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of finalImageRunSites(df)) {
      if (packageCommands(site, ['yum'], ['install', 'groupinstall', 'localinstall', 'reinstall']).length === 0) continue;
      if (packageCommands(site, ['yum'], ['clean']).length > 0 || removesPath(site, ['/var/cache/yum']) || hasCacheMount(site.ins, /\/var\/cache\/yum/)) continue;
      ctx.report({ path: site.path });
    }
  },
});
