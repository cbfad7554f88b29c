import { defineCheck } from '../../define-check.js';
import { dockerfileOf, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0026',
    slug: 'workdir-relative',
    title: 'WORKDIR is a relative path',
    severity: 'low',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'A `WORKDIR` is not an absolute path (`/app`, or `C:\\app` on Windows). Paths starting with a variable (`$HOME/app`) are not judged.',
    rationale: 'A relative WORKDIR is resolved against whatever the previous WORKDIR was — possibly one set by the base image, which can change under you — so files land in unexpected places.',
    remediation: `Use an absolute path.

\`\`\`dockerfile
WORKDIR /usr/src/app
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#workdir', 'https://github.com/hadolint/hadolint/wiki/DL3000', 'https://avd.aquasec.com/misconfig/ds009'],
    peers: [
      { tool: 'hadolint', id: 'DL3000', match: 'same' },
      { tool: 'trivy', id: 'DS009', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_10', match: 'same' },
    ],
    messages: { relative: 'WORKDIR {{dir}} is relative; use an absolute path.' },
    examples: { good: 'FROM node:20-alpine\nWORKDIR /app\n', bad: 'FROM node:20-alpine\nWORKDIR app\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { ins, path } of instructionsOf(df, 'WORKDIR')) {
      const dir = ins.text.trim().replace(/^(["'])(.*)\1$/, '$2');
      if (dir === '' || dir.startsWith('/') || dir.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dir) || dir.startsWith('\\')) continue;
      ctx.report({ path, data: { dir: dir.slice(0, 120) } });
    }
  },
});
