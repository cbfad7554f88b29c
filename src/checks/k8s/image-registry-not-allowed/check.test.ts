import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Check } from '../../define-check.js';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check, { optionsSchema, type Options } from './check.js';

// The tester runs meta examples and fixtures without options, and with the default empty list this check is silent.
// Run them with the list the examples are written for; the table cases pass their own options.
const EXAMPLE_LIST = ['ghcr.io/acme/', 'registry.k8s.io'];
const withExampleList: Check<Options> = {
  ...check,
  options: optionsSchema.extend({ allowedRegistries: optionsSchema.shape.allowedRegistries.unwrap().default(EXAMPLE_LIST) }),
};

const opts = (...allowedRegistries: string[]): Options => ({ allowedRegistries });

runCheckTests(withExampleList, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'an empty list reports nothing',
      options: opts(),
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: "evil.example.com/x:1" }]
`,
    },
    {
      name: 'hosts, prefixes, Docker Hub defaults and globs',
      options: opts('docker.io/library/', 'ghcr.io/acme', 'localhost:5000', '*.dkr.ecr.eu-west-1.amazonaws.com'),
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: a
          image: index.docker.io/library/nginx:1.27
        - name: b
          image: ghcr.io/acme/team/api@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
        - name: c
          image: localhost:5000/app
        - name: d
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0
        - name: e
          image: "\${REGISTRY}/app:1.0"
        - name: f
          image: "ghcr.io/{{ .Values.org }}/app:1.0"
`,
    },
  ],
  invalid: [
    {
      name: 'prefix matching is per path segment, and Docker Hub org images are not library images',
      options: opts('ghcr.io/acme/', 'docker.io/library'),
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: a
              image: ghcr.io/acme-evil/api:1.0
            - name: b
              image: bitnami/redis:7.2
            - name: c
              image: ghcr.io/acme/api:1.0
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].image', line: 12 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[1].image', line: 14 },
      ],
    },
    {
      name: 'a host entry does not allow another port or a look-alike host',
      options: opts('localhost:5000', 'gcr.io'),
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: a
      image: localhost:5001/app:1.0
    - name: b
      image: gcr.io.evil.com/app:1.0
    - name: c
      image: gcr.io/project/app:1.0
`,
      errors: [
        { path: 'spec.containers[0].image', line: 7 },
        { path: 'spec.containers[1].image', line: 9 },
      ],
    },
  ],
});

it('PAL-K8S-0038 is silent with its real defaults', () => {
  assert.deepEqual(runCheckOn(check, check.meta.examples.bad), []);
  assert.equal(check.meta.defaultEnabled, false);
});

it('PAL-K8S-0038 names the resolved location', () => {
  const fs = runCheckOn(check, check.meta.examples.bad, opts('ghcr.io/acme/'));
  assert.deepEqual(fs.map((f) => f.message), ['Container "app" uses image "nginx:1.27" from docker.io/library/nginx, which is not in allowedRegistries.']);
});
