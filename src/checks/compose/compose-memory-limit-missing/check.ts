import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { SERVICE_KINDS } from '../../_lib/compose.js';

/** A memory size compose accepts as a limit: a positive number of bytes or `512m`, `1g`, `1.5gb`, … (0 and -1 mean none). */
function isLimit(v: unknown): boolean {
  if (typeof v === 'number') return v > 0;
  if (typeof v !== 'string') return false;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmg]b?)?$/i.exec(v.trim());
  return m !== null && Number(m[1]) > 0;
}

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0025',
    slug: 'compose-memory-limit-missing',
    title: 'Service has no memory limit',
    severity: 'low',
    category: 'resources',
    kinds: [...SERVICE_KINDS],
    description:
      'A service sets neither `mem_limit` nor `deploy.resources.limits.memory` to a positive size (`0` and `-1` mean no limit). Reported at `deploy.resources.limits` (or the nearest part of it) when that exists, else at the service.',
    rationale:
      'Without a limit one leaking or attacked container can take all of the host\'s memory, and the kernel\'s OOM killer then picks victims among every container and the Docker daemon itself. A limit keeps the damage inside the service. Same concept as PAL-K8S-0069; rated low because compose often runs on single-purpose hosts.',
    remediation: `Set a memory limit that fits the service.

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    deploy:
      resources:
        limits:
          memory: 512M
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources', 'https://docs.docker.com/engine/containers/resource_constraints/#memory'],
    peers: [],
    messages: { missing: 'Service "{{service}}" has no memory limit.' },
    examples: {
      good: `services:
  app:
    image: nginx:1.27
    mem_limit: 256m
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
    if (isLimit(v.mem_limit) || isLimit(limits?.memory)) return;
    const path = limits ? ['deploy', 'resources', 'limits'] : resources ? ['deploy', 'resources'] : deploy ? ['deploy'] : v.mem_limit !== undefined ? ['mem_limit'] : [];
    ctx.report({ path, data: { service: obj.name } });
  },
});
