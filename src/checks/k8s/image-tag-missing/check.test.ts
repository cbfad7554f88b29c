import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImage } from '../../_lib/image.js';
import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'tagged, digest-only, latest (another check) and templated images',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: a
          image: nginx:1.27
        - name: b
          image: ghcr.io/acme/api@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
        - name: c
          image: nginx:latest
        - name: d
          image: "\${IMAGE}"
        - name: e
          image: "registry.example.com/{{ .Values.image.name }}"
`,
    },
    {
      name: 'port-qualified registry with a tag',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: localhost:5000/app:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'registry port without tag, init container of a CronJob',
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
              image: localhost:5000/tools/init
          containers:
            - name: job
              image: example/job:1.0
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image', line: 12 }],
    },
    {
      name: 'bare official image and an org image',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: a
      image: redis
    - name: b
      image: " bitnami/postgresql "
`,
      errors: [
        { path: 'spec.containers[0].image', line: 7 },
        { path: 'spec.containers[1].image', line: 9 },
      ],
    },
  ],
});

// The image reference parser shared by the image checks (src/checks/_lib/image.ts).
describe('parseImage', () => {
  const parts = (s: string): unknown => {
    const i = parseImage(s)!;
    return [i.registry, i.repository, i.tag, i.digest];
  };
  it('applies Docker Hub defaults and folds its aliases', () => {
    assert.deepEqual(parts('nginx'), ['docker.io', 'library/nginx', undefined, undefined]);
    assert.deepEqual(parts('docker.io/nginx:1.27'), ['docker.io', 'library/nginx', '1.27', undefined]);
    assert.deepEqual(parts('index.docker.io/bitnami/redis:7'), ['docker.io', 'bitnami/redis', '7', undefined]);
    assert.equal(parseImage('bitnami/redis')!.registryExplicit, false);
  });
  it('tells a registry port from a tag', () => {
    assert.deepEqual(parts('localhost:5000/app'), ['localhost:5000', 'app', undefined, undefined]);
    assert.deepEqual(parts('registry.local:5000/team/app:2.0'), ['registry.local:5000', 'team/app', '2.0', undefined]);
  });
  it('reads digests with and without tags', () => {
    assert.deepEqual(parts('ghcr.io/acme/api:1.0@sha256:abc'), ['ghcr.io', 'acme/api', '1.0', 'sha256:abc']);
    assert.deepEqual(parts('busybox@sha256:abc'), ['docker.io', 'library/busybox', undefined, 'sha256:abc']);
  });
  it('marks what placeholders hide', () => {
    assert.deepEqual(parseImage('${IMAGE}')!.unknown, { registry: true, repository: true, tag: true, digest: true });
    assert.deepEqual(parseImage('nginx:${TAG}')!.unknown, { registry: false, repository: false, tag: true, digest: true });
    assert.deepEqual(parseImage('$(REGISTRY)/app:1.0')!.unknown, { registry: true, repository: true, tag: false, digest: false });
    const helm = parseImage('{{ .Values.image.repository }}:{{ .Values.image.tag }}')!;
    assert.equal(helm.templated, true);
    assert.equal(helm.tag, '{{ .Values.image.tag }}');
  });
  it('ignores non-strings and blanks', () => {
    assert.equal(parseImage(42), undefined);
    assert.equal(parseImage('  '), undefined);
  });
});
