import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Report } from '../src/core/report.js';
import { findRenderer, missingRendererMessage, renderersCacheDir } from '../src/scan/render/index.js';
import { planRendering } from '../src/scan/render/index.js';
import { releaseName } from '../src/scan/render/helm.js';
import { TemplateText } from '../src/scan/render/template-lines.js';
import { collectInputs } from '../src/scan/walk.js';
import { REPO, cli } from './helpers.js';

const FIX = 'test/fixtures/render';

/** The renderer binary (PATH, then the install script's cache dir), or why the test must skip. */
export function renderer(name: 'helm' | 'kustomize'): { bin: string } | { skip: string } {
  const bin = findRenderer(name, process.env);
  if (bin) return { bin };
  return { skip: `${name} not installed: not on PATH nor in ${renderersCacheDir(process.env) ?? '$PALISADE_TOOLS_DIR'} (run scripts/install-renderers.sh)` };
}

/** The CLI's environment: PATH plus the directory of every renderer found, so a cache-dir install works too. */
function envWith(...bins: string[]): Record<string, string> {
  const path = [...new Set(bins.map((b) => dirname(b))), process.env.PATH ?? ''].join(delimiter);
  return { PATH: path, HOME: process.env.HOME ?? tmpdir() };
}

async function scanJson(args: string[], env: Record<string, string>, cwd = REPO): Promise<{ code: number; report: Report }> {
  const r = await cli(['scan', '--no-config', '--format', 'json', ...args], { cwd, env });
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const byCheck = (report: Report, id: string) => report.findings.filter((f) => f.checkId === id && !f.suppressed);

test('helm: a privileged container is reported at its template file and the line of the key', async (t) => {
  const h = renderer('helm');
  if ('skip' in h) return t.skip(h.skip);
  const { code, report } = await scanJson([`${FIX}/web-chart`], envWith(h.bin));
  const chart = report.targets.find((x) => x.path === `${FIX}/web-chart`);
  assert.ok(chart, JSON.stringify(report.targets.map((x) => x.path)));
  assert.equal(chart.kind, 'helm');
  assert.equal(chart.resources, 2);
  assert.deepEqual(chart.errors, []);
  // Templates are not parsed as plain YAML: no target of their own, so no YAML syntax errors from `{{ }}`.
  assert.deepEqual(report.targets.filter((x) => x.path.includes('/templates/')), []);
  const priv = byCheck(report, 'PAL-K8S-0001');
  assert.equal(priv.length, 1);
  assert.equal(priv[0]!.location.path, `${FIX}/web-chart/templates/deployment.yaml`);
  assert.equal(priv[0]!.location.startLine, 21);
  assert.equal(priv[0]!.location.startColumn, 13);
  assert.equal(priv[0]!.resource.name, 'web-web');
  // The image key is in the template: its line, not the `kind:` line.
  const digest = byCheck(report, 'PAL-K8S-0036');
  assert.equal(digest[0]?.location.startLine, 19);
  assert.equal(code, 1);
});

test('helm: --helm-values and --helm-set change what is rendered', async (t) => {
  const h = renderer('helm');
  if ('skip' in h) return t.skip(h.skip);
  const env = envWith(h.bin);
  const withFile = await scanJson([`${FIX}/web-chart`, '--helm-values', `${FIX}/web-chart/values-safe.yaml`], env);
  assert.equal(byCheck(withFile.report, 'PAL-K8S-0001').length, 0);
  assert.ok(withFile.report.findings.length > 0, 'other findings remain');
  const withSet = await scanJson([`${FIX}/web-chart`, '--helm-set', 'privileged=false'], env);
  assert.equal(byCheck(withSet.report, 'PAL-K8S-0001').length, 0);
  const image = await scanJson([`${FIX}/web-chart`, '--helm-set', 'image=nginx@sha256:' + 'a'.repeat(64)], env);
  assert.equal(byCheck(image.report, 'PAL-K8S-0036').length, 0);
  assert.equal(byCheck(image.report, 'PAL-K8S-0001').length, 1);
});

test('helm: a broken template is an error on the chart with helm\'s message, at the template line; exit 3', async (t) => {
  const h = renderer('helm');
  if ('skip' in h) return t.skip(h.skip);
  const { code, report } = await scanJson([`${FIX}/broken-chart`], envWith(h.bin));
  assert.equal(code, 3);
  const chart = report.targets.find((x) => x.path === `${FIX}/broken-chart`)!;
  assert.equal(chart.errors.length, 1);
  const e = chart.errors[0]!;
  assert.equal(e.code, 'render-failed');
  assert.match(e.message, /^helm template failed \(exit status 1\): .*pod\.yaml:5/);
  assert.equal(e.location.path, `${FIX}/broken-chart/templates/pod.yaml`);
  assert.equal(e.location.startLine, 5);
});

test('helm: a packaged chart (.tgz) is rendered; findings name the template inside the archive', async (t) => {
  const h = renderer('helm');
  if ('skip' in h) return t.skip(h.skip);
  const dir = mkdtempSync(join(tmpdir(), 'palisade-render-'));
  const pkg = spawnSync(h.bin, ['package', join(REPO, FIX, 'web-chart'), '--destination', dir], { encoding: 'utf8', env: { ...process.env, HELM_CACHE_HOME: join(dir, 'cache'), HELM_CONFIG_HOME: join(dir, 'config'), HELM_DATA_HOME: join(dir, 'data') } });
  assert.equal(pkg.status, 0, pkg.stderr);
  assert.ok(existsSync(join(dir, 'web-0.1.0.tgz')), readdirSync(dir).join(','));
  const { report } = await scanJson(['web-0.1.0.tgz'], envWith(h.bin), dir);
  const target = report.targets.find((x) => x.path === 'web-0.1.0.tgz')!;
  assert.equal(target.kind, 'helm');
  assert.equal(target.resources, 2);
  const priv = byCheck(report, 'PAL-K8S-0001');
  assert.equal(priv.length, 1);
  assert.equal(priv[0]!.location.path, 'web-0.1.0.tgz/web/templates/deployment.yaml');
  assert.equal(priv[0]!.location.startLine, 21);
});

test('kustomize: a privileged flag added by the overlay patch is reported in the patch file; the base through the overlay', async (t) => {
  const k = renderer('kustomize');
  if ('skip' in k) return t.skip(k.skip);
  const env = envWith(k.bin);
  const { report } = await scanJson([`${FIX}/overlay-app`], env);
  const ks = report.targets.filter((x) => x.kind === 'kustomize');
  assert.deepEqual(ks.map((x) => x.path), [`${FIX}/overlay-app/overlays/prod`], 'the base is rendered only through its overlay');
  assert.equal(ks[0]!.resources, 1);
  assert.deepEqual(ks[0]!.errors, []);
  // Raw files of the overlay and base are not scanned on their own.
  assert.deepEqual(report.targets.filter((x) => x.kind !== 'kustomize').map((x) => x.path), []);
  const priv = byCheck(report, 'PAL-K8S-0001');
  assert.equal(priv.length, 1);
  assert.equal(priv[0]!.resource.name, 'prod-web');
  assert.equal(priv[0]!.location.path, `${FIX}/overlay-app/overlays/prod/patch.yaml`);
  assert.equal(priv[0]!.location.startLine, 11);
  // A field only the base has: located in the base file.
  const digest = byCheck(report, 'PAL-K8S-0036');
  assert.equal(digest[0]?.location.path, `${FIX}/overlay-app/base/deployment.yaml`);
  assert.equal(digest[0]?.location.startLine, 10);

  // The origin annotation used for mapping is stripped: the same checks fire as on the plain `kustomize build` output.
  const plain = spawnSync(k.bin, ['build', join(REPO, FIX, 'overlay-app/overlays/prod')], { encoding: 'utf8' });
  assert.equal(plain.status, 0, plain.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'palisade-render-'));
  cpSync(join(REPO, FIX, 'overlay-app'), join(dir, 'unused'), { recursive: true });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'built.yaml'), plain.stdout);
  const raw = await scanJson(['built.yaml'], env, dir);
  const ids = (r: Report) => r.findings.map((f) => `${f.checkId} ${f.dataPath}`).sort();
  assert.deepEqual(ids(report), ids(raw.report));
});

