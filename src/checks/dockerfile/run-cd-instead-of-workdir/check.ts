import { defineCheck } from '../../define-check.js';
import { dockerfileOf, runSites } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0027',
    slug: 'run-cd-instead-of-workdir',
    title: 'RUN changes directory with cd instead of WORKDIR',
    severity: 'info',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'A RUN instruction calls `cd` outside a subshell. `(cd dir && make)` and `cd` inside `$( … )` are not reported, since they say the change is local.',
    rationale: 'Each RUN starts again in the WORKDIR, so a `cd` silently applies to the rest of that one line only; WORKDIR states the directory for every following instruction and is easier to review.',
    remediation: `Set the directory with WORKDIR, or scope the cd to a subshell.

\`\`\`dockerfile
WORKDIR /usr/src/app
RUN make install
\`\`\``,
    references: ['https://docs.docker.com/build/building/best-practices/#workdir', 'https://github.com/hadolint/hadolint/wiki/DL3003', 'https://avd.aquasec.com/misconfig/ds013'],
    peers: [
      { tool: 'hadolint', id: 'DL3003', match: 'same' },
      { tool: 'trivy', id: 'DS013', match: 'partial' },
    ],
    messages: { cd: 'RUN uses "cd {{dir}}"; use WORKDIR to change directory.' },
    examples: { good: 'FROM golang:1.22\nWORKDIR /src\nRUN go build ./...\n', bad: 'FROM golang:1.22\nRUN cd /src && go build ./...\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const site of runSites(df)) {
      const cd = site.commands.find((c) => c.name === 'cd' && !c.subshell);
      if (cd) ctx.report({ path: site.path, data: { dir: (cd.args[0] ?? '~').slice(0, 120) } });
    }
  },
});
