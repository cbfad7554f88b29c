import { defineCheck } from '../../define-check.js';
import { copySources, dockerfileOf, hasVariable, instructionsOf, isRemoteSource } from '../../_lib/dockerfile.js';

/** Names ADD may auto-extract: a local tar archive, possibly compressed. */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz|lzma)|gz|bz2|xz)$/i;

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0007',
    slug: 'add-instead-of-copy',
    title: 'ADD used for local files where COPY would do',
    severity: 'low',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      '`ADD` copies only local files or directories that are not archives, which is exactly what `COPY` does. ADD of remote URLs is add-remote-url (PAL-DOCKER-0006); ADD of a tar archive (extracted on purpose) and sources given as variables are not reported.',
    rationale:
      '`ADD` has side effects `COPY` does not: it unpacks anything that looks like a tar archive and fetches URLs. Using it for plain files invites surprises (an archive unpacked into the image) and hides the intent.',
    remediation: `Use COPY for local files and directories.

\`\`\`dockerfile
COPY requirements.txt /app/
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#add-or-copy', 'https://github.com/hadolint/hadolint/wiki/DL3020', 'https://avd.aquasec.com/misconfig/ds005'],
    peers: [
      { tool: 'hadolint', id: 'DL3020', match: 'same' },
      { tool: 'trivy', id: 'DS005', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_4', match: 'partial' },
    ],
    messages: { add: 'ADD copies local files only; use COPY.' },
    examples: { good: 'FROM alpine:3.20\nCOPY app.conf /etc/app.conf\nADD rootfs.tar.xz /\n', bad: 'FROM alpine:3.20\nADD app.conf /etc/app.conf\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { ins, path } of instructionsOf(df, 'ADD')) {
      const sources = copySources(ins);
      if (sources.length === 0) continue;
      if (sources.some((s) => isRemoteSource(s.value) || ARCHIVE.test(s.value) || hasVariable(s.value) || /[*?[]/.test(s.value) && ARCHIVE.test(s.value.replace(/[*?]/g, '')))) continue;
      ctx.report({ path });
    }
  },
});