test('kustomize: a base no scanned overlay uses is rendered by itself', async (t) => {
  const k = renderer('kustomize');
  if ('skip' in k) return t.skip(k.skip);
  const { report } = await scanJson([`${FIX}/overlay-app/base`], envWith(k.bin));
  assert.deepEqual(report.targets.map((x) => [x.path, x.kind, x.resources]), [[`${FIX}/overlay-app/base`, 'kustomize', 1]]);
  assert.equal(byCheck(report, 'PAL-K8S-0001').length, 0);
});

test('missing helm/kustomize: a clear error on each chart and overlay, exit 3', async () => {
  const env = { PATH: '/nonexistent-palisade', PALISADE_TOOLS_DIR: '/nonexistent-palisade' };
  const { code, report } = await scanJson([`${FIX}/web-chart`, `${FIX}/overlay-app`], env);
  assert.equal(code, 3);
  const chart = report.targets.find((x) => x.path === `${FIX}/web-chart`)!;
  assert.equal(chart.errors[0]?.message, 'helm is not installed or not on PATH: install it (https://helm.sh/docs/intro/install/) or exclude the chart with ignorePaths in .palisade.yaml');
  const overlay = report.targets.find((x) => x.path === `${FIX}/overlay-app/overlays/prod`)!;
  assert.equal(overlay.errors[0]?.message, missingRendererMessage('kustomize', 'overlay'));
  assert.match(overlay.errors[0]!.message, /^kustomize is not installed or not on PATH: install it \(https:\/\/.+\) or exclude the overlay with ignorePaths in \.palisade\.yaml$/);
  assert.equal(report.findings.length, 0, 'no raw template findings sneak in');
});

