import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { imageMatchesPattern, parseImage } from '../../_lib/image.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export const optionsSchema = z.object({ allowedRegistries: z.array(z.string()).default([]) });
export type Options = z.output<typeof optionsSchema>;

export default defineCheck<Options>({
  meta: {
    id: 'PAL-K8S-0038',
    slug: 'image-registry-not-allowed',
    title: 'Container image comes from a registry that is not allowed',
    severity: 'high',
    category: 'images',
    kinds: [...POD_KINDS],
    defaultEnabled: false,
    description:
      'A container image does not come from any location listed in the `allowedRegistries` option. An entry is a registry host (`ghcr.io`, `localhost:5000`, `*.dkr.ecr.eu-west-1.amazonaws.com`) or a host plus repository prefix (`ghcr.io/acme/`), matched on whole path segments; `*` matches within a segment and `**` across segments. An image that names no registry is on `docker.io` (official images under `docker.io/library/`; a one-segment entry such as `docker.io/nginx` also allows the official `nginx`). Images whose registry or repository is an unrendered placeholder are not judged. With an empty list (the default) the check reports nothing, so it is off by default. The examples assume `allowedRegistries: ["ghcr.io/acme/", "registry.k8s.io"]`.',
    rationale:
      'Images from arbitrary registries bypass the controls an organisation puts on its own: vulnerability scanning, signing, provenance and retention. A typo-squatted or compromised public image runs with the workload\'s service account and network access. Restricting sources to a mirror or an internal registry makes every image go through those controls.',
    remediation: `Pull the image through an allowed registry (mirror it if needed), or add its registry to \`allowedRegistries\` in .palisade.yaml after review.

\`\`\`yaml
containers:
  - name: web
    image: ghcr.io/acme/web:1.4.2
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
      'https://avd.aquasec.com/misconfig/ksv0125',
    ],
    standards: { nsa: 'Use trusted container images from approved repositories' },
    peers: [{ tool: 'trivy', id: 'KSV0125', match: 'partial' }],
    messages: { notAllowed: 'Container "{{container}}" uses image "{{image}}" from {{location}}, which is not in allowedRegistries.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: ghcr.io/acme/api:1.4.2
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  options: optionsSchema,
  run(obj, ctx) {
    const allowed = ctx.options.allowedRegistries.filter((p) => p.trim() !== '');
    if (allowed.length === 0) return;
    for (const c of containers(obj)) {
      const img = parseImage(c.container.image);
      if (!img) continue;
      const results = allowed.map((p) => imageMatchesPattern(img, p));
      if (results.includes(true) || results.includes(undefined)) continue;
      ctx.report({ path: [...c.path, 'image'], data: { container: c.name, image: img.raw, location: `${img.registry}/${img.repository}` } });
    }
  },
});
