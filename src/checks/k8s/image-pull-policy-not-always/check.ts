import { defineCheck } from '../../define-check.js';
import { parseImage } from '../../_lib/image.js';
import { setFix } from '../../_lib/fix.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0037',
    slug: 'image-pull-policy-not-always',
    title: 'Image pull policy is not Always for an image not pinned by digest',
    severity: 'low',
    category: 'images',
    kinds: [...POD_KINDS],
    description:
      'A container whose image is not pinned by digest has an effective `imagePullPolicy` other than `Always`: either set explicitly to `IfNotPresent` or `Never`, or left unset while the image has a tag other than `latest` (Kubernetes then defaults to `IfNotPresent`; an untagged or `:latest` image defaults to `Always`). Digest-pinned images pass whatever the policy, since a cached copy is the same image. Images whose tag is an unrendered placeholder are judged only on an explicit policy.',
    rationale:
      'With `IfNotPresent` a node reuses whatever image it cached under that tag: a re-pushed tag (a security rebuild, or a malicious one) runs on some nodes and not others, and the registry\'s credentials are never checked again, so a pod in another namespace can use a private image another team pulled onto the node. `Always` revalidates the tag and the pull secret on each start (it is cheap: only changed layers are downloaded).',
    remediation: `Set \`imagePullPolicy: Always\`, or pin the image by digest.

\`\`\`yaml
containers:
  - name: web
    image: nginx:1.27.3
    imagePullPolicy: Always
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
    ],
    standards: {},
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_15', match: 'partial' },
      { tool: 'polaris', id: 'pullPolicyNotAlways', match: 'partial' },
    ],
    messages: {
      explicit: 'Container "{{container}}" sets imagePullPolicy: {{policy}} for image "{{image}}", which is not pinned by digest.',
      defaulted: 'Container "{{container}}" leaves imagePullPolicy unset, so it defaults to IfNotPresent for image "{{image}}" (tag {{tag}}).',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      imagePullPolicy: Always
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      imagePullPolicy: IfNotPresent
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const img = parseImage(c.container.image);
      if (!img || img.digest !== undefined || img.unknown.digest) continue;
      const policy = c.container.imagePullPolicy;
      const path = [...c.path, 'imagePullPolicy'];
      if (policy === 'Always') continue;
      const fix = setFix(obj.value, path, 'Always', `set imagePullPolicy: Always in container "${c.name}"`);
      if (policy === undefined || policy === null || policy === '') {
        // The API server defaults to Always for `:latest` and untagged images, IfNotPresent otherwise.
        if (img.unknown.tag || img.tag === undefined || img.tag === 'latest') continue;
        ctx.report({ path, messageId: 'defaulted', data: { container: c.name, image: img.raw, tag: img.tag }, fix });
      } else {
        ctx.report({ path, messageId: 'explicit', data: { container: c.name, image: img.raw, policy: String(policy) }, fix });
      }
    }
  },
});
