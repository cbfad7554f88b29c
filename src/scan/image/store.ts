/**
 * Random access to the files of an image source: a directory (OCI layout, or an unpacked
 * `docker save`), or an uncompressed tar of one (indexed once by seeking over its headers;
 * blobs are then read in place, never extracted).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileSource, TarFormatError, tarEntries } from './tar-reader.js';

export class ImageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

/** Normalise an archive path: '/'-separated, no leading '/', no '.' segments; undefined if it escapes the root. '' is the root. */
export function normalisePath(p: string): string | undefined {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      continue;
    }
    out.push(seg);
  }
  return out.join('/');
}

export interface Store {
  readonly kind: 'dir' | 'tar' | 'registry';
  /** Size of a regular file, or undefined when absent. */
  size(path: string): Promise<number | undefined>;
  /** First bytes of a file (fewer if it is shorter). */
  head(path: string, n: number): Promise<Buffer>;
  open(path: string): Readable;
  close(): Promise<void>;
}

function checkPath(path: string): string {
  const n = normalisePath(path);
  if (n === undefined || n === '') throw new ImageError('path-traversal', `path ${JSON.stringify(path)} escapes the image root`);
  return n;
}

export class DirStore implements Store {
  readonly kind = 'dir';
  constructor(private readonly root: string) {}

  async size(path: string): Promise<number | undefined> {
    const full = join(this.root, checkPath(path));
    try {
      const st = await lstat(full);
      if (!st.isFile()) throw new ImageError('invalid-blob', `${path} is not a regular file (symlinks are not followed)`);
      return st.size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw err;
    }
  }

  async head(path: string, n: number): Promise<Buffer> {
    const fh = await open(join(this.root, checkPath(path)), 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  open(path: string): Readable {
    return createReadStream(join(this.root, checkPath(path)), { highWaterMark: 1 << 16 });
  }

  async close(): Promise<void> {}
}

interface TarIndexEntry {
  offset: number;
  size: number;
  type: 'file' | 'symlink' | 'hardlink' | 'dir' | 'other';
  linkTarget: string;
}

export class TarStore implements Store {
  readonly kind = 'tar';
  private constructor(
    private readonly file: string,
    private readonly index: Map<string, TarIndexEntry>,
  ) {}

  static async openArchive(file: string, maxEntries: number): Promise<TarStore> {
    const fh = await open(file, 'r');
    const index = new Map<string, TarIndexEntry>();
    try {
      const { size } = await fh.stat();
      const src = new FileSource(fh, size);
      const state = { missingEndMarker: false, records: 0 };
      for await (const { header, dataOffset } of tarEntries(src, { maxEntries }, state)) {
        const p = normalisePath(header.path);
        if (p === undefined || p === '') continue; // never addressable; blobs are looked up by safe paths only
        if (header.type === 'file' && dataOffset + header.size > size) {
          throw new TarFormatError(`archive entry ${p} extends past the end of the file (truncated archive)`);
        }
        index.set(p, { offset: dataOffset, size: header.size, type: header.type, linkTarget: header.linkTarget });
      }
    } catch (err) {
      if (err instanceof TarFormatError) throw new ImageError(err.code === 'too-many-entries' ? 'too-many-entries' : 'corrupt-archive', `image archive ${file}: ${err.message}`);
      throw err;
    } finally {
      await fh.close();
    }
    return new TarStore(file, index);
  }

  /** Resolve links inside the archive (docker save links duplicate layers); never leaves the archive. */
  private lookup(path: string): TarIndexEntry | undefined {
    let p = checkPath(path);
    for (let hops = 0; hops < 16; hops++) {
      const e = this.index.get(p);
      if (!e) return undefined;
      if (e.type === 'file') return e;
      if (e.type !== 'symlink' && e.type !== 'hardlink') return undefined;
      const base = e.type === 'symlink' && !e.linkTarget.startsWith('/') ? p.split('/').slice(0, -1).join('/') : '';
      const next = normalisePath(base ? `${base}/${e.linkTarget}` : e.linkTarget);
      if (next === undefined || next === '') throw new ImageError('path-traversal', `archive link ${p} -> ${e.linkTarget} escapes the archive`);
      p = next;
    }
    throw new ImageError('corrupt-archive', `too many link hops resolving ${path} in the archive`);
  }

  async size(path: string): Promise<number | undefined> {
    return this.lookup(path)?.size;
  }

  async head(path: string, n: number): Promise<Buffer> {
    const e = this.lookup(path);
    if (!e) throw new ImageError('missing-blob', `${path} is not in the archive`);
    const fh = await open(this.file, 'r');
    try {
      const len = Math.min(n, e.size);
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, e.offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  open(path: string): Readable {
    const e = this.lookup(path);
    if (!e) throw new ImageError('missing-blob', `${path} is not in the archive`);
    if (e.size === 0) return Readable.from([]);
    return createReadStream(this.file, { start: e.offset, end: e.offset + e.size - 1, highWaterMark: 1 << 16 });
  }

  async close(): Promise<void> {}
}

export const DIGEST_RE = /^(sha256):([a-f0-9]{64})$|^(sha512):([a-f0-9]{128})$/;

/** The layout path of a blob; rejects malformed digests (they would otherwise become paths). */
export function blobPath(digest: string): string {
  const m = DIGEST_RE.exec(digest);
  if (!m) throw new ImageError('invalid-digest', `invalid or unsupported digest ${JSON.stringify(digest)}`);
  const alg = m[1] ?? m[3]!;
  const hex = m[2] ?? m[4]!;
  return `blobs/${alg}/${hex}`;
}

export function digestAlgorithm(digest: string): 'sha256' | 'sha512' {
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}

/** Read a small JSON file (manifest, index, config), verifying its digest when one is given. */
export async function readJson(store: Store, path: string, what: string, expectedDigest?: string, maxBytes = 16 << 20): Promise<unknown> {
  const size = await store.size(path);
  if (size === undefined) throw new ImageError('missing-blob', `${what} (${path}) is missing`);
  if (size > maxBytes) throw new ImageError('blob-too-large', `${what} (${path}) is ${size} bytes; JSON documents over ${maxBytes} bytes are refused`);
  const chunks: Buffer[] = [];
  for await (const c of store.open(path)) chunks.push(c as Buffer);
  const buf = Buffer.concat(chunks);
  if (expectedDigest !== undefined) {
    const actual = `${digestAlgorithm(expectedDigest)}:${createHash(digestAlgorithm(expectedDigest)).update(buf).digest('hex')}`;
    if (actual !== expectedDigest) throw new ImageError('digest-mismatch', `${what} (${path}): content digest ${actual} does not match ${expectedDigest}`);
  }
  try {
    return JSON.parse(buf.toString('utf8')) as unknown;
  } catch (err) {
    throw new ImageError('invalid-json', `${what} (${path}) is not valid JSON: ${(err as Error).message}`);
  }
}
