import { defineCheck } from '../../define-check.js';
import { volumes } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

/** Volume sources the restricted Pod Security Standard allows. */
export const RESTRICTED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0016',
    slug: 'restricted-volume-types',
    title: 'Pod uses a volume type outside the restricted set',
    severity: 'low',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A volume uses a source other than `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `persistentVolumeClaim`, `projected` or `secret`, for example `hostPath`, `nfs`, `iscsi`, `rbd`, `cephfs`, `gitRepo`, `awsElasticBlockStore` or `flexVolume`. Every such source is reported, `hostPath` included (`host-path-volume` reports it at baseline with a higher severity).',
    rationale:
      'Inline network and cloud volume sources let whoever writes the pod spec attach arbitrary storage with node-level credentials and drivers (the deprecated `gitRepo` even runs git on the node as root), bypassing the PersistentVolume admission and StorageClass controls cluster administrators use to govern storage. The restricted Pod Security Standard therefore limits pods to volume types that are either ephemeral or go through a PersistentVolumeClaim.',
    remediation: `Provision storage through a PersistentVolume and reference it with a \`persistentVolumeClaim\` (or a generic \`ephemeral\` volume); replace \`gitRepo\` with an init container that clones into an \`emptyDir\`.

\`\`\`yaml
spec:
  containers:
    - name: app
      image: example/app:1.0
      volumeMounts:
        - name: shared
          mountPath: /shared
  volumes:
    - name: shared
      persistentVolumeClaim:
        claimName: shared-nfs
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/concepts/storage/volumes/',
    ],
    standards: { pss: 'restricted' },
    peers: [{ tool: 'trivy', id: 'KSV028', match: 'partial' }],
    messages: { type: 'Volume "{{volume}}" uses the {{type}} volume type, which the restricted Pod Security Standard does not allow.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: data }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: share
      nfs: { server: nfs.example.com, path: /exports/share }
`,
    },
  },
  run(obj, ctx) {
    for (const v of volumes(obj)) {
      for (const [key, value] of Object.entries(v.volume)) {
        // `$patch` and other `$` keys are kustomize directives, not volume sources.
        if (key === 'name' || key.startsWith('$') || value === null || value === undefined || RESTRICTED_VOLUME_TYPES.has(key)) continue;
        ctx.report({ path: [...v.path, key], data: { volume: v.name, type: key } });
      }
    }
  },
});
