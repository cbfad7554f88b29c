/**
 * A small, defensive, streaming tar reader (ustar, GNU long names, pax `path`/`linkpath`/`size`).
 * It never buffers entry contents: the caller reads them from the same ByteSource, and the
 * iterator skips whatever the caller left unread. Metadata records (pax, GNU long names) are
 * capped so a hostile archive cannot make it allocate without bound.
 */
import type { FileHandle } from 'node:fs/promises';

export type TarErrorCode = 'corrupt-layer' | 'too-many-entries';

export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly code: TarErrorCode = 'corrupt-layer',
  ) {
    super(message);
    this.name = 'TarFormatError';
  }
}

/** Sequential byte access: a decompressed stream, or a seekable file. */
export interface ByteSource {
  /** Bytes consumed so far. */
  readonly position: number;
  /** Up to `max` (> 0) bytes; null at end of data. */
  pull(max: number): Promise<Buffer | null>;
  /** Exactly `n` bytes; null when the data ends before the first byte; throws when it ends midway. */
  exact(n: number): Promise<Buffer | null>;
  /** Skip `n` bytes; throws when the data ends first. */
  skip(n: number): Promise<void>;
}

function truncated(n: number, got: number): TarFormatError {
  return new TarFormatError(`unexpected end of data (truncated archive): needed ${n} bytes, got ${got}`);
}

/** ByteSource over an async iterator of chunks (e.g. a Readable). A failure is sticky: every later call rethrows it. */
export class StreamSource implements ByteSource {
  position = 0;
  private bufs: Buffer[] = [];
  private buffered = 0;
  private done = false;
  private failure: unknown = undefined;

  constructor(private readonly it: AsyncIterator<Buffer | Uint8Array>) {}

  private async fill(): Promise<boolean> {
    if (this.failure !== undefined) throw this.failure;
    if (this.done) return false;
    let r: IteratorResult<Buffer | Uint8Array>;
    try {
      r = await this.it.next();
    } catch (err) {
      this.failure = err ?? new Error('stream failed');
      throw this.failure;
    }
    if (r.done) {
      this.done = true;
      return false;
    }
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    if (b.length > 0) {
      this.bufs.push(b);
      this.buffered += b.length;
    }
    return true;
  }

  async pull(max: number): Promise<Buffer | null> {
    while (this.buffered === 0) {
      if (!(await this.fill())) return null;
    }
    const head = this.bufs[0]!;
    if (head.length <= max) {
      this.bufs.shift();
      this.buffered -= head.length;
      this.position += head.length;
      return head;
    }
    this.bufs[0] = head.subarray(max);
    this.buffered -= max;
    this.position += max;
    return head.subarray(0, max);
  }

  async exact(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const b = await this.pull(n - got);
      if (!b) {
        if (got === 0) return null;
        throw truncated(n, got);
      }
      parts.push(b);
      got += b.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }

  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) {
      const b = await this.pull(Math.min(left, 1 << 20));
      if (!b) throw truncated(n, n - left);
      left -= b.length;
    }
  }
}

/** ByteSource over a file region, seeking over skipped data (used to index an outer archive without reading its blobs). */
export class FileSource implements ByteSource {
  position = 0;
  constructor(
    private readonly fh: FileHandle,
    private readonly size: number,
  ) {}

  async pull(max: number): Promise<Buffer | null> {
    const n = Math.min(max, this.size - this.position);
    if (n <= 0) return null;
    const buf = Buffer.alloc(n);
    const { bytesRead } = await this.fh.read(buf, 0, n, this.position);
    if (bytesRead === 0) return null;
    this.position += bytesRead;
    return bytesRead === n ? buf : buf.subarray(0, bytesRead);
  }

  async exact(n: number): Promise<Buffer | null> {
    if (this.position >= this.size) return null;
    if (this.position + n > this.size) throw truncated(n, this.size - this.position);
    const b = await this.pull(n);
    if (!b || b.length !== n) throw truncated(n, b?.length ?? 0);
    return b;
  }

  async skip(n: number): Promise<void> {
    if (this.position + n > this.size) throw truncated(n, this.size - this.position);
    this.position += n;
  }
}

export type TarEntryType = 'file' | 'symlink' | 'hardlink' | 'dir' | 'other';

export interface TarHeader {
  /** Raw path from the archive (pax/GNU long name applied), not normalised. */
  path: string;
  type: TarEntryType;
  typeflag: string;
  size: number;
  linkTarget: string;
  /** Permission bits (0 when the field is unreadable: mode is informational, never a reason to reject an entry). */
  mode: number;
}

export interface TarEntry {
  header: TarHeader;
  /** ByteSource position where the entry's data starts. */
  dataOffset: number;
}

export interface TarReadState {
  /** Set when the data ended at a header boundary without the end-of-archive blocks. */
  missingEndMarker: boolean;
  /** Header records read (entries plus metadata records). */
  records: number;
}

export interface TarLimits {
  /** Maximum header records, metadata records included. */
  maxEntries: number;
  /** Maximum size of one pax or GNU long-name record. */
  maxMetaBytes?: number;
}

const BLOCK = 512;

function cstr(b: Buffer, off: number, len: number): string {
  const end = b.indexOf(0, off);
  return b.toString('utf8', off, end === -1 || end > off + len ? off + len : end);
}

