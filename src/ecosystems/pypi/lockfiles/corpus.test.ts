import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Inventory } from '../../../core/package.js';
import { LOCKFILES } from './index.js';
import { SHARED } from '../../_lib/tester/shared.js';

// Real lock files from public projects (shared/corpus/lockfiles/SOURCES.md). Counts were checked against grep and
// Python's own tomllib/json; skipped where the corpus is not checked out.
const CORPUS = `${SHARED}/corpus/lockfiles`;
const DIRS = ['pypi-requirements', 'pypi-poetry', 'pypi-pipenv', 'pypi-uv'];
const EXPECTED: Record<string, number> = {
  'pypi-requirements/GoogleCloudPlatform__kubernetes-engine-samples__ai-ml__adk-vertex__app/requirements.txt': 4,
  'pypi-requirements/GoogleCloudPlatform__kubernetes-engine-samples__cost-optimization__hpa-config-recommender/requirements.txt': 47,
  'pypi-requirements/GoogleCloudPlatform__kubernetes-engine-samples__quickstarts__whereami/requirements.txt': 1,
  'pypi-requirements/GoogleCloudPlatform__microservices-demo__src__emailservice/requirements.txt': 35,
  'pypi-requirements/GoogleCloudPlatform__microservices-demo__src__loadgenerator/requirements.txt': 39,
  'pypi-requirements/GoogleCloudPlatform__microservices-demo__src__recommendationservice/requirements.txt': 31,
  'pypi-requirements/GoogleCloudPlatform__microservices-demo__src__shoppingassistantservice/requirements.txt': 79,
  'pypi-requirements/aquasecurity__trivy__docs__build/requirements.txt': 39,
  'pypi-requirements/argoproj__argo-cd__docs/requirements.txt': 8,
  'pypi-requirements/bitnami__vulndb__config/requirements.txt': 15,
  'pypi-requirements/google__osv.dev__docker__poetry/requirements.txt': 44,
  'pypi-requirements/open-telemetry__opentelemetry-operator__autoinstrumentation__python/requirements.txt': 58,
  'pypi-requirements/psf__advisory-database__tools/requirements.txt': 22,
  'pypi-poetry/DrupalSecurityTeam__drupal-advisory-database/poetry.lock': 30,
  'pypi-poetry/falcosecurity__rules__build__mitre_attack_checker/poetry.lock': 31,
  'pypi-poetry/google__osv.dev/poetry.lock': 63,
  'pypi-poetry/python-poetry__poetry/poetry.lock': 78,
  // 186 pinned entries, 25 of them in both default and develop.
  'pypi-pipenv/bridgecrewio__checkov/Pipfile.lock': 161,
  // Each uv.lock minus its own virtual or editable project.
  'pypi-uv/GoogleCloudPlatform__bank-of-anthos__src__accounts__userservice/uv.lock': 75,
  'pypi-uv/GoogleCloudPlatform__bank-of-anthos__src__frontend/uv.lock': 50,
  'pypi-uv/Homebrew__brew__Library__Homebrew__formula-analytics/uv.lock': 8,
  'pypi-uv/anchore__grype-db/uv.lock': 74,
  'pypi-uv/fastapi__full-stack-fastapi-template/uv.lock': 80,
  'pypi-uv/renovatebot__renovate/uv.lock': 33,
};

function parseAll(): Map<string, Inventory> {
  const out = new Map<string, Inventory>();
  for (const d of DIRS) {
    for (const project of readdirSync(join(CORPUS, d))) {
      for (const file of readdirSync(join(CORPUS, d, project))) {
        // Companion manifests (pyproject.toml, Pipfile) match no parser and are skipped here.
        const parser = LOCKFILES.find((p) => p.matches(file));
        if (!parser) continue;
        const rel = `${d}/${project}/${file}`;
        const full = join(CORPUS, rel);
        const r = parser.parse(readFileSync(full, 'utf8'), rel, {
          readRelative: (p) => (existsSync(join(dirname(full), p)) ? { path: join(dirname(rel), p), text: readFileSync(join(dirname(full), p), 'utf8') } : undefined),
        });
        assert.ok(r.ok, `${rel}: ${JSON.stringify(!r.ok && r.error)}`);
        out.set(rel, r.value);
      }
    }
  }
  return out;
}

test('every PyPI lock file of the corpus parses with the expected package count', { skip: !existsSync(CORPUS) && 'corpus not present' }, () => {
  const all = parseAll();
  const counts = Object.fromEntries([...all].map(([k, v]) => [k, v.packages.length]));
  assert.deepEqual(counts, EXPECTED);
  for (const [rel, inv] of all) {
    for (const p of inv.packages) {
      assert.equal(p.ecosystem, 'PyPI');
      assert.ok(p.location.startLine >= 1 && p.location.path === rel, `${rel}: ${p.name} location`);
      assert.match(p.version, /^\S+$/, `${rel}: ${p.name} version`);
    }
  }
  const find = (rel: string, name: string) => all.get(rel)?.packages.find((p) => p.name === name);
  const spot = (rel: string, name: string) => {
    const p = find(rel, name);
    return p && `${p.name}@${p.version}@${p.location.startLine}${p.dev ? ' dev' : ''}`;
  };
  // Checked by hand with grep -n.
  assert.equal(spot('pypi-requirements/GoogleCloudPlatform__microservices-demo__src__emailservice/requirements.txt', 'requests'), 'requests@2.32.5@100');
  assert.equal(spot('pypi-requirements/GoogleCloudPlatform__microservices-demo__src__emailservice/requirements.txt', 'grpcio'), 'grpcio@1.76.0@24');
  assert.equal(find('pypi-requirements/open-telemetry__opentelemetry-operator__autoinstrumentation__python/requirements.txt', 'urllib3'), undefined);
  assert.equal(spot('pypi-poetry/google__osv.dev/poetry.lock', 'attrs'), 'attrs@26.1.0@16');
  assert.equal(spot('pypi-poetry/python-poetry__poetry/poetry.lock', 'pytest'), 'pytest@9.0.3@1513 dev');
  assert.equal(spot('pypi-pipenv/bridgecrewio__checkov/Pipfile.lock', 'aiodns'), 'aiodns@3.6.1@19');
  assert.equal(spot('pypi-uv/fastapi__full-stack-fastapi-template/uv.lock', 'fastapi'), 'fastapi@0.141.1@416');
  assert.equal(find('pypi-uv/fastapi__full-stack-fastapi-template/uv.lock', 'app'), undefined);
});
