import { defineCheck } from '../../define-check.js';
import { parseImage } from '../../_lib/image.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0035',
    slug: 'image-tag-missing',
    title: 'Container image has neither a tag nor a digest',
    severity: 'medium',
    category: 'images',
    kinds: [...POD_KINDS],
    description:
      'A container image names no tag and no digest (`nginx`, `localhost:5000/app`), which means `:latest`. A registry port is not mistaken for a tag. Images whose end is an unrendered placeholder (`${IMAGE}`, `{{ .Values.image }}`) are not judged.',
    rationale:
      'An untagged image is an implicit `:latest`: what runs depends on when each node pulled it, rollbacks do not restore the old code, and the manifest does not say which version is deployed. It is also easy to miss in review because nothing on the line says "latest".',
    remediation: `Add an explicit version tag, or pin the image by digest.

\`\`\`yaml
containers:
  - name: web
    image: nginx:1.27.3   # or pin the digest: nginx:1.27.3@sha256:<digest>
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
      'https://avd.aquasec.com/misconfig/ksv013',
    ],
    standards: {},
    peers: [
      { tool: 'trivy', id: 'KSV013', match: 'partial' },
      { tool: 'checkov', id: 'CKV_K8S_14', match: 'partial' },
      { tool: 'kube-linter', id: 'latest-tag', match: 'partial' },
      { tool: 'polaris', id: 'tagNotSpecified', match: 'partial' },
    ],
    messages: { missing: 'Container "{{container}}" uses image "{{image}}" without a tag or digest, which means latest.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const img = parseImage(c.container.image);
      if (!img || img.unknown.tag || img.tag !== undefined || img.digest !== undefined) continue;
      ctx.report({ path: [...c.path, 'image'], data: { container: c.name, image: img.raw } });
    }
  },
});
