import { defineCheck } from '../../define-check.js';
import { dockerfileOf, exposedPorts, finalImageStages, stageInstructions } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0020',
    slug: 'expose-ssh-port',
    title: 'Image exposes the SSH port 22',
    severity: 'medium',
    category: 'network',
    kinds: ['Dockerfile'],
    description: 'An `EXPOSE` of the final image (or of a stage it is built on) includes TCP port 22, directly or in a range (`20-30`).',
    rationale:
      'SSH inside a container means a long-lived credential, a daemon with root privileges and a way in that bypasses the orchestrator\'s audit trail. `docker exec` / `kubectl exec` give access to a container without any of that.',
    remediation: `Remove the SSH server and its port; use docker exec or kubectl exec for access.

\`\`\`dockerfile
EXPOSE 8080
\`\`\``,
    references: ['https://avd.aquasec.com/misconfig/ds004', 'https://docs.docker.com/reference/dockerfile/#expose'],
    peers: [
      { tool: 'trivy', id: 'DS004', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_1', match: 'same' },
    ],
    messages: { ssh: 'EXPOSE {{port}} opens the SSH port 22.' },
    examples: { good: 'FROM nginx:1.27\nEXPOSE 80 443\n', bad: 'FROM ubuntu:24.04\nEXPOSE 22 8080\n' },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df) return;
    for (const stage of finalImageStages(df)) {
      for (const { ins, path } of stageInstructions(stage, 'EXPOSE')) {
        ins.arguments.forEach((arg, k) => {
          const p = exposedPorts(arg);
          if (p && p.protocol === 'tcp' && p.from <= 22 && 22 <= p.to) ctx.report({ path: [...path, 'arguments', k], data: { port: arg } });
        });
      }
    }
  },
});
