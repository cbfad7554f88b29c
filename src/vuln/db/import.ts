import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { asOsvRecord } from '../osv.js';
import type { OsvRecord } from '../osv.js';
import type { AdvisoryDb, SourceInfo, SourceWriter } from './store.js';
import { forEachZipEntry } from './zip.js';
import type { ZipLimits } from './zip.js';

export interface ImportIssue {
  /** `file:line`, `file[index]` (JSON array), `file!entry` (zip entry), or the file. */
  where: string;
  reason: string;
}

export interface ImportResult {
  source: string;
  /** Advisories the source holds after the import; 0 when an error rolled it back. */
  records: number;
  /** Records that were not valid OSV and were left out; the rest of the import went ahead. */
  skipped: ImportIssue[];
  /** Files that could not be read (truncated gzip, corrupt zip, over a limit). Any error rolls the whole source back. */
  errors: ImportIssue[];
}

export interface ImportLimits extends ZipLimits {
  /** A `.json` document (single record or array) is parsed whole, so it is capped; JSON-lines are streamed. */
  maxDocumentBytes: number;
  /** One JSON-lines line. */
  maxLineBytes: number;
  /** Skipped records listed per file before the rest are summarised in one entry. */
  maxSkippedPerFile: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntries: 2_000_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024 * 1024,
  maxDocumentBytes: 512 * 1024 * 1024,
  maxLineBytes: 64 * 1024 * 1024,
  maxSkippedPerFile: 1000,
};

export interface ImportOptions {
  /** Defaults to `file:<absolute path>`. `private:<name>` for an organisation's own advisories. */
  sourceName?: string;
  now: Date;
  onProgress?(n: number): void;
  limits?: Partial<ImportLimits>;
  /** The input must be a zip (a download of `all.zip`): anything else is an error, not a text file of invalid records. */
  expectZip?: boolean;
  /** No valid record at all is an error and rolls back, instead of emptying the source (a broken export must not wipe an ecosystem). */
  requireRecords?: boolean;
  /** Recorded with the source: where it was downloaded from and the validators for the next conditional request. */
  origin?: { kind?: string; url?: string; etag?: string; lastModified?: string };
}

/** An exception from the caller's own callback: not a problem with a file, so it ends the import instead of being listed. */
class CallerAbort extends Error {
  constructor(readonly original: unknown) {
    super('import aborted by the caller');
  }
}

const IMPORTABLE = /\.(json|jsonl|ndjson|gz|zip)$/i;
const PROGRESS_EVERY = 1000;

class ImportContext {
  readonly skipped: ImportIssue[] = [];
  private skippedInFile = new Map<string, number>();
  private seen = 0;

  constructor(
    readonly writer: SourceWriter,
    readonly limits: ImportLimits,
    private readonly onProgress: ((n: number) => void) | undefined,
  ) {}

  offer(value: unknown, where: string, file: string): void {
    const rec = asOsvRecord(value);
    if (typeof rec === 'string') {
      this.skip(where, rec, file);
      return;
    }
    this.put(rec);
  }

  put(rec: OsvRecord): void {
    this.writer.put(rec);
    this.seen++;
    if (this.onProgress && this.seen % PROGRESS_EVERY === 0) {
      try {
        this.onProgress(this.seen);
      } catch (e) {
        throw new CallerAbort(e);
      }
    }
  }

  skip(where: string, reason: string, file: string): void {
    const n = (this.skippedInFile.get(file) ?? 0) + 1;
    this.skippedInFile.set(file, n);
    if (n <= this.limits.maxSkippedPerFile) this.skipped.push({ where, reason });
  }

  finishFile(file: string): void {
    const n = this.skippedInFile.get(file) ?? 0;
    if (n > this.limits.maxSkippedPerFile) this.skipped.push({ where: file, reason: `${n - this.limits.maxSkippedPerFile} more records skipped (only the first ${this.limits.maxSkippedPerFile} are listed)` });
  }

  get count(): number {
    return this.seen;
  }
}

async function magic(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const isGzip = (m: Buffer): boolean => m.length >= 2 && m[0] === 0x1f && m[1] === 0x8b;
const isZip = (m: Buffer): boolean => m.length >= 4 && m[0] === 0x50 && m[1] === 0x4b && ((m[2] === 0x03 && m[3] === 0x04) || (m[2] === 0x05 && m[3] === 0x06));

/** The file's bytes, gunzipped when it is gzip; a read error on the file surfaces as an error of the returned stream. */
function byteStream(path: string, gzip: boolean): Readable {
  const file = createReadStream(path);
  if (!gzip) return file;
  const gunzip = createGunzip();
  file.on('error', (e) => gunzip.destroy(e));
  return file.pipe(gunzip);
}

/**
 * Lines of a stream, split by hand rather than with readline: readline's iterator does not reject when the stream
 * under it fails (a truncated gzip would look like a short file), and a hand split can cap a runaway line.
 */
async function* lines(stream: Readable, maxLineBytes: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of stream) {
    carry += decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = carry.indexOf('\n', start); nl >= 0; nl = carry.indexOf('\n', start)) {
      yield carry.slice(start, nl);
      start = nl + 1;
    }
    carry = carry.slice(start);
    if (carry.length > maxLineBytes) throw new Error(`a line is longer than ${maxLineBytes} bytes`);
  }
  carry += decoder.end();
  if (carry !== '') yield carry;
}

function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m === 'unexpected end of file' ? 'truncated gzip data (unexpected end of file)' : m;
}

