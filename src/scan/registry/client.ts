/**
 * A minimal OCI distribution API v2 client: manifests and blobs of one repository, pulled over node:https (node:http only
 * for loopback hosts or when the user allows an insecure registry), with anonymous, basic and bearer-token auth.
 *
 * Transport policy (documented for users in the CLI help of `--insecure-registry`):
 *  - HTTPS with certificate verification by default; `caFile` adds a PEM bundle to Node's trusted roots.
 *  - Loopback hosts (localhost, 127.0.0.0/8, ::1) and `insecure: true` hosts fall back to plain HTTP when the server does
 *    not speak TLS — docker's rule for `insecure-registries`, where localhost is insecure by default.
 *  - `insecure: true` also accepts an unverifiable certificate; loopback alone does not.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { ImageError, digestAlgorithm } from '../image/store.js';
import { parseChallenges, resolveCredentials, type Challenge, type CredentialInputs, type Credentials } from './auth.js';
import { isLoopbackHost, type ImageReference } from './reference.js';

export interface RegistryClientOptions extends CredentialInputs {
  /** Allow plain HTTP and unverified TLS for this registry (`--insecure-registry`). */
  insecure?: boolean;
  /** PEM file of extra trusted CA certificates (`--registry-ca`). */
  caFile?: string;
  /** Socket idle timeout per request. Default 60 s. */
  timeoutMs?: number;
  /** Largest manifest or config accepted. Default 4 MiB (the distribution spec's manifest limit). */
  maxManifestBytes?: number;
}

export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

const USER_AGENT = 'palisade (+https://github.com/palisade)';

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

function drain(res: http.IncomingMessage): void {
  res.resume();
  res.on('error', () => {});
}

