import { defineCheck } from '../../define-check.js';
import { parseImage } from '../../_lib/image.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0036',
    slug: 'image-digest-missing',
    title: 'Container image is not pinned by digest',
    severity: 'low',
    category: 'images',
    kinds: [...POD_KINDS],
    description:
      'A container image has no `@sha256:…` digest, so it is identified only by a tag. Images whose end is an unrendered placeholder (`app:${TAG}`, `{{ .Values.image }}`) are not judged, since the rendered value may carry a digest.',
    rationale:
      'Tags are mutable: whoever can push to the repository (or compromise it) can move a tag to different content, and nodes will run it on their next pull. A digest names exactly one image, so what was reviewed and scanned is what runs.',
    remediation: `Reference the image by digest (keeping the tag is fine for readability; the digest wins). Tools such as Renovate or \`crane digest\` keep digests current.

\`\`\`yaml
containers:
  - name: web
    image: nginx:1.27.3@sha256:<digest>
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
    ],
    standards: {},
    peers: [{ tool: 'checkov', id: 'CKV_K8S_43', match: 'same' }],
    messages: { noDigest: 'Container "{{container}}" uses image "{{image}}" without a digest.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
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
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const img = parseImage(c.container.image);
      if (!img || img.unknown.digest || img.digest !== undefined) continue;
      ctx.report({ path: [...c.path, 'image'], data: { container: c.name, image: img.raw } });
    }
  },
});
