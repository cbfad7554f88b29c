import { defineCheck } from '../../define-check.js';
import { dockerfileOf, exposedPorts, instructionsOf } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0021',
    slug: 'expose-port-out-of-range',
    title: 'EXPOSE names a port outside 0–65535',
    severity: 'medium',
    category: 'network',
    kinds: ['Dockerfile'],
    description: 'An `EXPOSE` argument (or either end of a range) is a number above 65535, or a range runs backwards (`9000-8000`). Ports given as variables are not judged.',
    rationale: 'TCP and UDP ports are 16-bit numbers: such a port cannot be published, and it usually hides a typo in the port the application listens on.',
    remediation: `Expose the port the application actually listens on.

\`\`\`dockerfile
EXPOSE 8080
\`\`\``,
    references: ['https://github.com/hadolint/hadolint/wiki/DL3011', 'https://avd.aquasec.com/misconfig/ds008'],
    peers: [
      { tool: 'hadolint', id: 'DL3011', match: 'same' },
      { tool: 'trivy', id: 'DS008', match: 'same' },
    ],
    messages: { range: 'EXPOSE {{port}} is not a valid port (0–65535).' },
    examples: { good: 'FROM nginx:1.27\nEXPOSE 8080\n', bad: 'FROM nginx:1.27\nEXPOSE 80800\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const { ins, path } of instructionsOf(df, 'EXPOSE')) {
      ins.arguments.forEach((arg, k) => {
        const p = exposedPorts(arg);
        if (p && (p.from > 65535 || p.to > 65535 || p.to < p.from)) ctx.report({ path: [...path, 'arguments', k], data: { port: arg } });
      });
    }
  },
});
