import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { imageMatchesPattern } from '../../_lib/image.js';
import { pulledImage, SERVICE_KINDS } from '../../_lib/compose.js';

export const optionsSchema = z.object({ allowedRegistries: z.array(z.string()).default([]) });
export type Options = z.output<typeof optionsSchema>;

export default defineCheck<Options>({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0024',
    slug: 'compose-image-registry-not-allowed',
    title: 'Service image comes from a registry that is not allowed',
    severity: 'high',
    category: 'images',
    kinds: [...SERVICE_KINDS],
    defaultEnabled: false,
    description:
      'A service pulls an image from a location not listed in the `allowedRegistries` option, matched exactly as PAL-K8S-0038 matches (a registry host such as `ghcr.io`, or host plus repository prefix such as `ghcr.io/acme/`, whole path segments, `*` within a segment, `**` across; no registry means `docker.io`, official images under `docker.io/library/`). Services with a `build` section and images whose registry or repository comes from a variable unset where the scan runs are not judged. With an empty list (the default) nothing is reported, so it is off by default. The examples assume `allowedRegistries: ["ghcr.io/acme/", "docker.io/library"]`.',
    rationale:
      'Images from arbitrary registries bypass the controls an organisation puts on its own: vulnerability scanning, signing, provenance and retention. A typo-squatted or compromised public image runs with the service\'s mounts, network and secrets.',
    remediation: `Pull the image through the organisation's registry or mirror.

\`\`\`yaml
services:
  app:
    image: ghcr.io/acme/app:1.4.2
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/docker-hub/image-access-management/'],
    peers: [],
    messages: { registry: 'Service "{{service}}" uses image "{{image}}" from {{location}}, which is not in allowedRegistries.' },
    examples: {
      good: `services:
  app:
    image: ghcr.io/acme/app:1.4.2
  db:
    image: postgres:16
`,
      bad: `services:
  app:
    image: quay.io/someone/app:1.0
`,
    },
  },
  options: optionsSchema,
  run(obj, ctx) {
    const allowed = ctx.options.allowedRegistries.filter((p) => p.trim() !== '');
    if (allowed.length === 0) return;
    const img = pulledImage(obj);
    if (!img) return;
    const results = allowed.map((p) => imageMatchesPattern(img.ref, p));
    if (results.includes(true) || results.includes(undefined)) return;
    ctx.report({ path: img.path, data: { service: obj.name, image: img.ref.raw, location: `${img.ref.registry}/${img.ref.repository}` } });
  },
});
