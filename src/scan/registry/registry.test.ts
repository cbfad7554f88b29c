import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gz, OCI_INDEX, putBlob, putImage, tarOf, tmp, type Desc } from '../image/test-image.js';
import { scanImage } from '../image/index.js';
import { imageInventory } from '../inventory/index.js';
import { parseChallenges, resolveCredentials } from './auth.js';
import { formatImageReference, isLoopbackHost, parseImageReference } from './reference.js';
import { registryUnavailableReason, startTestRegistry, type TestRegistry } from './test-registry.js';

describe('parseImageReference', () => {
  const cases: [string, string][] = [
    ['alpine', 'docker.io/library/alpine:latest'],
    ['alpine:3.19', 'docker.io/library/alpine:3.19'],
    ['docker.io/alpine', 'docker.io/library/alpine:latest'],
    ['index.docker.io/bitnami/redis:7', 'docker.io/bitnami/redis:7'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['ghcr.io/org/team/app:v1.2.3', 'ghcr.io/org/team/app:v1.2.3'],
    ['localhost/app', 'localhost/app:latest'],
    ['localhost:5000/app:dev', 'localhost:5000/app:dev'],
    ['127.0.0.1:5000/a/b@sha256:' + 'a'.repeat(64), '127.0.0.1:5000/a/b@sha256:' + 'a'.repeat(64)],
    ['registry:quay.io/x/y:1@sha256:' + 'b'.repeat(64), 'quay.io/x/y:1@sha256:' + 'b'.repeat(64)],
    ['docker://gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian12:nonroot'],
  ];
  for (const [input, want] of cases) it(`${input} → ${want}`, () => assert.equal(formatImageReference(parseImageReference(input)), want));
  it('uses registry-1.docker.io for the Docker Hub API', () => assert.equal(parseImageReference('alpine').apiHost, 'registry-1.docker.io'));
  for (const bad of ['', 'Alpine', 'app:bad tag', 'app@sha256:123', 'a//b', 'ghcr.io/-x/y'])
    it(`rejects ${JSON.stringify(bad)}`, () => assert.throws(() => parseImageReference(bad), /image reference|invalid/));
  it('knows loopback hosts', () => {
    assert.ok(isLoopbackHost('localhost:5000') && isLoopbackHost('127.0.0.1') && isLoopbackHost('[::1]:5000'));
    assert.ok(!isLoopbackHost('127.example.com') && !isLoopbackHost('ghcr.io'));
  });
});

describe('auth helpers', () => {
  it('parses bearer and basic challenges', () => {
    assert.deepEqual(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'), [
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' } },
    ]);
    assert.deepEqual(parseChallenges('Basic realm="x"'), [{ scheme: 'basic', params: { realm: 'x' } }]);
  });

  it('takes credentials from options, then PALISADE_REGISTRY_*, then docker config auths', async () => {
    const dir = await tmp();
    const cfg = join(dir, 'config.json');
    writeFileSync(cfg, JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('cfguser:cfg:pass').toString('base64') }, 'https://index.docker.io/v1/': { auth: Buffer.from('hub:hubpass').toString('base64') } }, credHelpers: { 'gcr.io': 'gcloud' } }));
    assert.equal(resolveCredentials('ghcr.io', { username: 'o', password: 'p', env: {}, dockerConfig: cfg }).credentials?.username, 'o');
    assert.equal(resolveCredentials('ghcr.io', { env: { PALISADE_REGISTRY_USERNAME: 'e', PALISADE_REGISTRY_PASSWORD: 'p' }, dockerConfig: cfg }).credentials?.username, 'e');
    const fromCfg = resolveCredentials('ghcr.io', { env: {}, dockerConfig: cfg }).credentials;
    assert.deepEqual([fromCfg?.username, fromCfg?.password], ['cfguser', 'cfg:pass']);
    assert.equal(resolveCredentials('docker.io', { env: {}, dockerConfig: cfg }).credentials?.username, 'hub');
    assert.match(resolveCredentials('gcr.io', { env: {}, dockerConfig: cfg }).note ?? '', /credential helper/);
    assert.equal(resolveCredentials('quay.io', { env: {}, dockerConfig: join(dir, 'absent.json') }).credentials, undefined);
  });
});

