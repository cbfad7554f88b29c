import { defineCheck } from '../../define-check.js';
import { dockerfileOf, hasOption, packageManager, runSites, type ShellCommand } from '../../_lib/dockerfile.js';

/** What in this command installs packages without checking their signatures, or undefined. */
function unsigned(c: ShellCommand): string | undefined {
  const pm = packageManager(c);
  if (pm && (pm.tool === 'apt-get' || pm.tool === 'apt')) {
    if (hasOption(pm.args, [], ['allow-unauthenticated', 'force-yes', 'allow-insecure-repositories'])) return `${pm.tool} --allow-unauthenticated/--force-yes`;
    if (pm.args.some((a) => /AllowUnauthenticated=(true|1|yes)|AllowInsecureRepositories=(true|1|yes)/i.test(a))) return `${pm.tool} -o AllowUnauthenticated`;
  }
  if (pm?.tool === 'apk' && hasOption(pm.args, [], ['allow-untrusted'])) return 'apk --allow-untrusted';
  if (pm && ['yum', 'dnf', 'microdnf', 'tdnf'].includes(pm.tool)) {
    if (hasOption(pm.args, [], ['nogpgcheck']) || pm.args.some((a, i) => /^(--setopt=)?gpgcheck=(0|false|no)$/i.test(a) || (a === '--setopt' && /^gpgcheck=(0|false|no)$/i.test(pm.args[i + 1] ?? '')))) return `${pm.tool} --nogpgcheck`;
  }
  if (c.name === 'rpm' && hasOption(c.args, [], ['nosignature', 'nodigest', 'noverify', 'nofiledigest'])) return 'rpm --nosignature';
  return undefined;
}

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0042',
    slug: 'package-signature-check-disabled',
    title: 'Package manager installs without verifying signatures',
    severity: 'high',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN installs packages with signature checks off: `apt-get --allow-unauthenticated` / `--force-yes` / `-o APT::Get::AllowUnauthenticated=true`, `apk add --allow-untrusted`, `yum`/`dnf --nogpgcheck` (or `--setopt=gpgcheck=0`), `rpm --nosignature` / `--nodigest` / `--noverify`. Every stage is checked.',
    rationale: 'Package signatures are what ties a package to its distribution; without them a mirror, proxy or attacker on the path can install anything as root in the image.',
    remediation: `Import the repository's signing key and keep verification on.

\`\`\`dockerfile
RUN rpm --import https://packages.example.com/RPM-GPG-KEY && dnf install -y example-tool && dnf clean all
\`\`\``,
    references: ['https://manpages.debian.org/bookworm/apt/apt-get.8.en.html', 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
    peers: [
      { tool: 'checkov', id: 'CKV2_DOCKER_7', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_8', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_9', match: 'partial' },
      { tool: 'checkov', id: 'CKV2_DOCKER_10', match: 'partial' },
    ],
    messages: { unsigned: 'RUN installs packages without signature verification ({{what}}).' },
    examples: { good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', bad: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/tool.apk\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      for (const c of site.commands) {
        const what = unsigned(c);
        if (what) {
          ctx.report({ path: site.path, data: { what } });
          break;
        }
      }
    }
  },
});