async function readBody(res: http.IncomingMessage, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of res as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) {
      res.destroy();
      throw new ImageError('blob-too-large', `${what} is larger than ${max} bytes; refused`);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/** The registry's own error text (`{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}`), when it sent one. */
function registryErrors(body: Buffer): { code: string; message: string }[] {
  try {
    const doc = JSON.parse(body.toString('utf8')) as { errors?: { code?: unknown; message?: unknown }[] };
    return (doc.errors ?? []).map((e) => ({ code: String(e.code ?? ''), message: String(e.message ?? '') }));
  } catch {
    return [];
  }
}

const TLS_TRUST_CODES = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED']);

function isNotTls(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  return e?.code === 'EPROTO' || e?.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long|unknown protocol/i.test(e?.message ?? '');
}

export class RegistryClient {
  private scheme: 'https:' | 'http:' | undefined;
  private readonly httpsAgent: https.Agent;
  private readonly httpAgent: http.Agent;
  private authorization: string | undefined;
  private readonly credentials: Credentials | undefined;
  /** Why no credentials were used although the user may have meant to give some (a credential helper). */
  readonly credentialNote: string | undefined;
  private readonly timeoutMs: number;
  readonly maxManifestBytes: number;

  constructor(
    readonly ref: ImageReference,
    private readonly opts: RegistryClientOptions = {},
  ) {
    let ca: string[] | undefined;
    if (opts.caFile !== undefined) {
      try {
        ca = [...rootCertificates, readFileSync(opts.caFile, 'utf8')];
      } catch (e) {
        throw new ImageError('registry-ca', `cannot read the registry CA file ${opts.caFile}: ${(e as Error).message}`);
      }
    }
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 4, ...(ca ? { ca } : {}), rejectUnauthorized: opts.insecure !== true });
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const c = resolveCredentials(ref.registry, opts);
    this.credentials = c.credentials;
    this.credentialNote = c.note;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.maxManifestBytes = opts.maxManifestBytes ?? 4 << 20;
  }

  close(): void {
    this.httpsAgent.destroy();
    this.httpAgent.destroy();
  }

  private get plainHttpAllowed(): boolean {
    return this.opts.insecure === true || isLoopbackHost(this.ref.apiHost);
  }

  private describeNetworkError(err: unknown, url: URL): ImageError {
    if (err instanceof ImageError) return err;
    const e = err as NodeJS.ErrnoException;
    const host = url.host;
    if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') return new ImageError('registry-unreachable', `cannot reach registry ${host}: unknown host (DNS lookup failed)`);
    if (e?.code === 'ECONNREFUSED') return new ImageError('registry-unreachable', `cannot reach registry ${host}: connection refused`);
    if (e?.code === 'ETIMEDOUT' || e?.code === 'ECONNRESET' || e?.code === 'EHOSTUNREACH' || e?.code === 'ENETUNREACH') return new ImageError('registry-unreachable', `cannot reach registry ${host}: ${e.code}`);
    if (typeof e?.code === 'string' && TLS_TRUST_CODES.has(e.code)) {
      return new ImageError('registry-tls', `the TLS certificate of registry ${host} is not trusted (${e.code}): pass the CA with --registry-ca <file>, or --insecure-registry ${this.ref.registry} for a test registry`);
    }
    if (isNotTls(err)) return new ImageError('registry-tls', `registry ${host} does not speak TLS; plain HTTP is used only for loopback hosts or with --insecure-registry ${this.ref.registry}`);
    return new ImageError('registry-error', `request to registry ${host} failed: ${e?.message ?? String(err)}`);
  }

  /** One HTTP exchange, redirects followed (Authorization dropped when the origin changes: blob storage is elsewhere). */
  private async exchange(method: 'GET' | 'HEAD', url: URL, headers: Record<string, string>): Promise<Response> {
    for (let hop = 0; hop <= 5; hop++) {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const mod = url.protocol === 'http:' ? http : https;
        const req = mod.request(url, { method, headers: { 'user-agent': USER_AGENT, ...headers }, agent: url.protocol === 'http:' ? this.httpAgent : this.httpsAgent });
        req.setTimeout(this.timeoutMs, () => req.destroy(new ImageError('registry-unreachable', `registry ${url.host} did not answer within ${this.timeoutMs / 1000} s`)));
        req.on('response', resolve);
        req.on('error', reject);
        req.end();
      });
      const loc = res.headers.location;
      if (res.statusCode !== undefined && [301, 302, 303, 307, 308].includes(res.statusCode) && loc) {
        drain(res);
        const next = new URL(loc, url);
        if (next.protocol !== 'https:' && !(next.protocol === 'http:' && url.protocol === 'http:')) {
          throw new ImageError('registry-error', `registry ${url.host} redirected to ${next.protocol}//${next.host}, refusing to downgrade from HTTPS`);
        }
        if (next.origin !== url.origin) delete headers.authorization;
        url = next;
        continue;
      }
      return { status: res.statusCode ?? 0, headers: res.headers, body: res };
    }
    throw new ImageError('registry-error', `registry ${url.host}: too many redirects`);
  }

  private async send(method: 'GET' | 'HEAD', path: string, headers: Record<string, string>): Promise<Response> {
    const attempt = async (scheme: 'https:' | 'http:'): Promise<Response> => {
      const url = new URL(`${scheme}//${this.ref.apiHost}${path}`);
      const h = { ...headers, ...(this.authorization ? { authorization: this.authorization } : {}) };
      try {
        return await this.exchange(method, url, h);
      } catch (err) {
        throw this.scheme === undefined && scheme === 'https:' && this.plainHttpAllowed && isNotTls(err) ? err : this.describeNetworkError(err, url);
      }
    };
    if (this.scheme === undefined) {
      try {
        const r = await attempt('https:');
        this.scheme = 'https:';
        return r;
      } catch (err) {
        if (!(this.plainHttpAllowed && isNotTls(err))) throw err;
        this.scheme = 'http:';
      }
    }
    return attempt(this.scheme);
  }

  private authFailed(detail: string): ImageError {
    const src = this.credentials?.source;
    return new ImageError(
      'registry-auth-failed',
      `authentication failed for ${this.ref.registry} (${detail}) with credentials from ${src}: check PALISADE_REGISTRY_USERNAME and PALISADE_REGISTRY_PASSWORD (or the docker config's auths entry for ${this.ref.registry})`,
    );
  }

  private authRequired(): ImageError {
    return new ImageError(
      'registry-auth-required',
      `${this.ref.registry}/${this.ref.repository} needs authentication and no credentials were found: set PALISADE_REGISTRY_USERNAME and PALISADE_REGISTRY_PASSWORD, or log in with docker so ~/.docker/config.json has an auths entry${this.credentialNote ? ` (${this.credentialNote})` : ''}`,
    );
  }

  private basic(): string | undefined {
    return this.credentials ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}` : undefined;
  }

  /** The bearer token flow: GET realm?service=&scope= (with basic credentials when we have them) → token. */
  private async fetchToken(ch: Challenge): Promise<string> {
    const realm = ch.params.realm;
    if (!realm) throw new ImageError('registry-error', `registry ${this.ref.registry} asked for a bearer token without naming a realm`);
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new ImageError('registry-error', `registry ${this.ref.registry} named an invalid token realm ${JSON.stringify(realm)}`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (this.plainHttpAllowed || isLoopbackHost(url.host)))) {
      throw new ImageError('registry-error', `registry ${this.ref.registry} named a token realm over plain HTTP (${url.origin}); refusing to send credentials there`);
    }
    if (ch.params.service) url.searchParams.set('service', ch.params.service);
    url.searchParams.set('scope', ch.params.scope ?? `repository:${this.ref.repository}:pull`);
    const basic = this.basic();
    let res: Response;
    try {
      res = await this.exchange('GET', url, basic ? { authorization: basic } : {});
    } catch (err) {
      throw this.describeNetworkError(err, url);
    }
    const body = await readBody(res.body, 1 << 20, 'token response');
    if (res.status === 401 || res.status === 403) {
      if (this.credentials) throw this.authFailed(`token endpoint ${url.host} answered ${res.status}`);
      throw this.authRequired();
    }
    if (res.status !== 200) throw new ImageError('registry-error', `token endpoint ${url.host} answered HTTP ${res.status}`);
    let token: unknown;
    try {
      const doc = JSON.parse(body.toString('utf8')) as { token?: unknown; access_token?: unknown };
      token = doc.token ?? doc.access_token;
    } catch {
      /* handled below */
    }
    if (typeof token !== 'string' || token === '') throw new ImageError('registry-error', `token endpoint ${url.host} returned no token`);
    return token;
  }

  /** A request with the auth dance: on 401, answer the challenge once and retry; a second 401 is a credentials problem. */
  private async request(method: 'GET' | 'HEAD', path: string, headers: Record<string, string>): Promise<Response> {
    let res = await this.send(method, path, headers);
    if (res.status !== 401) return res;
    const hadAuth = this.authorization !== undefined;
    drain(res.body);
    const challenges = parseChallenges(res.headers['www-authenticate']);
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basicCh = challenges.find((c) => c.scheme === 'basic');
    if (bearer) this.authorization = `Bearer ${await this.fetchToken(bearer)}`;
    else if (basicCh) {
      if (!this.credentials) throw this.authRequired();
      if (hadAuth) throw this.authFailed('the registry rejected the username or password');
      this.authorization = this.basic();
    } else throw new ImageError('registry-error', `registry ${this.ref.registry} answered 401 without a usable WWW-Authenticate challenge`);
    res = await this.send(method, path, headers);
    if (res.status === 401) {
      drain(res.body);
      if (!this.credentials) throw this.authRequired();
      throw this.authFailed('the registry rejected the username or password');
    }
    return res;
  }

  private async failure(res: Response, what: string): Promise<ImageError> {
    const body = await readBody(res.body, 64 << 10, 'error response').catch(() => Buffer.alloc(0));
    const errs = registryErrors(body);
    const codes = new Set(errs.map((e) => e.code));
    const where = `${this.ref.registry}/${this.ref.repository}`;
    if (res.status === 404 || codes.has('MANIFEST_UNKNOWN') || codes.has('NAME_UNKNOWN') || codes.has('BLOB_UNKNOWN')) {
      if (codes.has('NAME_UNKNOWN')) return new ImageError('repository-unknown', `repository ${where} does not exist on ${this.ref.registry}`);
      if (what.startsWith('manifest')) return new ImageError('manifest-unknown', `${what} not found in ${where} (manifest unknown: check the tag or digest)`);
      return new ImageError('missing-blob', `${what} not found in ${where}`);
    }
    if (res.status === 403 || codes.has('DENIED')) {
      return new ImageError('registry-denied', `access to ${where} denied${this.credentials ? ` for the credentials from ${this.credentials.source}` : ' (no credentials given)'}${errs[0] ? `: ${errs[0].message}` : ''}`);
    }
    if (res.status === 429 || codes.has('TOOMANYREQUESTS')) return new ImageError('registry-rate-limited', `registry ${this.ref.registry} is rate-limiting pulls (HTTP 429); try later or authenticate`);
    return new ImageError('registry-error', `registry ${this.ref.registry} answered HTTP ${res.status} for ${what}${errs[0] ? `: ${errs[0].code} ${errs[0].message}` : ''}`);
  }

  /** `/v2/<name>/manifests/<reference>` with every supported media type; the body is digest-verified when `reference` is a digest. */
  async manifest(reference: string): Promise<{ doc: unknown; mediaType: string; digest: string }> {
    const what = `manifest ${reference}`;
    const res = await this.request('GET', `/v2/${this.ref.repository}/manifests/${reference}`, { accept: MANIFEST_MEDIA_TYPES.join(', ') });
    if (res.status !== 200) throw await this.failure(res, what);
    const body = await readBody(res.body, this.maxManifestBytes, what);
    const alg = reference.includes(':') ? digestAlgorithm(reference) : 'sha256';
    const actual = `${alg}:${createHash(alg).update(body).digest('hex')}`;
    if (reference.includes(':') && actual !== reference) throw new ImageError('digest-mismatch', `${what}: content digest ${actual} does not match the digest asked for`);
    let doc: unknown;
    try {
      doc = JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new ImageError('invalid-json', `${what} from ${this.ref.registry} is not valid JSON: ${(e as Error).message}`);
    }
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    return { doc, mediaType, digest: actual };
  }

  /** A small blob (image config) read whole and digest-verified. */
  async blobJson(digest: string, what: string): Promise<unknown> {
    const res = await this.request('GET', `/v2/${this.ref.repository}/blobs/${digest}`, {});
    if (res.status !== 200) throw await this.failure(res, what);
    const body = await readBody(res.body, this.maxManifestBytes, what);
    const alg = digestAlgorithm(digest);
    const actual = `${alg}:${createHash(alg).update(body).digest('hex')}`;
    if (actual !== digest) throw new ImageError('digest-mismatch', `${what}: content digest ${actual} does not match ${digest}`);
    try {
      return JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new ImageError('invalid-json', `${what} is not valid JSON: ${(e as Error).message}`);
    }
  }

  /** The first `n` bytes of a blob (a Range request; servers that ignore Range are cut off after `n`). */
  async blobHead(digest: string, n: number): Promise<Buffer> {
    const res = await this.request('GET', `/v2/${this.ref.repository}/blobs/${digest}`, { range: `bytes=0-${n - 1}` });
    if (res.status !== 200 && res.status !== 206) throw await this.failure(res, `blob ${digest}`);
    const chunks: Buffer[] = [];
    let got = 0;
    for await (const c of res.body as AsyncIterable<Buffer>) {
      chunks.push(c);
      got += c.length;
      if (got >= n) break;
    }
    res.body.destroy();
    return Buffer.concat(chunks).subarray(0, n);
  }

  /**
   * A blob as a stream (never buffered whole). `expectedSize` caps it: a registry sending more than the manifest
   * declared is cut off with an error, so a hostile server cannot feed us without end.
   */
  openBlob(digest: string, expectedSize: number): Readable {
    const out = new PassThrough({ highWaterMark: 1 << 16 });
    let sent = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
        sent += chunk.length;
        if (sent > expectedSize) cb(new ImageError('blob-too-large', `blob ${digest} is larger than the ${expectedSize} bytes its descriptor declares`));
        else cb(null, chunk);
      },
    });
    this.request('GET', `/v2/${this.ref.repository}/blobs/${digest}`, {}).then(
      async (res) => {
        if (res.status !== 200) {
          out.destroy(await this.failure(res, `blob ${digest}`));
          return;
        }
        const fail = (e: Error): void => {
          if (!out.destroyed) out.destroy(e instanceof ImageError ? e : new ImageError('registry-error', `download of blob ${digest} failed: ${e.message}`));
        };
        res.body.on('error', fail);
        cap.on('error', fail);
        out.on('close', () => res.body.destroy());
        res.body.pipe(cap).pipe(out);
      },
      (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
    );
    return out;
  }
}
