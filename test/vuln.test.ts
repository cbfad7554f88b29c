// End to end: `palisade db import`, then `palisade scan` on lockfiles, an OCI layout, a docker archive and an image in a
// real local registry — findings with exact package, version, fixed version, severity and location.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { Report } from '../src/core/report.js';
import { gz, putImage, tarOf, tmp, OCI_INDEX } from '../src/scan/image/test-image.js';
import { dockerSave } from '../src/scan/inventory/test-fixtures.js';
import { registryUnavailableReason, startTestRegistry, type TestRegistry } from '../src/scan/registry/test-registry.js';
import { SHARED, cli, tree } from './helpers.js';

/** Real records from the shared OSV set, picked by id. */
function sharedRecords(file: string, ids: string[]): string[] {
  const lines = gunzipSync(readFileSync(join(SHARED, 'data', 'osv', file))).toString('utf8').split('\n');
  const out = lines.filter((l) => ids.some((id) => l.startsWith(`{"id":"${id}"`) || l.includes(`"id":"${id}",`)));
  assert.equal(out.length, ids.length, `expected ${ids.join(', ')} in ${file}`);
  return out;
}

/** A team's own advisories for its OS and internal packages (OSV format, imported as a private source). */
const PRIVATE = [
  {
    id: 'ACME-2026-0001',
    modified: '2026-11-01T00:00:00Z',
    summary: 'bash in the Acme base image needs the patched build',
    aliases: ['CVE-2099-0001'],
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'Debian:12', name: 'bash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.2.15-2+deb12u1' }] }] }],
  },
  {
    id: 'ACME-2026-0002',
    modified: '2026-11-01T00:00:00Z',
    summary: 'left-pad-internal leaks tokens',
    affected: [{ package: { ecosystem: 'npm', name: '@acme/left-pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.4.2' }] }] }],
    database_specific: { severity: 'LOW' },
  },
].map((r) => JSON.stringify(r));

const DPKG_STATUS = [
  'Package: bash',
  'Status: install ok installed',
  'Architecture: amd64',
  'Version: 5.2.15-2+b2',
  '',
  'Package: libc6',
  'Status: install ok installed',
  'Architecture: amd64',
  'Source: glibc',
  'Version: 2.36-9+deb12u4',
  '',
].join('\n');
const OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n';

let work: string;
let db: string;
const NOW = '2026-11-22T12:00:00Z';

before(async () => {
  work = tree({
    'app/go.mod': 'module example.com/app\n\ngo 1.22.0\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.6.0\n)\n',
    'svc/Cargo.lock': [
      'version = 3',
      '',
      '[[package]]',
      'name = "ansi_term"',
      'version = "0.12.1"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
      '',
      '[[package]]',
      'name = "smallvec"',
      'version = "1.6.0"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
      '',
    ].join('\n'),
    'web/package-lock.json': JSON.stringify(
      {
        name: 'web',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'web', dependencies: { '@acme/left-pad': '^1.0.0' } },
          'node_modules/@acme/left-pad': { version: '1.3.0', dev: true },
        },
      },
      null,
      2,
    ),
  });
  const osv = join(work, 'advisories.jsonl');
  writeFileSync(
    osv,
    [
      ...sharedRecords('Go.jsonl.gz', ['GO-2020-0001', 'GO-2021-0052', 'GO-2023-1737']),
      ...sharedRecords('crates.io.jsonl.gz', ['RUSTSEC-2021-0003', 'RUSTSEC-2021-0139']),
    ].join('\n') + '\n',
  );
  writeFileSync(join(work, 'private.jsonl'), PRIVATE.join('\n') + '\n');
  db = join(work, 'cache', 'osv.sqlite');
  const imp = await cli(['db', 'import', osv, '--db', db], { cwd: work, now: NOW });
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stderr, /imported 5 records/);
  const priv = await cli(['db', 'import', 'private.jsonl', '--source', 'private:acme', '--db', db], { cwd: work, now: NOW });
  assert.equal(priv.code, 0, priv.stderr);
});

