import { defineCheck } from '../../define-check.js';
import { dockerfileOf, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0029',
    slug: 'copy-from-own-stage',
    title: 'COPY --from refers to the stage it is in',
    severity: 'medium',
    category: 'build',
    kinds: ['Dockerfile'],
    description: 'A `COPY --from=<name>` (or `--from=<index>`) names the stage the instruction belongs to. Stage names compare case-insensitively.',
    rationale: 'A stage cannot copy from itself: the build fails, or, with an image of the same name, silently copies from that image instead.',
    remediation: `Copy from the stage that produced the files.

\`\`\`dockerfile
FROM golang:1.22 AS build
RUN go build -o /out/app .
FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
\`\`\``,
    references: ['https://docs.docker.com/build/building/multi-stage/', 'https://github.com/hadolint/hadolint/wiki/DL3023', 'https://avd.aquasec.com/misconfig/ds006'],
    peers: [
      { tool: 'hadolint', id: 'DL3023', match: 'same' },
      { tool: 'trivy', id: 'DS006', match: 'same' },
    ],
    messages: { self: 'COPY --from={{from}} refers to its own stage.' },
    examples: { good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n', bad: 'FROM golang:1.22 AS build\nCOPY --from=build /app /app\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { stage, ins, path } of instructionsOf(df, 'COPY')) {
      const from = ins.flags.from;
      if (from === undefined) continue;
      const self = (stage.name !== '' && from.toLowerCase() === stage.name.toLowerCase()) || from === String(stage.index);
      if (self) ctx.report({ path: [...path, 'flags', 'from'], data: { from } });
    }
  },
});
