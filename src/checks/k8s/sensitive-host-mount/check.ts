import { defineCheck } from '../../define-check.js';
import { hostPathVolumes, isWithin, mountsOf } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

/**
 * Host directories whose exposure gives away the node: configuration and credentials (/etc, /root, kubelet and etcd
 * state), kernel interfaces (/proc, /sys, /dev, /boot), system binaries (/usr, /lib, /bin, /sbin) and runtime state and
 * sockets (/run, /var/run, container runtime storage). kube-linter's sensitive-host-mounts list plus kubelet, runtime and
 * etcd state. Both /run and /var/run are listed because either may be the real directory.
 */
export const SENSITIVE_HOST_DIRS = [
  '/etc',
  '/root',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/usr',
  '/lib',
  '/lib64',
  '/bin',
  '/sbin',
  '/run',
  '/var/run',
  '/var/lib/kubelet',
  '/var/lib/etcd',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/containers',
] as const;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0006',
    slug: 'sensitive-host-mount',
    title: 'Pod mounts a sensitive host directory',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A hostPath volume points at, inside, or above a sensitive node directory: `/etc`, `/root`, `/proc`, `/sys`, `/dev`, `/boot`, `/usr`, `/lib`, `/lib64`, `/bin`, `/sbin`, `/run`, `/var/run`, `/var/lib/kubelet`, `/var/lib/etcd`, `/var/lib/docker`, `/var/lib/containerd` or `/var/lib/containers`. Paths are normalised first (`/etc/kubernetes/`, `//etc/./x` and `/var/lib/../run` all count), and a parent such as `/` or `/var` counts because it contains them. `/var/log` counts only when a container mounts it writable.',
    rationale:
      'These directories hold the node\'s credentials and configuration (kubelet and etcd keys, `/etc/kubernetes`, SSH keys in `/root`), its kernel interfaces (`/proc`, `/sys`, `/dev` allow reading other processes\' memory, changing kernel parameters or raw disk access) and its binaries and runtime sockets; a pod that can read them can usually impersonate the node, and one that can write them owns it. `/var/log` is reported only when writable: log agents legitimately read it, but write access lets a pod plant symlinks that the kubelet follows when serving logs, reading any host file as root.',
    remediation: `Do not mount these directories. Mount only the narrow, non-sensitive path the workload needs, read-only, or use an \`emptyDir\`, \`configMap\` or \`persistentVolumeClaim\`; node agents that truly need them belong in a namespace with a privileged Pod Security level, with this check waived for them.

\`\`\`yaml
spec:
  containers:
    - name: agent
      image: example/agent:1.0
      volumeMounts:
        - name: app-logs
          mountPath: /host/app-logs
          readOnly: true
  volumes:
    - name: app-logs
      hostPath:
        path: /var/log/app
        type: Directory
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://docs.kubelinter.io/#/generated/checks?id=sensitive-host-mounts',
    ],
    standards: { pss: 'baseline', nsa: 'Pod security: restrict hostPath mounts' },
    peers: [
      { tool: 'kube-linter', id: 'sensitive-host-mounts', match: 'partial' },
      { tool: 'trivy', id: 'KSV121', match: 'partial' },
    ],
    messages: {
      sensitive: 'Sensitive host path "{{path}}" (under {{dir}}) is mounted by volume "{{volume}}".',
      contains: 'Host path "{{path}}" of volume "{{volume}}" contains the sensitive host directory {{dir}}.',
      varLog:
        'Writable mount of host path "{{path}}" (volume "{{volume}}") in container "{{container}}": write access to /var/log lets a pod make the kubelet read any host file.',
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
      hostPath: { path: /srv/app-data }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts: [{ name: kube, mountPath: /host/kubernetes, readOnly: true }]
  volumes:
    - name: kube
      hostPath: { path: /etc/kubernetes/ }
`,
    },
  },
  run(obj, ctx) {
    for (const v of hostPathVolumes(obj)) {
      const p = v.normalised;
      if (p === undefined) continue;
      const path = [...v.hostPathPath, 'path'];
      const inside = SENSITIVE_HOST_DIRS.find((dir) => isWithin(p, dir));
      if (inside) {
        ctx.report({ path, messageId: 'sensitive', data: { volume: v.name, path: v.hostPath, dir: inside } });
        continue;
      }
      const contained = SENSITIVE_HOST_DIRS.find((dir) => isWithin(dir, p));
      if (contained) {
        ctx.report({ path, messageId: 'contains', data: { volume: v.name, path: v.hostPath, dir: contained } });
        continue;
      }
      if (isWithin(p, '/var/log')) {
        const writable = mountsOf(obj, v.name).find((m) => m.mount.readOnly !== true);
        if (writable) ctx.report({ path, messageId: 'varLog', data: { volume: v.name, path: v.hostPath, container: writable.container.name } });
      }
    }
  },
});
