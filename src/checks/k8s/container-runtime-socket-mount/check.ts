import { defineCheck } from '../../define-check.js';
import { RUNTIME_SOCKET_DIRS, RUNTIME_SOCKET_NAME, RUNTIME_SOCKET_PARENTS, hostPathVolumes, isWithin } from '../../_lib/host.js';
import { POD_KINDS } from '../../_lib/pod.js';

const SOCKET_NAME = RUNTIME_SOCKET_NAME;
const RUNTIME_DIRS: readonly string[] = RUNTIME_SOCKET_DIRS;
const SOCKET_PARENTS: readonly string[] = RUNTIME_SOCKET_PARENTS;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0007',
    slug: 'container-runtime-socket-mount',
    title: 'Pod mounts the container runtime socket',
    severity: 'critical',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A hostPath volume mounts a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`, `cri-dockerd.sock`, `dockershim.sock`, `podman.sock`, wherever it lives), a runtime state directory (`/run/containerd`, `/var/run/docker`, `/run/crio`, `/run/k3s/containerd`, `/run/podman`, also under `/var/run`), or a directory that directly contains the sockets (`/`, `/run`, `/var/run`). Paths are normalised first.',
    rationale:
      'The runtime socket is an unauthenticated root API to the node: whoever can connect to it can start a privileged container with the host filesystem mounted, exec into any container on the node and read their secrets. Mounting it read-only does not help, since connecting to a socket is not a write to the file. Build tools that use it (Docker-in-Docker, CI runners) should move to rootless builders.',
    remediation: `Remove the volume and its volumeMounts. Build images with a daemonless, rootless builder (BuildKit rootless, kaniko, Buildah) and talk to the Kubernetes API instead of the runtime for anything else.

\`\`\`yaml
spec:
  containers:
    - name: build
      image: gcr.io/kaniko-project/executor:v1.23.2
      args: ["--context=git://example.com/app.git", "--destination=registry.example.com/app:1.0"]
      volumeMounts:
        - name: registry-auth
          mountPath: /kaniko/.docker
          readOnly: true
  volumes:
    - name: registry-auth
      secret:
        secretName: registry-auth
        items: [{ key: .dockerconfigjson, path: config.json }]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
      'https://docs.docker.com/engine/security/protect-access/',
      'https://docs.kubelinter.io/#/generated/checks?id=docker-sock',
    ],
    standards: { pss: 'baseline', nsa: 'Pod security: restrict hostPath mounts' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_27', match: 'partial' },
      { tool: 'trivy', id: 'KSV006', match: 'partial' },
      { tool: 'kube-linter', id: 'docker-sock', match: 'partial' },
      { tool: 'kube-linter', id: 'container-runtime-sock', match: 'same' },
    ],
    messages: {
      socket: 'Container runtime socket "{{path}}" is mounted by volume "{{volume}}".',
      dir: 'Host directory "{{path}}" of volume "{{volume}}" contains the container runtime socket.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts: [{ name: run, mountPath: /var/run/app }]
  volumes:
    - name: run
      emptyDir: {}
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: ci
      image: docker:27
      volumeMounts: [{ name: sock, mountPath: /var/run/docker.sock }]
  volumes:
    - name: sock
      hostPath: { path: /var/run/docker.sock, type: Socket }
`,
    },
  },
  run(obj, ctx) {
    for (const v of hostPathVolumes(obj)) {
      const p = v.normalised;
      if (p === undefined) continue;
      const path = [...v.hostPathPath, 'path'];
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (SOCKET_NAME.test(base)) ctx.report({ path, messageId: 'socket', data: { volume: v.name, path: v.hostPath } });
      else if (RUNTIME_DIRS.some((d) => isWithin(p, d)) || SOCKET_PARENTS.includes(p))
        ctx.report({ path, messageId: 'dir', data: { volume: v.name, path: v.hostPath } });
    }
  },
});