async function scanJson(args: string[], env: Record<string, string> = {}): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await cli(['scan', ...args, '--db', db, '--format', 'json', '--fail-on', 'none'], { cwd: work, env, now: NOW });
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const summary = (report: Report): string[] =>
  report.findings
    .filter((f) => f.vulnerability)
    .map((f) => `${f.location.path}:${f.location.startLine} ${f.vulnerability!.package.name}@${f.vulnerability!.package.version} ${f.checkId} ${f.severity} fix=${f.vulnerability!.fixedVersions.join('|')}`)
    .sort();

describe('lockfiles against an imported database', () => {
  it('reports each package, version, fixed version, severity and line; aliases merged', async () => {
    const { code, report } = await scanJson(['.', '--scanners', 'vuln']);
    assert.equal(code, 0);
    assert.deepEqual(summary(report), [
      'app/go.mod:6 github.com/gin-gonic/gin@1.6.0 GO-2021-0052 medium fix=1.7.7',
      'app/go.mod:6 github.com/gin-gonic/gin@1.6.0 GO-2023-1737 medium fix=1.9.1',
      'svc/Cargo.lock:4 ansi_term@0.12.1 RUSTSEC-2021-0139 low fix=',
      'svc/Cargo.lock:9 smallvec@1.6.0 RUSTSEC-2021-0003 critical fix=0.6.14|1.6.1',
      'web/package-lock.json:12 @acme/left-pad@1.3.0 ACME-2026-0002 low fix=1.4.2',
    ]);
    const gin = report.findings.find((f) => f.checkId === 'GO-2021-0052')!;
    assert.deepEqual(gin.vulnerability!.aliases.sort(), ['CVE-2020-28483', 'GHSA-h395-qcrw-5vmq']);
    // The smallest version that clears both gin advisories.
    assert.equal(gin.vulnerability!.upgradeTo, '1.9.1');
    assert.equal(report.findings.find((f) => f.checkId === 'RUSTSEC-2021-0139')!.vulnerability!.informational, 'unmaintained');
    // GO-2020-0001 is fixed in 1.6.0 itself: not reported.
    assert.ok(!report.findings.some((f) => f.checkId === 'GO-2020-0001'));
    // The inventory lists every package with its purl and location.
    const inv = report.inventory!.map((p) => `${p.ecosystem} ${p.name} ${p.version} ${p.purl} ${p.location.path}:${p.location.startLine}`);
    assert.ok(inv.includes('Go github.com/gin-gonic/gin 1.6.0 pkg:golang/github.com/gin-gonic/gin@v1.6.0 app/go.mod:6'), inv.join('\n'));
    assert.ok(inv.includes('npm @acme/left-pad 1.3.0 pkg:npm/%40acme/left-pad@1.3.0 web/package-lock.json:12'), inv.join('\n'));
  });

  it('--ignore-unfixed drops advisories without a fix; --exclude-dev drops dev dependencies', async () => {
    const unfixed = await scanJson(['.', '--scanners', 'vuln', '--ignore-unfixed']);
    assert.ok(!unfixed.report.findings.some((f) => f.checkId === 'RUSTSEC-2021-0139'));
    assert.ok(unfixed.report.findings.some((f) => f.checkId === 'RUSTSEC-2021-0003'));
    const prod = await scanJson(['.', '--scanners', 'vuln', '--exclude-dev']);
    assert.ok(!prod.report.findings.some((f) => f.checkId === 'ACME-2026-0002'));
    assert.ok(prod.report.inventory!.some((p) => p.name === '@acme/left-pad' && p.dev === true));
  });

  it('a waiver names the advisory by any of its IDs, in any case', async () => {
    writeFileSync(
      join(work, 'waivers.yaml'),
      'waivers:\n  - checks: [ghsa-43W2-9j62-hq99]\n    reason: smallvec is only used at build time\n    owner: platform-team\n    expires: 2027-01-31\n',
    );
    const { report } = await scanJson(['svc', '--scanners', 'vuln', '--waivers', 'waivers.yaml']);
    const sv = report.findings.find((f) => f.checkId === 'RUSTSEC-2021-0003')!;
    assert.equal(sv.suppressed?.by, 'waiver-file');
    assert.equal(report.findings.filter((f) => f.suppressed).length, 1);
  });

  it('gates on severity like every other finding', async () => {
    const r = await cli(['scan', 'svc', '--scanners', 'vuln', '--db', db, '--fail-on', 'critical'], { cwd: work, now: NOW });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /smallvec/);
    assert.match(r.stdout, /RUSTSEC-2021-0003/);
  });

  it('without a database: a warning by default, a scan error (exit 3) when vuln is asked for by name', async () => {
    const missing = join(work, 'nope', 'osv.sqlite');
    const byDefault = await cli(['scan', 'app', '--db', missing, '--format', 'json'], { cwd: work, now: NOW });
    assert.equal(byDefault.code, 0, byDefault.stderr);
    const rep = JSON.parse(byDefault.stdout) as Report;
    assert.equal(rep.inventory!.length, 2);
    assert.ok(rep.targets.some((t) => t.warnings.some((w) => w.code === 'no-advisory-database' && /palisade db update/.test(w.message))));
    const explicit = await cli(['scan', 'app', '--scanners', 'vuln', '--db', missing], { cwd: work, now: NOW });
    assert.equal(explicit.code, 3);
    assert.match(explicit.stdout + explicit.stderr, /no advisory database/);
  });

  it('warns when the database is stale', async () => {
    const r = await cli(['scan', 'app', '--scanners', 'vuln', '--db', db, '--format', 'json', '--fail-on', 'none'], { cwd: work, now: '2027-03-01T00:00:00Z' });
    const rep = JSON.parse(r.stdout) as Report;
    assert.ok(rep.targets.some((t) => t.warnings.some((w) => w.code === 'stale-advisory-database')), JSON.stringify(rep.targets));
  });

  it('db import --feed debian reads several tracker lists as one source', async () => {
    const dir = join(SHARED, 'data', 'osv', 'non-osv', 'debian-security-tracker');
    const lists = ['DSA.list', 'DLA.list'].map((f) => join(dir, f));
    const headers = lists.map((f) => readFileSync(f, 'utf8').split('\n').filter((l) => /^\[[^\]]+\] D[SL]A-/.test(l)).length);
    const feedDb = join(work, 'cache', 'debian.sqlite');
    const r = await cli(['db', 'import', '--feed', 'debian', ...lists, '--db', feedDb], { cwd: work, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse((await cli(['db', 'status', '--db', feedDb, '--format', 'json'], { cwd: work, now: NOW })).stdout) as { sources: { name: string; records: number }[] };
    assert.deepEqual(s.sources.map((x) => [x.name, x.records]), [['debian-tracker', headers[0]! + headers[1]!]]);
    // --source names a feed import too, so a second feed source does not replace the first.
    const dtsa = await cli(['db', 'import', '--feed', 'debian', join(dir, 'DTSA.list'), '--source', 'debian-dtsa', '--db', feedDb], { cwd: work, now: NOW });
    assert.equal(dtsa.code, 0, dtsa.stderr);
    const s2 = JSON.parse((await cli(['db', 'status', '--db', feedDb, '--format', 'json'], { cwd: work, now: NOW })).stdout) as { sources: { name: string }[] };
    assert.deepEqual(s2.sources.map((x) => x.name).sort(), ['debian-dtsa', 'debian-tracker']);
  });

  it('db status lists both sources', async () => {
    const r = await cli(['db', 'status', '--db', db, '--format', 'json'], { cwd: work, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { total: number; sources: { name: string; records: number }[] };
    assert.equal(s.total, 7);
    assert.deepEqual(s.sources.map((x) => x.name).sort(), ['file:' + join(work, 'advisories.jsonl'), 'private:acme'].sort());
  });
});

describe('SBOM and VEX', () => {
  it('a CycloneDX SBOM written by one scan is the input of the next, with the same advisories', async () => {
    const first = await cli(['scan', '.', '--scanners', 'vuln', '--db', db, '--format', 'cyclonedx=out/sbom.cdx.json', '--format', 'json', '--fail-on', 'none'], { cwd: work, now: NOW });
    assert.equal(first.code, 0, first.stderr);
    const direct = (JSON.parse(first.stdout) as Report).findings.map((f) => `${f.checkId} ${f.vulnerability!.package.name}@${f.vulnerability!.package.version}`).sort();
    const sbom = JSON.parse(readFileSync(join(work, 'out', 'sbom.cdx.json'), 'utf8')) as { specVersion: string; components: unknown[]; vulnerabilities: unknown[] };
    assert.equal(sbom.specVersion, '1.6');
    assert.equal(sbom.vulnerabilities.length, direct.length);
    const again = await scanJson(['out/sbom.cdx.json', '--scanners', 'vuln']);
    assert.deepEqual(again.report.targets.find((t) => t.path === 'out/sbom.cdx.json')?.kind, 'sbom');
    assert.deepEqual(again.report.findings.map((f) => `${f.checkId} ${f.vulnerability!.package.name}@${f.vulnerability!.package.version}`).sort(), direct);
  });

  it('an OpenVEX statement marks a finding not_affected; a broken VEX file is a usage error with its location', async () => {
    writeFileSync(
      join(work, 'vex.json'),
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://acme.example/vex/1',
        author: 'Acme security',
        timestamp: '2026-11-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2021-25900' },
            products: [{ '@id': 'pkg:cargo/smallvec' }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
            impact_statement: 'we never call insert_many',
          },
        ],
      }),
    );
    const { report } = await scanJson(['svc', '--scanners', 'vuln', '--vex', 'vex.json']);
    const sv = report.findings.find((f) => f.checkId === 'RUSTSEC-2021-0003')!;
    assert.equal(sv.suppressed?.by, 'vex');
    assert.match(sv.suppressed!.reason, /vulnerable_code_not_in_execute_path/);
    assert.equal(report.summary.suppressed, 1);
    const gate = await cli(['scan', 'svc', '--scanners', 'vuln', '--db', db, '--vex', 'vex.json', '--fail-on', 'critical'], { cwd: work, now: NOW });
    assert.equal(gate.code, 0, gate.stdout);
    writeFileSync(join(work, 'bad-vex.json'), '{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [ {"status": "maybe"} ]}');
    const bad = await cli(['scan', 'svc', '--scanners', 'vuln', '--db', db, '--vex', 'bad-vex.json'], { cwd: work, now: NOW });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad-vex\.json:\d+:\d+/);
  });
});

