import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { SERVICE_KINDS } from '../../_lib/compose.js';

function isLimit(v: unknown): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return n > 0;
}

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0026',
    slug: 'compose-pids-limit-missing',
    title: 'Service has no process (PID) limit',
    severity: 'low',
    category: 'resources',
    kinds: [...SERVICE_KINDS],
    defaultEnabled: false,
    description:
      'A service sets neither `pids_limit` nor `deploy.resources.limits.pids` to a positive number (`0` and `-1` mean unlimited). Off by default: enable it for hosts shared between teams or exposed services.',
    rationale:
      'Without a PID limit a fork bomb, or a bug that spawns processes in a loop, in one container exhausts the host\'s process table and takes every other container and the host down with it.',
    remediation: `Set a PID limit well above what the service needs.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    pids_limit: 200
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#pids_limit', 'https://docs.docker.com/reference/cli/docker/container/run/#pids-limit'],
    peers: [],
    messages: { missing: 'Service "{{service}}" has no PID limit.' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    pids_limit: 100
`,
      bad: `services:
  app:
    image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const deploy = isRecord(v.deploy) ? v.deploy : undefined;
    const resources = deploy && isRecord(deploy.resources) ? deploy.resources : undefined;
    const limits = resources && isRecord(resources.limits) ? resources.limits : undefined;
    if (isLimit(v.pids_limit) || isLimit(limits?.pids)) return;
    ctx.report({ path: v.pids_limit !== undefined ? ['pids_limit'] : limits?.pids !== undefined ? ['deploy', 'resources', 'limits', 'pids'] : [], data: { service: obj.name } });
  },
});
