/**
 * Container image reader: streams every layer of an OCI layout (directory or tar) or a
 * `docker save` archive, entry by entry, to a callback. Nothing is unpacked to disk and no
 * file content is held in memory; only paths are kept, to work out which files a later layer
 * deletes or replaces (they still ship in the image).
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform, pipeline } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { resolveDockerSave, resolveOci } from './resolve.js';
import type { LayerPlan, ResolvedImage } from './resolve.js';
import { DirStore, ImageError, TarStore, digestAlgorithm, normalisePath } from './store.js';
import type { Store } from './store.js';
import { StreamSource, TarFormatError, tarEntries } from './tar-reader.js';
import type { ByteSource } from './tar-reader.js';
import { openRegistryImage, type RegistrySource } from '../registry/index.js';

export { normalisePath } from './store.js';

export interface ImageFileEntry {
  layer: number;
  layerDigest: string;
  /** Normalised: no leading '/', '/'-separated, no '.' or '..' segments. */
  path: string;
  type: 'file' | 'symlink' | 'hardlink' | 'dir' | 'other';
  size: number;
  /** Permission bits from the tar header (e.g. 0o755); lets readers pick executables without reading every file. */
  mode: number;
  /** Symlink target as stored (never followed), or the normalised hard-link target. */
  linkTarget?: string;
  /**
   * Content of a regular file. Read it (or not) before the callback's promise settles: once
   * it settles the reader moves on and skips whatever was left unread.
   */
  stream?: NodeJS.ReadableStream;
}

export interface ImageIssue {
  code: string;
  message: string;
  layer?: number;
  path?: string;
  level: 'error' | 'warning';
}

export interface ScanImageOptions {
  /** 'os/arch' or 'os/arch/variant', to choose from a multi-platform index. */
  platform?: string;
  /** Content of larger files is not streamed (warning 'file-too-large'). Default: no limit. */
  maxFileBytes?: number;
  /** Decompressed bytes per layer; beyond it the layer stops with error 'layer-too-large'. Default 8 GiB. */
  maxLayerBytes?: number;
  /** Tar records per layer. Default 1e6. */
  maxEntries?: number;
  /** Path segments. Default 256. */
  maxPathDepth?: number;
}

export interface ImageScanResult {
  image: { digest?: string; layers: { digest: string; mediaType: string; size: number }[]; os?: string; architecture?: string };
  issues: ImageIssue[];
  /** Regular files of layer `layer` that layer `deletedInLayer` deletes (whiteout, opaque directory) or replaces. */
  deleted: { path: string; layer: number; deletedInLayer: number }[];
}

const GiB = 1024 ** 3;

/** Per-layer path records, for the deleted/replaced computation. Paths only, never contents. */
interface LayerPaths {
  files: Set<string>;
  /** Any non-directory entry: replaces the same path and hides everything under it. */
  nonDirs: Set<string>;
  dirs: Set<string>;
  /** Whiteout targets: delete the path and everything under it. */
  whiteouts: Set<string>;
  /** Opaque directories ('' = the root): hide everything below them from lower layers. */
  opaque: Set<string>;
}

const newLayerPaths = (): LayerPaths => ({ files: new Set(), nonDirs: new Set(), dirs: new Set(), whiteouts: new Set(), opaque: new Set() });

type Compression = 'none' | 'gzip' | 'zstd' | 'xz' | 'bzip2';

function detectCompression(head: Buffer): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2';
  return 'none';
}

class HashTap extends Transform {
  readonly hash: Hash;
  bytes = 0;
  constructor(alg: string) {
    super();
    this.hash = createHash(alg);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      cb(new ImageError('layer-too-large', `layer decompresses to more than ${this.limit} bytes (maxLayerBytes); possible decompression bomb — stopped reading it`));
      return;
    }
    cb(null, chunk);
  }
}

/** A regular file's content, read on demand from the layer's byte source. */
class EntryStream extends Readable {
  private remaining: number;
  private inflight: Promise<void> | null = null;
  private detached = false;
  /** Set when the layer itself failed under the reader (corrupt data, size limit), as opposed to the consumer. */
  sourceError: unknown = undefined;

  constructor(
    private readonly src: ByteSource,
    size: number,
  ) {
    super({ highWaterMark: 1 << 16 });
    this.remaining = size;
    this.on('error', () => {}); // errors reach readers via read()/for-await/pipe; an unheard one must not crash the process
  }

