import { defineCheck } from '../../define-check.js';
import { dockerfileOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0030',
    slug: 'duplicate-stage-name',
    title: 'Two stages share the same name',
    severity: 'medium',
    category: 'build',
    kinds: ['Dockerfile'],
    description: 'A `FROM … AS <name>` reuses the name of an earlier stage (names compare case-insensitively). Each later duplicate is reported.',
    rationale: 'BuildKit rejects duplicate stage names; older builders let the later stage win, so `COPY --from` and `--target` silently use a different stage than the reader expects.',
    remediation: `Give every stage a unique name.

\`\`\`dockerfile
FROM node:20 AS deps
FROM node:20 AS build
\`\`\``,
    references: ['https://docs.docker.com/reference/build-checks/duplicate-stage-name/', 'https://github.com/hadolint/hadolint/wiki/DL3024', 'https://avd.aquasec.com/misconfig/ds012'],
    peers: [
      { tool: 'hadolint', id: 'DL3024', match: 'same' },
      { tool: 'trivy', id: 'DS012', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_11', match: 'same' },
    ],
    messages: { duplicate: 'Stage name "{{name}}" is already used by stage {{first}} (line {{line}}).' },
    examples: { good: 'FROM node:20 AS deps\nFROM node:20 AS build\n', bad: 'FROM node:20 AS build\nFROM node:20 AS build\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    const seen = new Map<string, number>();
    for (const stage of df.stages) {
      if (stage.name === '') continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, stage.index);
        continue;
      }
      ctx.report({ path: ['stages', stage.index, 'name'], data: { name: stage.name, first, line: df.stages[first]!.from.line } });
    }
  },
});
