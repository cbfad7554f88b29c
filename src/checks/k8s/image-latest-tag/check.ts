import { defineCheck } from '../../define-check.js';
import { parseImage } from '../../_lib/image.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0034',
    slug: 'image-latest-tag',
    title: 'Container image uses the latest tag',
    severity: 'medium',
    category: 'images',
    kinds: [...POD_KINDS],
    description:
      'A container image is tagged `:latest` and not pinned by digest. `name:latest@sha256:…` passes: the digest decides what runs. An image without any tag is left to image-tag-missing (PAL-K8S-0035); tags hidden behind unrendered placeholders (`${TAG}`, `{{ .Values.image.tag }}`) are not judged.',
    rationale:
      '`latest` is a moving pointer: two nodes can run different code under the same manifest, a rollback re-pulls whatever `latest` is now, and nobody can tell from the manifest which version (and which vulnerabilities) is deployed.',
    remediation: `Pin the image to an immutable version tag, or better to a digest.

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
    messages: { latest: 'Container "{{container}}" uses image "{{image}}" with the mutable latest tag.' },
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
      image: nginx:latest
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const img = parseImage(c.container.image);
      if (!img || img.unknown.tag || img.tag !== 'latest' || img.digest !== undefined) continue;
      ctx.report({ path: [...c.path, 'image'], data: { container: c.name, image: img.raw } });
    }
  },
});
