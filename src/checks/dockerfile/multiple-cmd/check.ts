import { defineCheck } from '../../define-check.js';
import { dockerfileOf, reportAllButLast } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0024',
    slug: 'multiple-cmd',
    title: 'A stage has more than one CMD',
    severity: 'low',
    category: 'best-practice',
    kinds: ['Dockerfile'],
    description: 'A stage contains several `CMD` instructions; only the last one takes effect. Each earlier one is reported.',
    rationale: 'The ignored commands suggest the container runs something it does not, which misleads reviewers and whoever debugs the image.',
    remediation: `Keep one CMD per stage; chain startup steps in an entrypoint script.

\`\`\`dockerfile
CMD ["gunicorn", "app:app"]
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#cmd', 'https://github.com/hadolint/hadolint/wiki/DL4003', 'https://avd.aquasec.com/misconfig/ds016'],
    peers: [
      { tool: 'hadolint', id: 'DL4003', match: 'same' },
      { tool: 'trivy', id: 'DS016', match: 'same' },
    ],
    messages: { ignored: 'This CMD is overridden by a later one in the same stage (line {{line}}).' },
    examples: { good: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', bad: 'FROM python:3.12-slim\nCMD ["python", "migrate.py"]\nCMD ["python", "app.py"]\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (df) reportAllButLast(df, 'CMD', ctx);
  },
});
