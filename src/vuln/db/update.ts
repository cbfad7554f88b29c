import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { randomBytes } from 'node:crypto';
import { ECOSYSTEMS } from '../../ecosystems/index.js';
import { importPath } from './import.js';
import type { ImportIssue, ImportLimits } from './import.js';
import type { AdvisoryDb } from './store.js';

export const OSV_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/**
 * Every OSV ecosystem Palisade reads packages of (the ecosystem registry's `osvNames`), so `db update` fetches exactly
 * what a scan can match. osv.dev publishes `<Ecosystem>/all.zip` for each.
 */
export const DEFAULT_UPDATE_ECOSYSTEMS: readonly string[] = ECOSYSTEMS.flatMap((e) => e.osvNames);

export interface UpdateProgress {
  ecosystem: string;
  received: number;
  total?: number;
}

export interface UpdateOptions {
  ecosystems: string[];
  /** Defaults to osv.dev's bucket. Must be https, except on the loopback interface. */
  baseUrl?: string;
  now: Date;
  fetchImpl?: typeof fetch;
  onProgress?(e: UpdateProgress): void;
  /** Where downloads are written before import (next to the database, so the temp file is on the same disk). */
  cacheDir: string;
  /** Time to the response headers. Default 30 s. */
  headersTimeoutMs?: number;
  /** Longest pause in the body before the download is abandoned. Default 60 s. */
  idleTimeoutMs?: number;
  /** Refuse bodies larger than this. Default 4 GiB. */
  maxDownloadBytes?: number;
  limits?: Partial<ImportLimits>;
}

export interface EcosystemUpdate {
  ecosystem: string;
  source: string;
  url: string;
  /** `unchanged`: the server answered 304 to the stored ETag / Last-Modified; nothing was downloaded or written. */
  status: 'updated' | 'unchanged' | 'error';
  /** Advisories the source holds after an update. */
  records?: number;
  bytes?: number;
  skipped?: ImportIssue[];
  /** Why it failed; the ecosystem's previous rows are kept. */
  message?: string;
}

export interface UpdateResult {
  results: EcosystemUpdate[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Plain http would let anyone on the path rewrite the advisories a CI gate trusts; only tests on loopback may use it. */
export function checkAdvisoryUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a URL: ${url}`);
  }
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u;
  throw new Error(`refusing to download advisories from ${u.protocol}//${u.host}: use https (plain http is accepted only for 127.0.0.1/localhost)`);
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as Error & { cause?: unknown }).cause;
  const c = cause instanceof Error ? cause.message : undefined;
  return c && c !== e.message ? `${e.message} (${c})` : e.message;
}

async function download(url: URL, file: string, ecosystem: string, headers: Record<string, string>, opts: UpdateOptions): Promise<
  { status: 304 } | { status: 200; bytes: number; etag?: string; lastModified?: string }
> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error(`no response within ${opts.headersTimeoutMs ?? 30_000} ms`)), opts.headersTimeoutMs ?? 30_000);
  try {
    const res = await fetchImpl(url, { headers, signal: controller.signal, redirect: 'follow' });
    checkAdvisoryUrl(res.url || url.href);
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: 304 };
    }
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    }
    const lengthHeader = res.headers.get('content-length');
    const total = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    const max = opts.maxDownloadBytes ?? 4 * 1024 ** 3;
    if (total !== undefined && total > max) throw new Error(`the server announces ${total} bytes, over the ${max}-byte limit`);
    const idle = opts.idleTimeoutMs ?? 60_000;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error(`download stalled: no data for ${idle} ms`)), idle);
    };
    arm();
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        received += chunk.length;
        if (received > max) {
          cb(new Error(`download larger than the ${max}-byte limit`));
          return;
        }
        arm();
        opts.onProgress?.({ ecosystem, received, ...(total !== undefined ? { total } : {}) });
        cb(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>), counter, createWriteStream(file));
    // A server that closes early without chunked framing ends the body "cleanly"; the announced length tells us.
    if (total !== undefined && received !== total) throw new Error(`download ended after ${received} of ${total} bytes`);
    const out: { status: 200; bytes: number; etag?: string; lastModified?: string } = { status: 200, bytes: received };
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (etag) out.etag = etag;
    if (lastModified) out.lastModified = lastModified;
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Downloads osv.dev's `all.zip` for each ecosystem and imports it as source `osv:<Ecosystem>`, each in its own
 * transaction. A conditional request skips an unchanged export; a failed download or import leaves that ecosystem's
 * previous rows untouched and the next ecosystem is still tried.
 */
export async function updateFromOsv(db: AdvisoryDb, opts: UpdateOptions): Promise<UpdateResult> {
  const base = checkAdvisoryUrl((opts.baseUrl ?? OSV_BASE_URL).replace(/\/+$/, ''));
  await mkdir(opts.cacheDir, { recursive: true });
  const results: EcosystemUpdate[] = [];
  for (const ecosystem of opts.ecosystems) {
    const source = `osv:${ecosystem}`;
    const url = new URL(`${base.href.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`);
    const result: EcosystemUpdate = { ecosystem, source, url: url.href, status: 'error' };
    results.push(result);
    const previous = db.source(source);
    const headers: Record<string, string> = {};
    if (previous?.etag) headers['if-none-match'] = previous.etag;
    if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
    const file = join(opts.cacheDir, `.download-${ecosystem.replace(/[^A-Za-z0-9.-]/g, '_')}-${randomBytes(6).toString('hex')}.zip`);
    try {
      const got = await download(url, file, ecosystem, headers, opts);
      if (got.status === 304) {
        result.status = 'unchanged';
        if (previous) result.records = previous.records;
        continue;
      }
      result.bytes = got.bytes;
      const imported = await importPath(db, file, {
        sourceName: source,
        now: opts.now,
        ...(opts.limits ? { limits: opts.limits } : {}),
        expectZip: true,
        requireRecords: true,
        origin: { kind: 'osv', url: url.href, ...(got.etag ? { etag: got.etag } : {}), ...(got.lastModified ? { lastModified: got.lastModified } : {}) },
      });
      result.skipped = imported.skipped.map((s) => ({ where: s.where.replace(file, 'all.zip'), reason: s.reason }));
      if (imported.errors.length > 0) {
        result.message = imported.errors.map((e) => `${e.where.replace(file, url.href)}: ${e.reason}`).join('; ');
        continue;
      }
      result.status = 'updated';
      result.records = imported.records;
    } catch (e) {
      result.message = errorText(e);
    } finally {
      await rm(file, { force: true });
    }
  }
  return { results };
}