/** An OCI layout whose index.json names `tag` → one image, and `multi` → an index of amd64 and arm64 images. */
async function layout(): Promise<{ dir: string; layerDigests: string[] }> {
  const dir = await tmp();
  const l0 = await tarOf([
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' },
    { name: 'var/lib/dpkg/status', content: 'Package: base-files\nStatus: install ok installed\nArchitecture: amd64\nVersion: 12.4+deb12u5\n' },
  ]);
  const l1 = await tarOf([{ name: 'app/node_modules/lodash/package.json', content: '{"name":"lodash","version":"4.17.20"}' }]);
  const img = await putImage(dir, [gz(l0), gz(l1)]);
  const amd = await putImage(dir, [gz(await tarOf([{ name: 'app/node_modules/only-amd64/package.json', content: '{"name":"only-amd64","version":"1.0.0"}' }]))], 'amd64');
  const arm = await putImage(dir, [gz(await tarOf([{ name: 'app/node_modules/only-arm64/package.json', content: '{"name":"only-arm64","version":"1.0.0"}' }]))], 'arm64');
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...amd, platform: { os: 'linux', architecture: 'amd64' } }, { ...arm, platform: { os: 'linux', architecture: 'arm64' } }] };
  const idx: Desc = await putBlob(dir, Buffer.from(JSON.stringify(index)), OCI_INDEX);
  const ref = (d: Desc, name: string): object => ({ ...d, annotations: { 'org.opencontainers.image.ref.name': name } });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [ref(img, 'tag'), ref(idx, 'multi')] }));
  const m = JSON.parse(readFileSync(join(dir, 'blobs/sha256', img.digest.slice(7)), 'utf8')) as { layers: { digest: string }[] };
  return { dir, layerDigests: m.layers.map((l) => l.digest) };
}

