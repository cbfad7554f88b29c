// Docker Compose end to end: `palisade scan` on compose projects (interpolation from .env and the shell, extends across
// files, profiles, comment suppressions, exact lines), and the loader plus every compose check on the shared corpus.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_CHECKS } from '../src/checks/index.js';
import { runChecks } from '../src/checks/engine.js';
import type { ConfigObject } from '../src/core/config-object.js';
import { loadComposeFile } from '../src/scan/compose.js';
import { cli, SHARED, tree } from './helpers.js';

interface JsonReport {
  findings: { slug: string; checkId: string; message: string; location: { path: string; startLine: number; startColumn: number }; resource: { kind: string; name: string }; suppressed: null | { by: string; reason: string } }[];
  targets: { path: string; kind: string; resources: number; errors: { code: string; message: string; location: { path: string; startLine: number } }[]; warnings: { code: string; location: { path: string; startLine: number } }[] }[];
  summary: { errors: number };
}

async function scanJson(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd: dir, env });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const where = (r: JsonReport, slug: string, service: string): string[] =>
  r.findings.filter((f) => f.slug === slug && f.resource.name === service).map((f) => `${f.location.path}:${f.location.startLine}`);

const COMPOSE = `name: shop
services:
  web:
    image: nginx:\${WEB_TAG}
    ports:
      - "8080:80"
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2
      POSTGRES_USER: \${DB_USER:-shop}
    ports:
      - "5432:5432"
  # palisade:ignore=compose-runtime-socket-mount the proxy only reads container labels
  proxy:
    image: traefik:v3.1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
  agent:
    extends:
      file: ./base/common.yaml
      service: privileged-base
    network_mode: host
  debug:
    image: busybox
    profiles: [debug]
    pid: host
`;

const COMMON = `services:
  privileged-base:
    image: example/agent:1.0
    privileged: true
    cap_add: [SYS_ADMIN]
`;

