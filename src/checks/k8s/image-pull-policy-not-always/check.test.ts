import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'defaults that resolve to Always, and digest-pinned images with any policy',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: untagged
          image: nginx
        - name: latest
          image: localhost:5000/app:latest
        - name: pinned
          image: nginx:1.27@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
          imagePullPolicy: IfNotPresent
        - name: pinned-default
          image: nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
`,
    },
    {
      name: 'explicit Always, and a templated tag with no policy',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: a
      image: nginx:1.27
      imagePullPolicy: Always
    - name: b
      image: "ghcr.io/acme/api:{{ .Values.tag }}"
`,
    },
  ],
  invalid: [
    {
      name: 'defaulted IfNotPresent and explicit Never, CronJob',
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
              image: busybox:1.36
          containers:
            - name: job
              image: example/job:latest
              imagePullPolicy: Never
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].imagePullPolicy', line: 11 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicy', line: 16 },
      ],
    },
    {
      name: 'explicit IfNotPresent on a versioned image behind a registry port',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: registry.local:5000/app:2.0
      imagePullPolicy: IfNotPresent
`,
      errors: [{ path: 'spec.containers[0].imagePullPolicy', line: 8 }],
    },
  ],
});

it('PAL-K8S-0037 explains a defaulted policy', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: "nginx:1.27" }]
`);
  assert.deepEqual(fs.map((f) => f.message), ['Container "app" leaves imagePullPolicy unset, so it defaults to IfNotPresent for image "nginx:1.27" (tag 1.27).']);
});

it('PAL-K8S-0037 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: nginx:1.27 }
    - { name: b, image: nginx:1.27, imagePullPolicy: IfNotPresent }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    [{ op: 'add', path: '/spec/containers/0/imagePullPolicy', value: 'Always' }],
    [
      { op: 'test', path: '/spec/containers/1/imagePullPolicy', value: 'IfNotPresent' },
      { op: 'replace', path: '/spec/containers/1/imagePullPolicy', value: 'Always' },
    ],
  ]);
});
