import { defineCheck } from '../../define-check.js';
import { dockerfileOf, packageCommands, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0037',
    slug: 'update-without-install',
    title: 'Package index update in a RUN without an install',
    severity: 'medium',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      'A RUN updates the package index (`apt-get update`, `apt update`, `apk update`, `zypper refresh`, `dnf`/`yum makecache`) but installs nothing in the same instruction, so a later RUN installs from whatever index the build cache kept.',
    rationale:
      'The build cache reuses the update layer for as long as its line does not change: months later, the install step still reads the old index, installs outdated packages with known vulnerabilities or fails on versions the mirror no longer has.',
    remediation: `Update and install in the same RUN.

\`\`\`dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://avd.aquasec.com/misconfig/ds017'],
    peers: [
      { tool: 'trivy', id: 'DS017', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_5', match: 'same' },
    ],
    messages: { alone: '{{tool}} updates the package index without installing anything in the same RUN.' },
    examples: { good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const updates = [
        ...packageCommands(site, ['apt-get', 'apt', 'apk'], ['update']),
        ...packageCommands(site, ['zypper'], ['refresh', 'ref']),
        ...packageCommands(site, ['yum', 'dnf', 'tdnf'], ['makecache']),
      ];
      if (updates.length === 0) continue;
      const installs = [
        ...packageCommands(site, ['apt-get', 'apt'], ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download']),
        ...packageCommands(site, ['apk'], ['add', 'upgrade', 'fix']),
        ...packageCommands(site, ['zypper'], ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch']),
        ...packageCommands(site, ['yum', 'dnf', 'tdnf'], ['install', 'update', 'upgrade', 'groupinstall']),
      ];
      // Anything else run after the update may install through a script (`./install-deps.sh`, `pecl`, …): only a RUN that does nothing more is judged.
      const others = site.commands.filter((c) => c.name !== '' && !['set', 'echo', 'true', 'apt-get', 'apt', 'apk', 'zypper', 'yum', 'dnf', 'tdnf', 'rm', 'mkdir', 'ln'].includes(c.name));
      if (installs.length > 0 || others.length > 0) continue;
      ctx.report({ path: site.path, data: { tool: updates[0]!.cmd.name } });
    }
  },
});
