import { defineCheck } from '../../define-check.js';
import { copySources, dockerfileOf, instructionsOf, isRemoteSource } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0006',
    slug: 'add-remote-url',
    title: 'ADD downloads a remote URL without a checksum',
    severity: 'medium',
    category: 'build',
    kinds: ['Dockerfile'],
    description:
      '`ADD` fetches an `http(s)://`, `ftp://` or git source at build time and the instruction has no `--checksum=sha256:…` flag, so whatever the server returns goes into the image unverified.',
    rationale:
      'A remote file is only as trustworthy as the server and the network path on the day of the build: a compromised host, a moved release or a man-in-the-middle changes the image without any change to the Dockerfile. `ADD` also keeps no record of what was downloaded.',
    remediation: `Pin the download with \`--checksum\` (BuildKit), or download and verify it in a RUN step.

\`\`\`dockerfile
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\
    https://example.com/tool-1.2.3.tar.gz /tmp/tool.tar.gz
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#add---checksum', 'https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    peers: [{ tool: 'checkov', id: 'CKV_DOCKER_4', match: 'partial' }],
    messages: { remote: 'ADD downloads "{{url}}" without --checksum: the content is not verified.' },
    examples: {
      good: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /tmp/\n',
      bad: 'FROM alpine:3.20\nADD https://example.com/install.sh /tmp/install.sh\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { ins, path } of instructionsOf(df, 'ADD')) {
      if ('checksum' in ins.flags) continue;
      for (const src of copySources(ins)) {
        if (isRemoteSource(src.value)) ctx.report({ path: [...path, 'arguments', src.index], data: { url: src.value.slice(0, 200) } });
      }
    }
  },
});
