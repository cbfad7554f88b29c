import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'registry.k8s.io, other gcr.io projects, look-alikes',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: proxy }
spec:
  template:
    spec:
      containers:
        - name: a
          image: registry.k8s.io/kube-proxy:v1.31.0
        - name: b
          image: gcr.io/my-project/app:1.0
        - name: c
          image: gcr.io/google-containers-mirror/app:1.0
        - name: d
          image: example.com/k8s.gcr.io/pause:3.2
`,
    },
    {
      name: 'templated registry',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: "\${REGISTRY}/pause:3.2" }]
`,
    },
  ],
  invalid: [
    {
      name: 'k8s.gcr.io in an init container, gcr.io/google_containers in a container, CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: init
              image: K8S.GCR.IO/busybox:1.24
          containers:
            - name: job
              image: gcr.io/google_containers/pause-amd64:3.1
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image', line: 12 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].image', line: 15 },
      ],
    },
    {
      name: 'digest-pinned image from k8s.gcr.io is still frozen',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: dns
      image: k8s.gcr.io/coredns/coredns@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
`,
      errors: [{ path: 'spec.containers[0].image', line: 7 }],
    },
  ],
});

it('PAL-K8S-0039 suggests the registry.k8s.io name', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: "k8s.gcr.io/ingress-nginx/controller:v1.2.1" }
    - { name: b, image: "gcr.io/google-containers/pause:3.1" }
`);
  assert.deepEqual(fs.map((f) => f.message), [
    'Container "a" pulls "k8s.gcr.io/ingress-nginx/controller:v1.2.1" from k8s.gcr.io, which is frozen and gets no new images; use registry.k8s.io/ingress-nginx/controller.',
    'Container "b" pulls "gcr.io/google-containers/pause:3.1" from gcr.io/google-containers, which is frozen and gets no new images; use registry.k8s.io/pause.',
  ]);
});