/** A Debian 12 image: dpkg status in layer 0, an npm package in layer 1. */
async function imageLayers() {
  const l0 = await tarOf([
    { name: 'etc/os-release', content: OS_RELEASE },
    { name: 'var/lib/dpkg/status', content: DPKG_STATUS },
  ]);
  const l1 = await tarOf([{ name: 'srv/app/node_modules/@acme/left-pad/package.json', content: '{"name":"@acme/left-pad","version":"1.4.0"}' }]);
  return { l0, l1 };
}

describe('container images', () => {
  it('an OCI layout: OS packages by distro release and language packages, each with its layer', async () => {
    const { l0, l1 } = await imageLayers();
    const dir = await tmp();
    const img = await putImage(dir, [gz(l0), gz(l1)]);
    writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [img] }));
    const { report } = await scanJson(['--image', dir, '--scanners', 'vuln']);
    const bash = report.findings.find((f) => f.checkId === 'ACME-2026-0001');
    assert.ok(bash, JSON.stringify(report.findings.map((f) => f.checkId)));
    assert.equal(bash.severity, 'critical');
    assert.equal(bash.vulnerability!.package.ecosystem, 'Debian:12');
    assert.equal(bash.vulnerability!.package.version, '5.2.15-2+b2');
    assert.deepEqual(bash.vulnerability!.fixedVersions, ['5.2.15-2+deb12u1']);
    assert.equal(bash.vulnerability!.layer?.index, 0);
    assert.match(bash.location.path, /!\/var\/lib\/dpkg\/status$/);
    assert.equal(bash.location.startLine, 1);
    // 1.4.0 sits below the 1.4.2 fix: affected, and attributed to the layer that installed it.
    const pad = report.findings.find((f) => f.checkId === 'ACME-2026-0002');
    assert.equal(pad?.vulnerability!.layer?.index, 1);
    assert.ok(report.inventory!.some((p) => p.name === 'libc6' && p.source?.name === 'glibc'));
  });

  it('a docker save archive', async () => {
    const archive = await dockerSave([
      [
        { name: 'etc/os-release', content: OS_RELEASE },
        { name: 'var/lib/dpkg/status', content: DPKG_STATUS },
      ],
    ]);
    const { report } = await scanJson(['--image', archive, '--scanners', 'vuln']);
    assert.deepEqual(report.findings.map((f) => f.checkId), ['ACME-2026-0001']);
    // By default an image is searched for secrets too; it is still one target.
    const both = await scanJson(['--image', archive]);
    assert.deepEqual(both.report.findings.map((f) => f.checkId), ['ACME-2026-0001']);
    assert.equal(both.report.targets.filter((t) => t.kind === 'image').length, 1, JSON.stringify(both.report.targets));
  });
});