describe('palisade scan on a compose project', () => {
  it('reports findings with exact file:line, including values inherited from another file', async () => {
    const dir = tree({ 'compose.yaml': COMPOSE, 'base/common.yaml': COMMON, '.env': 'WEB_TAG=latest\n' });
    const { code, report } = await scanJson(dir);
    assert.equal(code, 0);
    const target = report.targets.find((t) => t.path === 'compose.yaml')!;
    assert.equal(target.kind, 'compose');
    assert.deepEqual(target.errors, []);
    assert.equal(where(report, 'compose-env-credential-literal', 'db')[0], 'compose.yaml:10');
    assert.equal(where(report, 'compose-sensitive-port-public', 'db')[0], 'compose.yaml:13');
    assert.deepEqual(where(report, 'compose-sensitive-port-public', 'web'), []);
    // From base/common.yaml: located at the `extends` key of the service that inherits them.
    assert.deepEqual(where(report, 'compose-privileged', 'agent'), ['compose.yaml:20']);
    assert.deepEqual(where(report, 'compose-sys-admin-capability', 'agent'), ['compose.yaml:20']);
    assert.deepEqual(where(report, 'compose-host-network', 'agent'), ['compose.yaml:23']);
    // WEB_TAG comes from .env beside the compose file.
    assert.deepEqual(where(report, 'compose-image-latest-tag', 'web'), ['compose.yaml:4']);
    // Without --profile, profiled services are scanned too.
    assert.deepEqual(where(report, 'compose-host-pid', 'debug'), ['compose.yaml:27']);
    // The comment suppresses the socket finding, not the others of the service.
    const socket = report.findings.find((f) => f.slug === 'compose-runtime-socket-mount')!;
    assert.equal(socket.suppressed?.by, 'palisade-comment');
    assert.equal(socket.suppressed?.reason, 'the proxy only reads container labels');
    assert.equal(report.findings.find((f) => f.slug === 'compose-sensitive-host-mount' && f.resource.name === 'proxy')?.suppressed, null);
    // The literal password never reaches the report.
    assert.ok(!JSON.stringify(report).includes('hunter2'));
  });

  it('service labels palisade.dev/waive and palisade.dev/waive-reason waive like Kubernetes annotations', async () => {
    const dir = tree({
      'compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    pid: host\n    labels:\n      palisade.dev/waive: compose-host-pid\n      palisade.dev/waive-reason: the profiler needs host processes\n',
    });
    const { report } = await scanJson(dir);
    const f = report.findings.find((x) => x.slug === 'compose-host-pid')!;
    assert.deepEqual([f.suppressed?.by, f.suppressed?.reason], ['annotation', 'the profiler needs host processes']);
  });

  it('gates like any other finding: exit 1 on a high finding by default', async () => {
    const dir = tree({ 'docker-compose.yml': 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n' });
    const r = await cli(['scan', '.'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /docker-compose\.yml\n[\s\S]*\n {4}4:5 {2}CRITICAL {2}PAL-COMPOSE-0001 compose-privileged /);
  });

  it('the shell environment wins over .env, as docker compose does', async () => {
    const dir = tree({ 'compose.yaml': COMPOSE, 'base/common.yaml': COMMON, '.env': 'WEB_TAG=latest\n' });
    const { report } = await scanJson(dir, [], { WEB_TAG: '1.27' });
    assert.deepEqual(where(report, 'compose-image-latest-tag', 'web'), []);
  });

  it('--profile leaves out services of other profiles', async () => {
    const dir = tree({ 'compose.yaml': COMPOSE, 'base/common.yaml': COMMON });
    const { report } = await scanJson(dir, ['--profile', 'ops']);
    assert.equal(report.findings.filter((f) => f.resource.name === 'debug').length, 0);
    const withDebug = await scanJson(dir, ['--profile', 'debug']);
    assert.deepEqual(where(withDebug.report, 'compose-host-pid', 'debug'), ['compose.yaml:27']);
  });

  it('an unset variable is a warning at its line; a required one (:?) is a scan error (exit 3) at its line', async () => {
    const dir = tree({ 'compose.yaml': 'services:\n  app:\n    image: nginx:${TAG}\n    command: ["${CMD:?CMD is required}"]\n' });
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 3);
    const t = (JSON.parse(r.stdout) as JsonReport).targets.find((x) => x.path === 'compose.yaml')!;
    assert.deepEqual(t.warnings.map((w) => [w.code, w.location.startLine]), [['compose-unset-variable', 3]]);
    assert.deepEqual(t.errors.map((e) => [e.code, e.message, e.location.startLine]), [['compose-interpolation', 'required variable CMD is missing a value: CMD is required', 4]]);
  });

  it('a broken extends file, a cycle and a YAML error are errors with file and line', async () => {
    const dir = tree({
      'compose.yaml': 'services:\n  a:\n    extends: { file: missing.yaml, service: x }\n  b:\n    extends: { file: bad.yaml, service: x }\n  c:\n    extends: c\n',
      'bad.yaml': 'services:\n  x: [unclosed\n',
    });
    const r = await cli(['scan', 'compose.yaml', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 3);
    const errors = (JSON.parse(r.stdout) as JsonReport).targets.flatMap((t) => t.errors.map((e) => `${e.location.path}:${e.location.startLine} ${e.code}`));
    assert.deepEqual(errors, ['compose.yaml:3 compose-extends', 'bad.yaml:3 yaml-syntax', 'compose.yaml:7 compose-extends']);
  });

  it('a YAML file with a services mapping is read as compose whatever its name', async () => {
    const dir = tree({ 'deploy/stack.yml': 'services:\n  app:\n    image: nginx:1.27\n    ipc: host\n' });
    const { report } = await scanJson(dir);
    assert.equal(report.targets.find((t) => t.path === 'deploy/stack.yml')?.kind, 'compose');
    assert.deepEqual(where(report, 'compose-host-ipc', 'app'), ['deploy/stack.yml:4']);
  });

  it('an alias bomb is refused with an error, not expanded', async () => {
    const bomb = 'x-a: &a ["x","x","x","x","x","x","x","x","x","x"]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nx-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nservices:\n  app:\n    command: *d\n';
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: tree({ 'compose.yaml': bomb }) });
    assert.equal(r.code, 3);
    assert.equal((JSON.parse(r.stdout) as JsonReport).targets[0]!.errors[0]!.code, 'alias-bomb');
  });
});

const CORPUS = join(SHARED, 'corpus', 'compose');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('compose corpus', () => {
  const paths = files(CORPUS).sort();
  const objects: ConfigObject[] = [];

  it('loads every file without a crash; errors only where compose itself would fail', () => {
    assert.ok(paths.length >= 250, `${paths.length} files`);
    const errors: string[] = [];
    const start = performance.now();
    for (const p of paths) {
      const r = loadComposeFile(readFileSync(p, 'utf8'), p, relative(CORPUS, p), { env: {} });
      objects.push(...r.objects);
      for (const e of r.errors) errors.push(`${e.location.path}:${e.location.startLine} ${e.code}`);
    }
    const ms = performance.now() - start;
    const services = objects.filter((o) => o.kind === 'ComposeService').length;
    assert.ok(services >= 500, `${services} services`);
    // docker/compose's own test of a required variable: `${ID:?ID variable must be set}`.
    assert.deepEqual(errors, ['docker__compose/pkg/e2e/testdata/TestUpImageID/compose.yaml:3 compose-interpolation']);
    // 290 files, 2.3 MB: well under a second warm; room for a loaded CI machine.
    assert.ok(ms < 15_000, `loading took ${ms.toFixed(0)} ms`);
    // extends across files of the corpus resolve: docker/compose's publish test extends `foo` (image: bar) of common.yaml.
    const test = objects.find((o) => o.kind === 'ComposeService' && o.name === 'test' && o.file === 'docker__compose/pkg/compose/testdata/publish/compose.yaml');
    assert.deepEqual(test?.value, { image: 'bar' });
  });

  it('runs every compose check without a crash; findings point at real lines; the common checks fire', () => {
    const checks = BUILTIN_CHECKS.filter((c) => c.meta.target === 'compose');
    assert.ok(checks.length >= 22, `${checks.length} compose checks`);
    const res = runChecks(
      checks.map((check) => ({ check, options: check.options ? check.options.parse({ allowedRegistries: ['docker.io/library'] }) : {}, severity: check.meta.severity })),
      objects,
    );
    assert.deepEqual(res.crashes.map((c) => c.issue.message), []);
    const lines = new Map(paths.map((p) => [relative(CORPUS, p), readFileSync(p, 'utf8').split('\n').length]));
    for (const f of res.findings) {
      const n = lines.get(f.location.path);
      assert.ok(n !== undefined && f.location.startLine >= 1 && f.location.startLine <= n, `${f.slug} at ${f.location.path}:${f.location.startLine}`);
    }
    const perCheck = new Map<string, number>();
    for (const f of res.findings) perCheck.set(f.slug, (perCheck.get(f.slug) ?? 0) + 1);
    for (const slug of ['compose-env-credential-literal', 'compose-sensitive-port-public', 'compose-image-latest-tag', 'compose-runtime-socket-mount', 'compose-sensitive-host-mount', 'compose-added-capabilities', 'compose-runs-as-root']) {
      assert.ok((perCheck.get(slug) ?? 0) > 0, `${slug} found nothing in the corpus`);
    }
    // The docker-library docs publish their databases' passwords as literal examples; `${VAR}` references never count.
    for (const f of res.findings.filter((x) => x.slug === 'compose-env-credential-literal')) assert.ok(!/\$\{/.test(f.message));
  });
});