test('planning: chart roots own their files, subcharts render with the parent, bases used by an overlay are not roots', () => {
  const walk = collectInputs([FIX], REPO);
  const plan = planRendering(walk.files);
  assert.deepEqual(plan.charts.map((c) => c.abs.slice(REPO.length + 1)).sort(), [`${FIX}/broken-chart`, `${FIX}/web-chart`]);
  assert.deepEqual(plan.overlays.map((o) => o.dir.slice(REPO.length + 1)), [`${FIX}/overlay-app/overlays/prod`]);
  assert.ok(plan.owned.has(join(REPO, FIX, 'web-chart/templates/deployment.yaml')));
  assert.ok(plan.owned.has(join(REPO, FIX, 'overlay-app/base/deployment.yaml')));
  assert.ok(plan.owned.has(join(REPO, FIX, 'overlay-app/overlays/prod/patch.yaml')));
});

test('template lines: key chain from the kind line, then the key alone, then the deepest key spelled out, then kind, then 1', () => {
  const tpl = new TemplateText(['kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '        - name: a', '          securityContext:', '            {{- toYaml .Values.sc | nindent 12 }}', '          "image": x'].join('\n'));
  const at = (p: (string | number)[]) => tpl.locate('f.yaml', p, 'Deployment').startLine;
  assert.equal(at(['spec', 'template', 'spec', 'containers', 0, 'image']), 9);
  assert.equal(at(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']), 7);
  assert.equal(at(['metadata', 'annotations']), 1);
  assert.equal(new TemplateText('{{ include "x" . }}').locate('f', ['spec'], 'Pod').startLine, 1);
  assert.equal(releaseName('My_Chart.v2'), 'my-chart-v2');
  assert.equal(releaseName('___'), 'release');
  assert.equal(releaseName('a'.repeat(80)).length, 53);
});