describe('registry pulls against a real docker-registry (TLS + htpasswd)', () => {
  const why = registryUnavailableReason();
  let reg: TestRegistry | undefined;
  let img: { dir: string; layerDigests: string[] };
  const env = { PALISADE_REGISTRY_USERNAME: 'palisade', PALISADE_REGISTRY_PASSWORD: 's3cret' };
  before(async () => {
    if (why) return;
    reg = await startTestRegistry({ tls: true, htpasswd: { user: 'palisade', pass: 's3cret' } });
    img = await layout();
    await reg.push(img.dir, 'tag', 'app:1');
    await reg.push(img.dir, 'tag', 'app:v2s2', { format: 'v2s2' });
    await reg.push(img.dir, 'multi', 'app:multi', { all: true });
  });
  after(async () => reg?.dispose());
  const src = (ref: string, extra: object = {}): { kind: 'registry'; ref: string; options: object } => ({ kind: 'registry', ref: `${reg!.host}/${ref}`, options: { caFile: reg!.caFile, env, dockerConfig: '/nonexistent', ...extra } });

  it('pulls and inventories an OCI image with basic auth, streaming layers with their digests', async (t) => {
    if (why) return t.skip(why);
    const r = await imageInventory(src('app:1'), 'app:1', {});
    assert.deepEqual(r.target.errors, [], reg!.log());
    assert.equal(r.distro?.id, 'debian');
    const names = r.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} L${p.layer?.index}`).sort();
    assert.deepEqual(names, ['Debian:12 base-files 12.4+deb12u5 L0', 'npm lodash 4.17.20 L1']);
    assert.deepEqual(r.packages.map((p) => p.layer!.digest).sort(), [...img.layerDigests].sort());
    assert.equal(r.packages.find((p) => p.name === 'lodash')!.location.path, 'app:1!/app/node_modules/lodash/package.json');
  });

  it('reads docker v2 schema 2 manifests too', async (t) => {
    if (why) return t.skip(why);
    const r = await imageInventory(src('app:v2s2'), 'x', {});
    assert.deepEqual(r.target.errors, []);
    assert.equal(r.packages.length, 2);
  });

  it('pulls by digest', async (t) => {
    if (why) return t.skip(why);
    const first = await scanImage(src('app:1'), async () => {});
    const byDigest = await scanImage(src(`app@${first.image.digest}`), async () => {});
    assert.deepEqual(byDigest.issues, []);
    assert.equal(byDigest.image.layers.length, 2);
  });

  it('--platform picks from a multi-platform index; an unknown one lists what is there', async (t) => {
    if (why) return t.skip(why);
    const arm = await imageInventory(src('app:multi'), 'm', { platform: 'linux/arm64' });
    assert.deepEqual(arm.packages.map((p) => p.name), ['only-arm64']);
    const dflt = await imageInventory(src('app:multi'), 'm', {});
    assert.deepEqual(dflt.packages.map((p) => p.name), ['only-amd64']);
    const bad = await imageInventory(src('app:multi'), 'm', { platform: 'linux/s390x' });
    assert.equal(bad.target.errors[0]?.code, 'platform-not-found');
    assert.match(bad.target.errors[0]!.message, /linux\/s390x.*available: linux\/amd64, linux\/arm64/);
  });

  it('a wrong password is a clear authentication error', async (t) => {
    if (why) return t.skip(why);
    const r = await imageInventory(src('app:1', { env: { ...env, PALISADE_REGISTRY_PASSWORD: 'wrong' } }), 'x', {});
    assert.equal(r.target.errors[0]?.code, 'registry-auth-failed');
    assert.match(r.target.errors[0]!.message, /authentication failed for 127\.0\.0\.1:\d+ .*check PALISADE_REGISTRY_USERNAME/);
    assert.ok(!r.target.errors[0]!.message.includes('wrong'), 'password printed');
  });

  it('no credentials: says how to give them; docker config auths work', async (t) => {
    if (why) return t.skip(why);
    const none = await imageInventory(src('app:1', { env: {} }), 'x', {});
    assert.equal(none.target.errors[0]?.code, 'registry-auth-required');
    const dir = await tmp();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [reg!.host]: { auth: Buffer.from('palisade:s3cret').toString('base64') } } }));
    const cfg = await imageInventory(src('app:1', { env: {}, dockerConfig: join(dir, 'config.json') }), 'x', {});
    assert.deepEqual(cfg.target.errors, []);
    assert.equal(cfg.packages.length, 2);
  });

  it('an unknown tag, an unknown repository, an untrusted certificate and an unknown host are clear errors', async (t) => {
    if (why) return t.skip(why);
    const tag = await imageInventory(src('app:nope'), 'x', {});
    assert.equal(tag.target.errors[0]?.code, 'manifest-unknown');
    assert.match(tag.target.errors[0]!.message, /manifest nope not found in 127\.0\.0\.1:\d+\/app/);
    const repo = await imageInventory(src('nothing-here:1'), 'x', {});
    assert.match(repo.target.errors[0]?.code ?? '', /repository-unknown|manifest-unknown/);
    const tls = await imageInventory({ kind: 'registry', ref: `${reg!.host}/app:1`, options: { env } }, 'x', {});
    assert.equal(tls.target.errors[0]?.code, 'registry-tls');
    assert.match(tls.target.errors[0]!.message, /--registry-ca/);
    const host = await imageInventory({ kind: 'registry', ref: 'no-such-host.invalid/app:1', options: { env: {}, dockerConfig: '/nonexistent' } }, 'x', {});
    assert.equal(host.target.errors[0]?.code, 'registry-unreachable');
    assert.match(host.target.errors[0]!.message, /no-such-host\.invalid.*unknown host/);
  });
});

describe('registry pulls against a real docker-registry (plain HTTP on loopback + bearer tokens)', () => {
  const why = registryUnavailableReason();
  let reg: TestRegistry | undefined;
  before(async () => {
    if (why) return;
    reg = await startTestRegistry({ token: { user: 'tok', pass: 'tokpass' } });
    const img = await layout();
    await reg.push(img.dir, 'tag', 'team/app:1');
  });
  after(async () => reg?.dispose());

  it('answers the Bearer challenge at the token realm with basic credentials, then pulls', async (t) => {
    if (why) return t.skip(why);
    const r = await imageInventory({ kind: 'registry', ref: `${reg!.host}/team/app:1`, options: { username: 'tok', password: 'tokpass', env: {}, dockerConfig: '/nonexistent' } }, 'x', {});
    assert.deepEqual(r.target.errors, [], reg!.log());
    assert.equal(r.packages.length, 2);
  });

  it('a token endpoint refusing the credentials is an authentication error', async (t) => {
    if (why) return t.skip(why);
    const r = await imageInventory({ kind: 'registry', ref: `${reg!.host}/team/app:1`, options: { username: 'tok', password: 'bad', env: {}, dockerConfig: '/nonexistent' } }, 'x', {});
    assert.equal(r.target.errors[0]?.code, 'registry-auth-failed');
    assert.match(r.target.errors[0]!.message, /token endpoint/);
  });
});
