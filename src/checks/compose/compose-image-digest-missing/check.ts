import { defineCheck } from '../../define-check.js';
import { pulledImage, SERVICE_KINDS } from '../../_lib/compose.js';

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0023',
    slug: 'compose-image-digest-missing',
    title: 'Service image is not pinned by digest',
    severity: 'low',
    category: 'images',
    kinds: [...SERVICE_KINDS],
    defaultEnabled: false,
    description:
      'A service pulls an image without an `@sha256:…` digest. Off by default (enable it where images must be reproducible). Services with a `build` section, and images whose end comes from a variable unset where the scan runs (`app:${TAG}`, which may carry a digest), are not judged. Same concept as PAL-K8S-0036.',
    rationale:
      'Tags are mutable: whoever can push to the repository (or compromise it) can move a tag to different content, and the next `docker compose pull` runs it. A digest names exactly one image, so what was reviewed and scanned is what runs.',
    remediation: `Pin the image by digest (keep the tag for readers; the digest decides).

\`\`\`yaml
services:
  web:
    image: nginx:1.27@sha256:0b2f1ee4c2b1b3c4e1c76a1bc3e1b3a45d4d8c1e0a1b3c4d5e6f7a8b9c0d1e2f
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/dhi/core-concepts/digests/'],
    peers: [],
    messages: { digest: 'Service "{{service}}" uses image "{{image}}" without a digest.' },
    examples: {
      good: `services:
  web:
    image: nginx:1.27@sha256:0b2f1ee4c2b1b3c4e1c76a1bc3e1b3a45d4d8c1e0a1b3c4d5e6f7a8b9c0d1e2f
`,
      bad: `services:
  web:
    image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const img = pulledImage(obj);
    if (!img || img.ref.unknown.digest || img.ref.digest !== undefined) return;
    ctx.report({ path: img.path, data: { service: obj.name, image: img.ref.raw } });
  },
});