/**
 * One text file (or gunzipped file): JSON-lines are streamed line by line; a JSON document (one record or an array)
 * is parsed whole, up to `maxDocumentBytes`. The first non-blank line decides: a line that is a complete `{…}` means
 * JSON-lines, anything else (`[`, a pretty-printed `{`) means one document.
 */
async function importText(path: string, gzip: boolean, ctx: ImportContext): Promise<void> {
  let mode: 'unknown' | 'jsonl' | 'document' = 'unknown';
  const doc: string[] = [];
  let docBytes = 0;
  let lineNo = 0;
  const jsonLine = (text: string, n: number): void => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      ctx.skip(`${path}:${n}`, `invalid JSON: ${(e as Error).message}`, path);
      return;
    }
    ctx.offer(value, `${path}:${n}`, path);
  };
  for await (const raw of lines(byteStream(path, gzip), ctx.limits.maxLineBytes)) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (mode === 'unknown') {
      const t = line.trim().replace(/^\uFEFF/, '');
      if (t === '') continue;
      mode = t.startsWith('{') && t.endsWith('}') ? 'jsonl' : 'document';
    }
    if (mode === 'jsonl') {
      if (line.trim() !== '') jsonLine(line, lineNo);
    } else {
      docBytes += line.length + 1;
      if (docBytes > ctx.limits.maxDocumentBytes) throw new Error(`JSON document larger than ${ctx.limits.maxDocumentBytes} bytes; use JSON-lines for large sets`);
      doc.push(line);
    }
  }
  if (mode !== 'document') return;
  const text = doc.join('\n').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    ctx.skip(path, `invalid JSON: ${(e as Error).message}`, path);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => ctx.offer(v, `${path}[${i}]`, path));
  else ctx.offer(value, path, path);
}

async function importZip(path: string, ctx: ImportContext): Promise<void> {
  await forEachZipEntry(path, ctx.limits, (name, data) => {
    const where = `${path}!${name}`;
    let value: unknown;
    try {
      value = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      ctx.skip(where, `invalid JSON: ${(e as Error).message}`, path);
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => ctx.offer(v, `${where}[${i}]`, path));
    else ctx.offer(value, where, path);
  });
}

async function importFile(path: string, ctx: ImportContext, expectZip: boolean): Promise<void> {
  const m = await magic(path);
  if (isZip(m)) await importZip(path, ctx);
  else if (expectZip) throw new Error(`not a zip archive (starts with ${m.toString('hex') || 'nothing'})`);
  else await importText(path, isGzip(m), ctx);
  ctx.finishFile(path);
}

/** Importable files under a directory, sorted so imports are reproducible; symlinked directories are not followed (loops). */
async function walk(dir: string, out: string[], skipped: ImportIssue[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, skipped);
    else if (e.isSymbolicLink()) {
      const s = await stat(p).catch(() => undefined);
      if (s?.isFile() && IMPORTABLE.test(e.name)) out.push(p);
      else if (s?.isDirectory()) skipped.push({ where: p, reason: 'symbolic link to a directory, not followed' });
    } else if (e.isFile() && IMPORTABLE.test(e.name)) out.push(p);
  }
}

/**
 * Imports OSV records from a file or directory as one source, in one transaction: the source's previous rows are
 * replaced only if every file could be read. Invalid records are skipped and listed; unreadable files are errors and
 * roll the source back.
 */
export async function importPath(db: AdvisoryDb, path: string, opts: ImportOptions): Promise<ImportResult> {
  const abs = resolve(path);
  const source = opts.sourceName ?? `file:${abs}`;
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
  const errors: ImportIssue[] = [];
  const preSkipped: ImportIssue[] = [];
  let files: string[];
  try {
    const s = await stat(abs);
    files = [];
    if (s.isDirectory()) await walk(abs, files, preSkipped);
    else files.push(abs);
  } catch (e) {
    return { source, records: 0, skipped: [], errors: [{ where: abs, reason: describe(e) }] };
  }
  // A download's temp file is gone after the import; its URL is what identifies it.
  const info: SourceInfo = opts.origin?.url !== undefined ? { name: source } : { name: source, path: abs };
  if (opts.origin?.kind !== undefined) info.kind = opts.origin.kind;
  if (opts.origin?.url !== undefined) info.url = opts.origin.url;
  if (opts.origin?.etag !== undefined) info.etag = opts.origin.etag;
  if (opts.origin?.lastModified !== undefined) info.lastModified = opts.origin.lastModified;
  const writer = db.beginSource(info, opts.now);
  const ctx = new ImportContext(writer, limits, opts.onProgress);
  ctx.skipped.push(...preSkipped);
  try {
    for (const f of files) {
      try {
        await importFile(f, ctx, opts.expectZip === true);
      } catch (e) {
        if (e instanceof CallerAbort) throw e;
        errors.push({ where: f, reason: describe(e) });
      }
    }
  } catch (e) {
    writer.rollback();
    throw e instanceof CallerAbort ? e.original : e;
  }
  if (opts.requireRecords && ctx.count === 0 && errors.length === 0) errors.push({ where: abs, reason: `no valid OSV records (${ctx.skipped.length} skipped)` });
  if (errors.length > 0) {
    writer.rollback();
    return { source, records: 0, skipped: ctx.skipped, errors };
  }
  const records = writer.commit();
  opts.onProgress?.(ctx.count);
  return { source, records, skipped: ctx.skipped, errors };
}