describe('an image in a real local registry (docker-registry, TLS + basic auth)', () => {
  const why = registryUnavailableReason();
  let reg: TestRegistry | undefined;
  before(async () => {
    if (why) return;
    reg = await startTestRegistry({ tls: true, htpasswd: { user: 'ci', pass: 'pa55' } });
    const { l0, l1 } = await imageLayers();
    const dir = await tmp();
    const img = await putImage(dir, [gz(l0), gz(l1)]);
    writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...img, annotations: { 'org.opencontainers.image.ref.name': 'v1' } }] }));
    await reg.push(dir, 'v1', 'acme/web:1.0');
  });
  after(async () => reg?.dispose());

  it('pulls with basic auth and reports the same advisories as the local image', async (t) => {
    if (why) return t.skip(why);
    const env = { PALISADE_REGISTRY_USERNAME: 'ci', PALISADE_REGISTRY_PASSWORD: 'pa55', HOME: work };
    const { report } = await scanJson(['--image', `${reg!.host}/acme/web:1.0`, '--registry-ca', reg!.caFile!, '--scanners', 'vuln'], env);
    assert.deepEqual(report.targets.flatMap((x) => x.errors), []);
    assert.deepEqual(report.findings.map((f) => f.checkId).sort(), ['ACME-2026-0001', 'ACME-2026-0002']);
    const bash = report.findings.find((f) => f.checkId === 'ACME-2026-0001')!;
    assert.equal(bash.location.path, `${reg!.host}/acme/web:1.0!/var/lib/dpkg/status`);
    const wrong = await scanJson(['--image', `${reg!.host}/acme/web:1.0`, '--registry-ca', reg!.caFile!, '--scanners', 'vuln'], { ...env, PALISADE_REGISTRY_PASSWORD: 'nope' });
    assert.ok(wrong.report.targets.some((x) => x.errors.some((e) => e.code === 'registry-auth-failed')), JSON.stringify(wrong.report.targets));
    assert.equal(wrong.code, 3);
  });
});