  override _read(): void {
    if (this.inflight || this.detached) return;
    if (this.remaining === 0) {
      this.push(null);
      return;
    }
    this.inflight = this.src.pull(Math.min(this.remaining, 1 << 16)).then(
      (chunk) => {
        this.inflight = null;
        if (this.detached) return;
        if (!chunk) {
          this.sourceError = new TarFormatError('layer data ended inside a file (truncated layer)');
          this.destroy(new Error('layer data ended inside a file (truncated layer)'));
          return;
        }
        this.remaining -= chunk.length;
        this.push(chunk);
        if (this.remaining === 0) this.push(null);
      },
      (err: unknown) => {
        this.inflight = null;
        this.sourceError = err ?? new Error('layer read failed');
        if (!this.detached) this.destroy(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  /** Stop serving the consumer; wait for any read in progress so the tar reader owns the source again. */
  async detach(): Promise<void> {
    this.detached = true;
    if (this.inflight) await this.inflight;
    if (!this.destroyed && !this.readableEnded) this.destroy();
  }
}

function describe(err: unknown): { code: string; message: string } {
  if (err instanceof ImageError) return { code: err.code, message: err.message };
  if (err instanceof TarFormatError) return { code: err.code, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return { code: 'missing-blob', message: `file not found: ${e.message}` };
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return { code: 'corrupt-layer', message: `gzip data is corrupt: ${e.message}` };
  if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') return { code: 'corrupt-layer', message: 'layer stream closed early' };
  return { code: 'read-error', message: e instanceof Error ? e.message : String(err) };
}

function isImageProblem(err: unknown): boolean {
  if (err instanceof ImageError || err instanceof TarFormatError) return true;
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('E') || code.startsWith('ERR_STREAM'));
}

interface Ctx {
  store: Store;
  onFile: (e: ImageFileEntry) => Promise<void>;
  issues: ImageIssue[];
  maxFileBytes: number;
  maxLayerBytes: number;
  maxEntries: number;
  maxPathDepth: number;
}

/** Marks errors thrown by the caller's callback, which are rethrown rather than reported. */
class CallbackError extends Error {
  constructor(readonly inner: unknown) {
    super('onFile failed');
  }
}

async function scanLayer(ctx: Ctx, index: number, plan: LayerPlan, paths: LayerPaths): Promise<void> {
  const { store, issues } = ctx;
  const issue = (level: 'error' | 'warning', code: string, message: string, path?: string): void => {
    const i: ImageIssue = { level, code, message: `layer ${index}: ${message}`, layer: index };
    if (path !== undefined) i.path = path;
    issues.push(i);
  };

  const size = await store.size(plan.path);
  if (size === undefined) {
    issue('error', 'missing-blob', `blob ${plan.path} (${plan.digest}) is missing`);
    return;
  }
  const compression = detectCompression(await store.head(plan.path, 8));
  if (compression === 'zstd' || compression === 'xz' || compression === 'bzip2' || (/zstd/.test(plan.mediaType) && compression === 'none')) {
    const what = compression === 'none' ? 'zstd (by media type)' : compression;
    issue('error', 'unsupported-compression', `${what} compressed layers are not supported (media type ${plan.mediaType}); layer not scanned`);
    return;
  }

  const alg = plan.verify ? digestAlgorithm(plan.verify.digest) : 'sha256';
  const blobTap = new HashTap(alg);
  const tarTap = new HashTap(alg);
  const limit = new ByteLimit(ctx.maxLayerBytes);
  const streams: NodeJS.ReadWriteStream[] = [blobTap];
  if (compression === 'gzip') streams.push(createGunzip());
  streams.push(tarTap, limit);
  const raw = store.open(plan.path);
  const last = pipeline([raw, ...streams], () => {}) as unknown as Readable; // errors surface through the iterator
  const src = new StreamSource(last[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  const state = { missingEndMarker: false, records: 0 };
  let ok = false;
  try {
    for await (const { header } of tarEntries(src, { maxEntries: ctx.maxEntries }, state)) {
      const path = normalisePath(header.path);
      if (path === undefined) {
        issue('warning', 'path-traversal', `entry ${JSON.stringify(header.path)} escapes the image root; skipped`, header.path);
        continue;
      }
      if (path === '') continue; // the root directory itself
      if (path.includes('\0')) {
        issue('warning', 'invalid-path', `entry ${JSON.stringify(header.path)} contains a NUL byte; skipped`, header.path);
        continue;
      }
      const segs = path.split('/');
      if (segs.length > ctx.maxPathDepth) {
        issue('warning', 'path-too-deep', `entry path has ${segs.length} segments (maxPathDepth ${ctx.maxPathDepth}); skipped`, path.slice(0, 200));
        continue;
      }
      const base = segs[segs.length - 1]!;
      const parent = segs.slice(0, -1).join('/');
      if (base.startsWith('.wh.')) {
        if (base === '.wh..wh..opq') paths.opaque.add(parent);
        else if (base.startsWith('.wh..wh.')) {
          /* other AUFS metadata (.wh..wh.plnk, .wh..wh.aufs): not content */
        } else {
          const name = base.slice(4);
          if (name === '' || name === '.' || name === '..') issue('warning', 'invalid-whiteout', `whiteout ${JSON.stringify(path)} names no file; ignored`, path);
          else paths.whiteouts.add(parent ? `${parent}/${name}` : name);
        }
        continue;
      }

      const entry: ImageFileEntry = { layer: index, layerDigest: plan.digest, path, type: header.type, size: header.type === 'file' ? header.size : 0, mode: header.mode };
      if (header.type === 'hardlink') {
        const target = normalisePath(header.linkTarget);
        if (target === undefined || target === '') {
          issue('warning', 'path-traversal', `hard link ${path} -> ${JSON.stringify(header.linkTarget)} points outside the image root; skipped`, path);
          continue;
        }
        entry.linkTarget = target;
      } else if (header.type === 'symlink') {
        entry.linkTarget = header.linkTarget;
        if (!header.linkTarget.startsWith('/') && normalisePath(parent ? `${parent}/${header.linkTarget}` : header.linkTarget) === undefined) {
          issue('warning', 'symlink-escape', `symlink ${path} -> ${header.linkTarget} points outside the image root (it is reported, never followed)`, path);
        }
      }

      if (header.type === 'dir') paths.dirs.add(path);
      else paths.nonDirs.add(path);
      if (header.type === 'file') paths.files.add(path);

      let content: EntryStream | undefined;
      if (header.type === 'file') {
        if (header.size > ctx.maxFileBytes) {
          issue('warning', 'file-too-large', `${path} is ${header.size} bytes (maxFileBytes ${ctx.maxFileBytes}); content not scanned`, path);
        } else {
          content = new EntryStream(src, header.size);
          entry.stream = content;
        }
      }
      try {
        await ctx.onFile(entry);
      } catch (err) {
        // A consumer that rethrows the content stream's error is reporting a layer problem, not failing itself.
        if (content?.sourceError !== undefined) throw content.sourceError;
        throw new CallbackError(err);
      } finally {
        await content?.detach();
      }
    }
    // Read to the end of the blob so the digest covers all of it (and a bomb hidden after the tar is caught).
    while (await src.pull(1 << 20)) {
      /* drain */
    }
    ok = true;
  } catch (err) {
    if (err instanceof CallbackError) throw err.inner;
    if (!isImageProblem(err)) throw err;
    const d = describe(err);
    issue('error', d.code, `${d.message}${d.code === 'layer-too-large' ? '' : '; stopped reading this layer'}`);
  } finally {
    if (!last.destroyed) last.destroy();
    if (!raw.destroyed) raw.destroy();
  }
  if (!ok) return;
  if (state.missingEndMarker) issue('warning', 'truncated-tar', 'tar data ends without the end-of-archive marker (possibly truncated)');
  if (plan.verify) {
    const tap = plan.verify.over === 'blob' ? blobTap : tarTap;
    const actual = `${alg}:${tap.hash.digest('hex')}`;
    if (actual !== plan.verify.digest) {
      issue('error', 'digest-mismatch', `content digest ${actual} does not match ${plan.verify.digest}: the blob was altered or corrupted (its entries were still reported)`);
    }
  }
}

/** Which regular files of lower layers later layers delete or replace. */
export function computeDeleted(layers: LayerPaths[]): ImageScanResult['deleted'] {
  const prefixKill = new Map<string, number[]>(); // path and everything below it
  const belowKill = new Map<string, number[]>(); // everything strictly below (opaque dirs)
  const exactKill = new Map<string, number[]>(); // just the path (a directory replacing a file)
  const add = (m: Map<string, number[]>, k: string, j: number): void => {
    const l = m.get(k);
    if (!l) m.set(k, [j]);
    else if (l[l.length - 1] !== j) l.push(j);
  };
  layers.forEach((lp, j) => {
    for (const p of lp.whiteouts) add(prefixKill, p, j);
    for (const p of lp.nonDirs) add(prefixKill, p, j);
    for (const p of lp.opaque) add(belowKill, p, j);
    for (const p of lp.dirs) add(exactKill, p, j);
  });
  const firstAfter = (l: number[] | undefined, i: number, best: number): number => {
    if (!l) return best;
    for (const j of l) if (j > i) return Math.min(j, best);
    return best;
  };
  const out: ImageScanResult['deleted'] = [];
  layers.forEach((lp, i) => {
    for (const p of lp.files) {
      let best = firstAfter(exactKill.get(p), i, Infinity);
      best = firstAfter(prefixKill.get(p), i, best);
      best = firstAfter(belowKill.get(''), i, best);
      for (let k = p.lastIndexOf('/'); k > 0; k = p.lastIndexOf('/', k - 1)) {
        const a = p.slice(0, k);
        best = firstAfter(prefixKill.get(a), i, best);
        best = firstAfter(belowKill.get(a), i, best);
      }
      if (best !== Infinity) out.push({ path: p, layer: i, deletedInLayer: best });
    }
  });
  return out;
}

async function openSource(source: string, maxEntries: number): Promise<Store> {
  let st;
  try {
    st = await stat(source);
  } catch {
    throw new ImageError('missing-source', `image source ${source} does not exist`);
  }
  if (st.isDirectory()) return new DirStore(source);
  const fh = await open(source, 'r');
  const head = Buffer.alloc(4);
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const c = detectCompression(head);
  if (c !== 'none') {
    throw new ImageError('unsupported-compression', `${source} is a ${c}-compressed archive; decompress it first (e.g. gunzip) so layers can be read in place`);
  }
  return TarStore.openArchive(source, maxEntries);
}

/** A local image (OCI layout directory or tar, `docker save` archive) by path, or an image in a registry. */
export type ImageSource = string | RegistrySource;
export type { RegistrySource } from '../registry/index.js';

export async function scanImage(source: ImageSource, onFile: (e: ImageFileEntry) => Promise<void>, opts: ScanImageOptions = {}): Promise<ImageScanResult> {
  const issues: ImageIssue[] = [];
  const result: ImageScanResult = { image: { layers: [] }, issues, deleted: [] };
  const ctx: Omit<Ctx, 'store'> = {
    onFile,
    issues,
    maxFileBytes: opts.maxFileBytes ?? Infinity,
    maxLayerBytes: opts.maxLayerBytes ?? 8 * GiB,
    maxEntries: opts.maxEntries ?? 1e6,
    maxPathDepth: opts.maxPathDepth ?? 256,
  };
  let store: Store | undefined;
  let resolved: ResolvedImage;
  try {
    if (typeof source !== 'string') {
      const r = await openRegistryImage(source, opts.platform, issues);
      store = r.store;
      resolved = r.resolved;
    } else {
      store = await openSource(source, Math.max(ctx.maxEntries, 1e6));
      if ((await store.size('index.json')) !== undefined) resolved = await resolveOci(store, opts.platform, issues);
      else if ((await store.size('manifest.json')) !== undefined) resolved = await resolveDockerSave(store, opts.platform, issues);
      else throw new ImageError('unknown-format', `${source} is neither an OCI image layout (index.json) nor a docker save archive (manifest.json)`);
    }
  } catch (err) {
    await store?.close();
    if (!isImageProblem(err)) throw err;
    const d = describe(err);
    issues.push({ level: 'error', code: d.code, message: d.message });
    return result;
  }
  const img = result.image;
  if (resolved.digest !== undefined) img.digest = resolved.digest;
  if (resolved.os !== undefined) img.os = resolved.os;
  if (resolved.architecture !== undefined) img.architecture = resolved.architecture;
  img.layers = resolved.layers.map((l) => ({ digest: l.digest, mediaType: l.mediaType, size: l.size }));
  const all: LayerPaths[] = [];
  try {
    for (const [i, plan] of resolved.layers.entries()) {
      const paths = newLayerPaths();
      all.push(paths);
      await scanLayer({ ...ctx, store }, i, plan, paths);
    }
  } finally {
    await store.close();
  }
  result.deleted = computeDeleted(all);
  return result;
}
