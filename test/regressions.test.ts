// Bugs found by comparing verdicts with Checkov and Trivy on the real corpus (BENCHMARKS.md, "Verdict comparison").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCheckOn } from '../src/checks/tester/index.js';
import imageTagMissing from '../src/checks/k8s/image-tag-missing/check.js';
import imageDigestMissing from '../src/checks/k8s/image-digest-missing/check.js';
import restrictedVolumeTypes from '../src/checks/k8s/restricted-volume-types/check.js';
import { cli, tree } from './helpers.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`;
const limitRange = `apiVersion: v1
kind: LimitRange
metadata: { name: defaults }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 256Mi }
      defaultRequest: { cpu: 100m, memory: 128Mi }
`;

describe('regressions from the peer comparison', () => {
  it('a namespace-less LimitRange in another file does not cover namespace-less workloads elsewhere', async () => {
    const ids = async (files: Record<string, string>) =>
      (JSON.parse((await cli(['scan', '.', '-f', 'json', '--fail-on', 'none'], { cwd: tree(files) })).stdout) as { findings: { slug: string }[] }).findings.map((f) => f.slug);
    const apart = await ids({ 'a/deploy.yaml': deployment, 'b/limitrange.yaml': limitRange });
    for (const slug of ['cpu-requests-missing', 'cpu-limits-missing', 'memory-requests-missing', 'memory-limits-missing']) assert.ok(apart.includes(slug), slug);
    const together = await ids({ 'app.yaml': `${limitRange}---\n${deployment}` });
    for (const slug of ['cpu-requests-missing', 'cpu-limits-missing', 'memory-requests-missing', 'memory-limits-missing']) assert.ok(!together.includes(slug), slug);
  });

  it('a kustomize $patch directive in a volume is not a volume type', () => {
    const code = `apiVersion: apps/v1
kind: Deployment
metadata: { name: manager }
spec:
  template:
    spec:
      containers: [{ name: m, image: x:1 }]
      volumes:
        - name: cert
          $patch: delete
`;
    assert.deepEqual(runCheckOn(restrictedVolumeTypes, code), []);
  });

  it('ko:// image references are build-time placeholders', () => {
    const code = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: ko://knative.dev/serving/cmd/queue }]
`;
    assert.deepEqual(runCheckOn(imageTagMissing, code), []);
    assert.deepEqual(runCheckOn(imageDigestMissing, code), []);
  });
});
