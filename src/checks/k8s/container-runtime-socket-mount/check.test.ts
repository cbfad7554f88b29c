import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'other sockets and look-alike names',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: csi }
spec:
  template:
    spec:
      containers: [{ name: driver, image: example/csi:1.0 }]
      volumes:
        - { name: plugin, hostPath: { path: /var/lib/kubelet/plugins/csi.example.com/csi.sock } }
        - { name: app, hostPath: { path: /run/app/app.sock } }
        - { name: notdocker, hostPath: { path: /srv/mydocker.sock.bak } }
        - { name: var, hostPath: { path: /var/lib/docker-data } }
        - { name: dockerish, hostPath: { path: /run/dockerfiles } }
`,
    },
    {
      name: 'no hostPath volumes',
      code: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
  volumes: [{ name: tmp, emptyDir: {} }]
`,
    },
  ],
  invalid: [
    {
      name: 'sockets of every runtime, in any directory, with sloppy paths',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: docker:27 }]
  volumes:
    - { name: docker, hostPath: { path: /var/run/docker.sock } }
    - { name: containerd, hostPath: { path: /run/containerd/containerd.sock } }
    - { name: crio, hostPath: { path: "/var/run//crio/crio.sock" } }
    - { name: k3s, hostPath: { path: /run/k3s/containerd/containerd.sock } }
    - { name: cri-dockerd, hostPath: { path: /var/run/cri-dockerd.sock } }
    - { name: custom, hostPath: { path: /opt/docker/docker.sock } }
`,
      errors: [
        { path: 'spec.volumes[0].hostPath.path', line: 7, messageId: 'socket' },
        { path: 'spec.volumes[1].hostPath.path', line: 8, messageId: 'socket' },
        { path: 'spec.volumes[2].hostPath.path', line: 9, messageId: 'socket' },
        { path: 'spec.volumes[3].hostPath.path', line: 10, messageId: 'socket' },
        { path: 'spec.volumes[4].hostPath.path', line: 11, messageId: 'socket' },
        { path: 'spec.volumes[5].hostPath.path', line: 12, messageId: 'socket' },
      ],
    },
    {
      name: 'runtime directories and their parents in a Deployment',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ci }
spec:
  template:
    spec:
      containers: [{ name: runner, image: example/runner:1.0 }]
      volumes:
        - name: containerd
          hostPath:
            path: /run/containerd/
        - name: run
          hostPath:
            path: /var/run
        - name: host
          hostPath:
            path: /
`,
      errors: [
        { path: 'spec.template.spec.volumes[0].hostPath.path', line: 11, messageId: 'dir' },
        { path: 'spec.template.spec.volumes[1].hostPath.path', line: 14, messageId: 'dir' },
        { path: 'spec.template.spec.volumes[2].hostPath.path', line: 17, messageId: 'dir' },
      ],
    },
  ],
});