function num(b: Buffer, off: number, len: number, field: string): number {
  const first = b[off]!;
  if (first & 0x80) {
    // GNU base-256: big-endian, high bit of the first byte is the marker (0xff = negative).
    if (first === 0xff) throw new TarFormatError(`negative ${field} in tar header`);
    let v = first & 0x7f;
    for (let i = off + 1; i < off + len; i++) {
      v = v * 256 + b[i]!;
      if (v > Number.MAX_SAFE_INTEGER) throw new TarFormatError(`${field} in tar header is too large`);
    }
    return v;
  }
  const s = b.toString('latin1', off, off + len).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError(`invalid ${field} field in tar header: ${JSON.stringify(s)}`);
  const v = parseInt(s, 8);
  if (!Number.isSafeInteger(v)) throw new TarFormatError(`${field} in tar header is too large`);
  return v;
}

function isZeroBlock(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

function checksumOk(b: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]!;
  let stored: number;
  try {
    stored = num(b, 148, 8, 'checksum');
  } catch {
    return false;
  }
  return stored === sum;
}

function parsePax(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < buf.length) {
    if (buf[i] === 0) break; // trailing NUL padding
    const sp = buf.indexOf(0x20, i);
    if (sp === -1 || sp - i > 20) throw new TarFormatError('malformed pax header record');
    const lenStr = buf.toString('latin1', i, sp);
    if (!/^[0-9]+$/.test(lenStr)) throw new TarFormatError('malformed pax header record length');
    const len = parseInt(lenStr, 10);
    if (len <= sp - i || i + len > buf.length) throw new TarFormatError('pax header record length out of range');
    const rec = buf.toString('utf8', sp + 1, i + len - (buf[i + len - 1] === 0x0a ? 1 : 0));
    const eq = rec.indexOf('=');
    if (eq === -1) throw new TarFormatError('malformed pax header record (no "=")');
    out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

function entryType(flag: string, path: string, size: number): TarEntryType {
  switch (flag) {
    case '0':
    case '7':
      return path.endsWith('/') && size === 0 ? 'dir' : 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
      return 'dir';
    default:
      return 'other';
  }
}

/**
 * Iterate the entries of a tar read from `src`. After each yield the consumer may read up to
 * `header.size` bytes from `src`; on resume the iterator skips the rest and the padding.
 */
export async function* tarEntries(src: ByteSource, limits: TarLimits, state: TarReadState): AsyncGenerator<TarEntry> {
  const maxMeta = limits.maxMetaBytes ?? 1 << 20;
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  for (;;) {
    const headerAt = src.position;
    const b = await src.exact(BLOCK);
    if (!b) {
      state.missingEndMarker = true;
      return;
    }
    if (isZeroBlock(b)) return; // end of archive (the second zero block and any padding are drained by the caller)
    if (!checksumOk(b)) throw new TarFormatError(`invalid tar header checksum at byte ${headerAt}: not a tar archive, or corrupt`);
    state.records++;
    if (state.records > limits.maxEntries) {
      throw new TarFormatError(`more than ${limits.maxEntries} tar records in one archive; stopped reading`, 'too-many-entries');
    }
    const flag = b[156] === 0 ? '0' : String.fromCharCode(b[156]!);
    let size = num(b, 124, 12, 'size');
    const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (size > maxMeta) throw new TarFormatError(`tar metadata record of ${size} bytes exceeds the ${maxMeta}-byte limit`);
      const data = (await src.exact(size)) ?? Buffer.alloc(0);
      if (data.length !== size) throw truncated(size, data.length);
      await src.skip(padded(size) - size);
      if (flag === 'x') pax = parsePax(data);
      else if (flag === 'g') parsePax(data); // validated, not applied
      else if (flag === 'L') longName = cstr(data, 0, data.length);
      else longLink = cstr(data, 0, data.length);
      continue;
    }

    let name = cstr(b, 0, 100);
    const magic = b.toString('latin1', 257, 263);
    if (magic === 'ustar\0') {
      const prefix = cstr(b, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    let linkTarget = cstr(b, 157, 100);
    if (longName !== undefined) name = longName;
    if (longLink !== undefined) linkTarget = longLink;
    const paxPath = pax.get('path');
    if (paxPath !== undefined) name = paxPath;
    const paxLink = pax.get('linkpath');
    if (paxLink !== undefined) linkTarget = paxLink;
    const paxSize = pax.get('size');
    if (paxSize !== undefined) {
      if (!/^[0-9]+$/.test(paxSize) || !Number.isSafeInteger(Number(paxSize))) throw new TarFormatError(`invalid pax size ${JSON.stringify(paxSize)}`);
      size = Number(paxSize);
    }
    pax = new Map();
    longName = undefined;
    longLink = undefined;

    const dataOffset = src.position;
    let mode = 0;
    try {
      mode = num(b, 100, 8, 'mode') & 0o7777;
    } catch {
      /* leave 0 */
    }
    yield { header: { path: name, type: entryType(flag, name, size), typeflag: flag, size, linkTarget, mode }, dataOffset };
    const consumed = src.position - dataOffset;
    if (consumed > size) throw new Error('tar reader: consumer read past the entry');
    await src.skip(padded(size) - consumed);
  }
}
