import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Inventory } from '../../../core/package.js';
import { LOCKFILES } from './index.js';
import { SHARED } from '../../_lib/tester/shared.js';

// Real go.mod files from public projects; go.sum beside them matches no parser. Counts = require lines + stdlib,
// minus argo-cd's one local replacement (checked with awk over the require blocks).
const CORPUS = `${SHARED}/corpus/lockfiles/go`;
const EXPECTED: Record<string, number> = {
  'GoogleCloudPlatform__microservices-demo__src__frontend': 48,
  anchore__grype: 335,
  anchore__syft: 315,
  aquasecurity__trivy: 474,
  'argoproj__argo-cd': 308,
  'cert-manager__cert-manager': 188,
  fluxcd__flux2: 271,
  golang__vulndb: 86,
  istio__istio: 227,
  knative__serving: 162,
  kyverno__kyverno: 413,
  stackrox__stackrox: 479,
  tektoncd__pipeline: 211,
};

test('every go.mod of the corpus parses with the expected module count', { skip: !existsSync(CORPUS) && 'corpus not present' }, () => {
  const all = new Map<string, Inventory>();
  for (const project of readdirSync(CORPUS)) {
    for (const file of readdirSync(join(CORPUS, project))) {
      const parser = LOCKFILES.find((p) => p.matches(file));
      if (!parser) continue;
      const r = parser.parse(readFileSync(join(CORPUS, project, file), 'utf8'), `${project}/${file}`, {});
      assert.ok(r.ok, `${project}: ${JSON.stringify(!r.ok && r.error)}`);
      all.set(project, r.value);
    }
  }
  assert.deepEqual(Object.fromEntries([...all].map(([k, v]) => [k, v.packages.length])), EXPECTED);
  for (const inv of all.values()) for (const p of inv.packages) assert.match(p.version, /^\d+\.\d+\.\d+/, `${p.name} ${p.version}`);
  const spot = (project: string, name: string) => {
    const p = all.get(project)?.packages.find((x) => x.name === name);
    return p && `${p.name}@${p.version}@${p.location.startLine}${p.direct === false ? ' indirect' : ''}`;
  };
  // Checked by hand with grep -n.
  assert.equal(spot('argoproj__argo-cd', 'golang.org/x/net'), 'golang.org/x/net@0.58.0@110');
  assert.equal(spot('argoproj__argo-cd', 'stdlib'), 'stdlib@1.26.4@5');
  assert.equal(spot('golang__vulndb', 'golang.org/x/net'), 'golang.org/x/net@0.58.0@97 indirect');
  // toolchain go1.26.2 (line 15) wins over go 1.26.0.
  assert.equal(spot('golang__vulndb', 'stdlib'), 'stdlib@1.26.2@15');
  assert.deepEqual(all.get('argoproj__argo-cd')!.warnings.map((w) => `${w.code}:${w.location.startLine}`), ['local-replace:373']);
});
