import { defineCheck } from '../../define-check.js';
import { dockerfileOf, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0028',
    slug: 'copy-multiple-sources-dest-not-dir',
    title: 'COPY with several sources to a destination not ending in /',
    severity: 'medium',
    category: 'build',
    kinds: ['Dockerfile'],
    description: 'A `COPY` (or `ADD`) has more than one source and its destination does not end with `/` (or `\\`). Destinations given as variables are not judged.',
    rationale: 'With several sources the destination must be a directory; without the trailing slash the build fails, or — when one source is a glob that matches a single file — the file is written under the directory\'s name.',
    remediation: `End the destination with a slash.

\`\`\`dockerfile
COPY package.json package-lock.json /app/
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#destination', 'https://github.com/hadolint/hadolint/wiki/DL3021', 'https://avd.aquasec.com/misconfig/ds011'],
    peers: [
      { tool: 'hadolint', id: 'DL3021', match: 'same' },
      { tool: 'trivy', id: 'DS011', match: 'same' },
    ],
    messages: { dest: '{{keyword}} copies {{count}} sources to "{{dest}}", which does not end with /.' },
    examples: { good: 'FROM node:20-alpine\nCOPY package.json package-lock.json /app/\n', bad: 'FROM node:20-alpine\nCOPY package.json package-lock.json /app\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { ins, path } of instructionsOf(df, 'COPY', 'ADD')) {
      if ((ins.heredocs?.length ?? 0) > 0 || ins.arguments.length < 3) continue;
      const dest = ins.arguments[ins.arguments.length - 1]!;
      if (dest.endsWith('/') || dest.endsWith('\\') || dest.includes('$')) continue;
      ctx.report({ path: [...path, 'arguments', ins.arguments.length - 1], data: { keyword: ins.keyword, count: ins.arguments.length - 1, dest: dest.slice(0, 120) } });
    }
  },
});
