import { defineCheck } from '../../define-check.js';
import { parseImage } from '../../_lib/image.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

const LEGACY_GCR_REPOSITORY = /^google[_-]containers\/(.+)$/;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0039',
    slug: 'deprecated-image-registry',
    title: 'Container image comes from the frozen k8s.gcr.io registry',
    severity: 'low',
    category: 'images',
    kinds: [...POD_KINDS],
    description:
      'A container image is pulled from `k8s.gcr.io` or from `gcr.io/google_containers` / `gcr.io/google-containers`, the legacy homes of Kubernetes project images. They were frozen in April 2023 and replaced by `registry.k8s.io`.',
    rationale:
      'A frozen registry receives no new images: no patched releases, no security fixes, so anything pinned there only ages. The old endpoint is being phased out (its traffic is redirected to registry.k8s.io, which already breaks strict egress allow-lists), so such a pull may eventually fail outright.',
    remediation: `Pull the same image from registry.k8s.io (check that the version exists there, and prefer a current release).

\`\`\`yaml
containers:
  - name: metrics-server
    image: registry.k8s.io/metrics-server/metrics-server:v0.7.2
\`\`\``,
    references: [
      'https://kubernetes.io/blog/2023/03/10/image-registry-redirect/',
      'https://www.kubernetes.dev/resources/keps/3720/',
    ],
    standards: {},
    peers: [],
    messages: {
      deprecated: 'Container "{{container}}" pulls "{{image}}" from {{registry}}, which is frozen and gets no new images; use registry.k8s.io/{{repository}}.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: pause
      image: registry.k8s.io/pause:3.10
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: pause
      image: k8s.gcr.io/pause:3.2
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const img = parseImage(c.container.image);
      if (!img || img.unknown.registry) continue;
      const path = [...c.path, 'image'];
      if (img.registry === 'k8s.gcr.io') {
        ctx.report({ path, data: { container: c.name, image: img.raw, registry: 'k8s.gcr.io', repository: img.repository } });
        continue;
      }
      const legacy = img.registry === 'gcr.io' && !img.unknown.repository ? LEGACY_GCR_REPOSITORY.exec(img.repository) : null;
      if (legacy) {
        const prefix = img.repository.slice(0, img.repository.indexOf('/'));
        ctx.report({ path, data: { container: c.name, image: img.raw, registry: `gcr.io/${prefix}`, repository: legacy[1]! } });
      }
    }
  },
});
