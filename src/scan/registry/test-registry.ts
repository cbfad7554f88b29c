/**
 * TESTS ONLY (never imported by product code): a private, real OCI registry (Debian's `docker-registry`, the CNCF
 * distribution registry) on 127.0.0.1 with a temp config, optionally with TLS (self-signed cert made with openssl),
 * htpasswd basic auth (file made with `htpasswd -Bbn`), or token auth served by a tiny bearer-token server in this
 * process. Images are pushed with `skopeo`. Install: `apt-get install docker-registry skopeo apache2-utils openssl`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createPrivateKey, createPublicKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

function findTool(name: string): string | undefined {
  for (const d of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin']) {
    if (!d) continue;
    try {
      accessSync(join(d, name), constants.X_OK);
      return join(d, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Why the registry tests cannot run here, or undefined. */
export function registryUnavailableReason(): string | undefined {
  const missing = ['docker-registry', 'skopeo', 'htpasswd', 'openssl'].filter((t) => !findTool(t));
  return missing.length > 0 ? `${missing.join(', ')} not installed: apt-get install docker-registry skopeo apache2-utils openssl` : undefined;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface TestRegistry {
  host: string;
  /** PEM of the registry's self-signed certificate (TLS registries). */
  caFile?: string;
  dir: string;
  log(): string;
  /** Pushes `oci:<layout>:<tag>` to `<host>/<repo>:<tag>` (`all` for an index with every platform). */
  /** Async: the token server runs in this process, so skopeo must not block the event loop. */
  push(layout: string, srcTag: string, dest: string, opts?: { all?: boolean; format?: 'oci' | 'v2s2' }): Promise<void>;
  dispose(): Promise<void>;
}

/** Self-signed certificate for 127.0.0.1 (the TLS server) or a token signer. */
function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
  return { cert, key };
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/** A bearer token server as the distribution token spec describes: basic credentials in, an RS256 JWT with x5c out. */
async function startTokenServer(dir: string, user: string, pass: string, service: string, issuer: string): Promise<{ server: Server; realm: string; cert: string }> {
  const { cert, key } = selfSigned(dir, 'token-signer');
  const der = new X509Certificate(readFileSync(cert)).raw;
  const privateKey = createPrivateKey(readFileSync(key));
  createPublicKey(privateKey);
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString() : '';
    if (given !== `${user}:${pass}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
      return;
    }
    const access = url.searchParams.getAll('scope').flatMap((s) => {
      const [type, name, actions] = s.split(':');
      return type && name && actions ? [{ type, name, actions: actions.split(',') }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [der.toString('base64')] }));
    const claims = b64url(JSON.stringify({ iss: issuer, sub: user, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access }));
    const sig = b64url(sign('sha256', Buffer.from(`${header}.${claims}`), privateKey));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `${header}.${claims}.${sig}`, expires_in: 300 }));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { server, realm: `http://127.0.0.1:${port}/token`, cert };
}

function ready(port: number, tls: boolean, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  return new Promise((resolve, reject) => {
    const tryOnce = (): void => {
      if (child.exitCode !== null) return reject(new Error(`docker-registry exited (${child.exitCode}): ${log()}`));
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: 500 }, (res) => {
        res.resume();
        resolve();
      });
      req.on('error', () => (Date.now() > deadline ? reject(new Error(`docker-registry did not start: ${log()}`)) : setTimeout(tryOnce, 100)));
      req.end();
    };
    void tls;
    tryOnce();
  });
}

export async function startTestRegistry(opts: { tls?: boolean; htpasswd?: { user: string; pass: string }; token?: { user: string; pass: string } }): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-registry-'));
  const port = await freePort();
  let tokenServer: Server | undefined;
  const lines = ['version: 0.1', 'log:', '  level: error', 'storage:', '  filesystem:', `    rootdirectory: ${join(dir, 'data')}`, '  delete:', '    enabled: true', 'http:', `  addr: 127.0.0.1:${port}`, `  secret: ${randomUUID()}`];
  let caFile: string | undefined;
  if (opts.tls) {
    const { cert, key } = selfSigned(dir, 'registry');
    lines.push('  tls:', `    certificate: ${cert}`, `    key: ${key}`);
    caFile = cert;
  }
  if (opts.htpasswd) {
    writeFileSync(join(dir, 'htpasswd'), run('htpasswd', ['-Bbn', opts.htpasswd.user, opts.htpasswd.pass]));
    lines.push('auth:', '  htpasswd:', '    realm: palisade-test', `    path: ${join(dir, 'htpasswd')}`);
  }
  if (opts.token) {
    const t = await startTokenServer(dir, opts.token.user, opts.token.pass, 'palisade-registry', 'palisade-token-issuer');
    tokenServer = t.server;
    lines.push('auth:', '  token:', `    realm: ${t.realm}`, '    service: palisade-registry', '    issuer: palisade-token-issuer', `    rootcertbundle: ${t.cert}`);
  }
  writeFileSync(join(dir, 'config.yml'), lines.join('\n') + '\n');
  let out = '';
  const child = spawn(findTool('docker-registry')!, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const log = (): string => out.slice(-4000);
  try {
    await ready(port, opts.tls === true, child, log);
  } catch (e) {
    child.kill('SIGKILL');
    tokenServer?.close();
    throw e;
  }
  const host = `127.0.0.1:${port}`;
  const creds = opts.htpasswd ?? opts.token;
  return {
    host,
    ...(caFile ? { caFile } : {}),
    dir,
    log,
    async push(layout, srcTag, dest, p = {}) {
      const args = ['--insecure-policy', 'copy', '--retry-times', '2', '--dest-tls-verify=false', ...(creds ? ['--dest-creds', `${creds.user}:${creds.pass}`] : []), ...(p.all ? ['--all'] : []), ...(p.format ? ['--format', p.format] : []), `oci:${layout}:${srcTag}`, `docker://${host}/${dest}`];
      return new Promise((resolve, reject) => {
        const c = spawn(findTool('skopeo')!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        c.stdout!.resume();
        const timer = setTimeout(() => c.kill('SIGKILL'), 120_000);
        c.on('exit', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve();
          else reject(new Error(`skopeo ${args.join(' ')} failed (${code}): ${err.slice(-2000)}\nregistry log: ${log()}`));
        });
      });
    },
    async dispose() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      await new Promise<void>((r) => (tokenServer ? tokenServer.close(() => r()) : r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
