import { defineCheck } from '../../define-check.js';
import { pulledImage, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0022',
    slug: 'compose-image-latest-tag',
    title: 'Service image uses the latest tag or no tag',
    severity: 'medium',
    category: 'images',
    kinds: [...SERVICE_KINDS],
    description:
      'A service pulls an image tagged `:latest`, or naming neither a tag nor a digest (`nginx`, `localhost:5000/app`), which means `:latest`. A digest (`name@sha256:…`, also `name:latest@sha256:…`) passes. Services with a `build` section are skipped (their `image` names what compose builds), and so are images whose tag comes from a variable unset where the scan runs (`app:${TAG}`). Image parsing is shared with PAL-K8S-0034/PAL-K8S-0035.',
    rationale:
      '`latest` is a moving pointer: two hosts run different code from the same compose file, `docker compose pull` silently upgrades across major versions, a rollback re-pulls whatever `latest` is now, and nobody can tell which version (and which vulnerabilities) is running.',
    remediation: `Pin a specific version tag (and, better, its digest).

\`\`\`yaml
services:
  web:
    image: nginx:1.27.2
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
    peers: [],
    messages: {
      latest: 'Service "{{service}}" uses image "{{image}}" with the latest tag.',
      missing: 'Service "{{service}}" uses image "{{image}}" without a tag (that is :latest).',
    },
    examples: {
      good: `services:
  web:
    image: nginx:1.27
`,
      bad: `services:
  web:
    image: nginx:latest
`,
    },
  },
  run(obj, ctx) {
    const img = pulledImage(obj);
    if (!img || img.ref.unknown.tag || img.ref.digest !== undefined) return;
    if (img.ref.tag === 'latest') ctx.report({ path: img.path, messageId: 'latest', data: { service: obj.name, image: img.ref.raw } });
    else if (img.ref.tag === undefined) ctx.report({ path: img.path, messageId: 'missing', data: { service: obj.name, image: img.ref.raw } });
  },
});
