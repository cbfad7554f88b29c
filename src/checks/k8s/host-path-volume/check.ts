import { defineCheck } from '../../define-check.js';
import { hostPathVolumes } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0005',
    slug: 'host-path-volume',
    title: 'Pod uses a hostPath volume',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'A volume of the pod spec has a `hostPath` source, mounting a file or directory of the node into the pod.',
    rationale:
      'A hostPath volume breaks the boundary between the pod and the node: the pod reads and (unless mounted read-only) writes node files, its data follows whichever node it lands on, and a writable mount can be turned into a node takeover (symlink tricks, planting binaries or configuration). Pod Security Standards forbid hostPath volumes from the baseline level up. Sensitive paths, runtime sockets and writable mounts are reported at a higher severity by `sensitive-host-mount`, `container-runtime-socket-mount` and `writable-host-mount`.',
    remediation: `Replace the hostPath volume with a volume type that does not expose the node: \`emptyDir\` for scratch space, a \`persistentVolumeClaim\` for data, \`configMap\`/\`secret\`/\`projected\` for configuration. Node agents that truly need host files belong in a namespace with a privileged Pod Security level, with this check waived for them.

\`\`\`yaml
spec:
  containers:
    - name: app
      image: example/app:1.0
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: app-data
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
    ],
    standards: { pss: 'baseline', nsa: 'Pod security: restrict hostPath mounts' },
    peers: [{ tool: 'trivy', id: 'KSV023', match: 'same' }],
    messages: { hostPath: 'Volume "{{volume}}" mounts host path "{{path}}" (hostPath).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts: [{ name: scratch, mountPath: /tmp }]
  volumes:
    - name: scratch
      emptyDir: {}
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
    - name: data
      hostPath: { path: /srv/data }
`,
    },
  },
  run(obj, ctx) {
    for (const v of hostPathVolumes(obj)) {
      ctx.report({ path: v.hostPathPath, data: { volume: v.name, path: v.hostPath || '(no path)' } });
    }
  },
});
