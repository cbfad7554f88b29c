import { defineCheck } from '../../define-check.js';
import { hostPathVolumes, mountsOf } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0008',
    slug: 'writable-host-mount',
    title: 'Container mounts a hostPath volume writable',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'A container (init, app or ephemeral) mounts a hostPath volume without `readOnly: true` on the volumeMount.',
    rationale:
      'A writable host mount lets a compromised container change files on the node: plant binaries or cron jobs, alter configuration, fill the node disk, or create symlinks that node daemons later follow as root. `readOnly` on the volumeMount is what makes the bind mount read-only; `hostPath.type` does not.',
    remediation: `Set \`readOnly: true\` on every volumeMount of a hostPath volume; if the workload must write, give it an \`emptyDir\` or a \`persistentVolumeClaim\` instead.

\`\`\`yaml
spec:
  containers:
    - name: agent
      image: example/agent:1.0
      volumeMounts:
        - name: host-data
          mountPath: /host/data
          readOnly: true
  volumes:
    - name: host-data
      hostPath:
        path: /srv/data
        type: Directory
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      'https://docs.kubelinter.io/#/generated/checks?id=writable-host-mount',
    ],
    standards: { nsa: 'Pod security: restrict hostPath mounts' },
    peers: [{ tool: 'kube-linter', id: 'writable-host-mount', match: 'same' }],
    messages: {
      writable: 'Container "{{container}}" mounts hostPath volume "{{volume}}" ({{path}}) writable at {{mountPath}}.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts: [{ name: data, mountPath: /data, readOnly: true }]
  volumes:
    - name: data
      hostPath: { path: /srv/data }
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
      for (const m of mountsOf(obj, v.name)) {
        if (m.mount.readOnly === true) continue;
        ctx.report({
          path: [...m.path, 'readOnly'],
          data: {
            container: m.container.name,
            volume: v.name,
            path: v.hostPath || '(no path)',
            mountPath: typeof m.mount.mountPath === 'string' ? m.mount.mountPath : '(no mountPath)',
          },
        });
      }
    }
  },
});
