/**
 * Reading one inventory file once its kind is known: text formats go to the pure ecosystem parsers; the binary
 * containers (rpm's SQLite database, Java archives, executables) are opened here, with limits, and their contents
 * handed to pure readers. Shared by image and directory inventories.
 */
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Location } from '../../core/location.js';
import type { Package, ParseIssue } from '../../core/package.js';
import type { Distro } from '../../ecosystems/_lib/os-release.js';
import { parseApkInstalled } from '../../ecosystems/alpine/apk-installed.js';
import { parseDpkgStatus, parseDpkgStatusD } from '../../ecosystems/debian/dpkg-status.js';
import { BUILDINFO_MAGIC, BUILDINFO_WINDOW, elfDataSegmentOffset, findBuildInfo, goBinaryPackages, parseBuildInfo } from '../../ecosystems/go/buildinfo.js';
import { lockfileParserFor } from '../../ecosystems/index.js';
import { isJavaArchive, isPomProperties, mavenPackagesFromJar, type JarEntryText } from '../../ecosystems/maven/jar.js';
import { parseInstalledPackageJson } from '../../ecosystems/npm/package-json.js';
import { parsePythonMetadata } from '../../ecosystems/pypi/dist-info.js';
import { parseRpmHeader, rpmPackage, type RpmHeaderInfo } from '../../ecosystems/rpm/rpm-header.js';
import type { InventoryFileKind } from './classify.js';

export interface ReadLimits {
  /** Inflated bytes one nested archive (or pom.properties) may reach before it is skipped with a warning. */
  maxInflateBytes: number;
  /** Inflated bytes all entries of one top-level archive may reach together. */
  maxArchiveInflateBytes: number;
  /** Entries one archive may list. */
  maxArchiveEntries: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxInflateBytes: 64 << 20, maxArchiveInflateBytes: 512 << 20, maxArchiveEntries: 200_000 };

export interface ReadContext {
  /** Display path used in locations: `<image>!/<path>` or `<dir>/<path>`. */
  where: string;
  distro?: Distro | undefined;
  limits?: ReadLimits;
}

export interface ReadOutcome {
  packages: Package[];
  warnings: ParseIssue[];
  /** The file could not be read as its kind: the inventory is incomplete for it. */
  errors: ParseIssue[];
}

const at = (path: string, line = 1): Location => ({ path, startLine: line, startColumn: 1, endLine: line, endColumn: 1 });
const issue = (code: string, message: string, where: string): ParseIssue => ({ code, message, location: at(where) });

export const TEXT_DECODER = new TextDecoder('utf-8', { fatal: false });

/** Reads a stream whole, or returns undefined (having stopped reading) once it passes `max` bytes. */
export async function readCapped(stream: NodeJS.ReadableStream, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) return undefined;
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/** rpm ≥ 4.16's SQLite database: one header blob per row of `Packages`. Opened in memory from the bytes, never from disk. */
export function readRpmSqlite(bytes: Buffer, where: string): { infos: RpmHeaderInfo[]; warnings: ParseIssue[]; error?: ParseIssue } {
  if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') {
    return { infos: [], warnings: [], error: issue('invalid-rpmdb', `${where} is not an SQLite database`, where) };
  }
  // A WAL-mode header makes SQLite look for the -wal file beside it, which an in-memory copy has not got; images ship
  // checkpointed databases, so reading it as a rollback-journal database sees the same rows.
  const buf = Buffer.from(bytes);
  if (buf[18] === 2) buf[18] = 1;
  if (buf[19] === 2) buf[19] = 1;
  let db: Database.Database | undefined;
  try {
    db = new Database(buf, { readonly: true });
    const infos: RpmHeaderInfo[] = [];
    const warnings: ParseIssue[] = [];
    for (const row of db.prepare('SELECT hnum, blob FROM Packages').iterate() as Iterable<{ hnum: number; blob: Buffer }>) {
      const r = parseRpmHeader(row.blob);
      if (!r.ok) warnings.push(issue('invalid-rpm-header', `${where}: package #${row.hnum}: ${r.error}`, where));
      else if (r.value.name !== 'gpg-pubkey') infos.push(r.value);
    }
    return { infos, warnings };
  } catch (e) {
    return { infos: [], warnings: [], error: issue('invalid-rpmdb', `${where}: cannot read the rpm database: ${(e as Error).message}`, where) };
  } finally {
    db?.close();
  }
}

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (e, zf) => (e ? reject(e) : resolve(zf)));
  });
}

function entryBytes(zf: ZipFile, entry: Entry, max: number, budget: { left: number }): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    zf.openReadStream(entry, (e, rs) => {
      if (e) return reject(e);
      const chunks: Buffer[] = [];
      let n = 0;
      rs.on('data', (c: Buffer) => {
        n += c.length;
        budget.left -= c.length;
        // The declared size can lie; count what really inflates and stop at the cap.
        if (n > max || budget.left < 0) {
          rs.destroy();
          resolve('too-large');
          return;
        }
        chunks.push(c);
      });
      rs.on('error', reject);
      rs.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * The Maven packages of a JAR/WAR/EAR: its `pom.properties` entries, and those of archives nested one level deep
 * (Spring Boot `BOOT-INF/lib/`, `WEB-INF/lib/`). Inflation is capped per entry and per archive: a zip bomb costs a
 * warning, not memory.
 */
export async function readJavaArchive(buf: Buffer, where: string, limits: ReadLimits): Promise<ReadOutcome> {
  const out: ReadOutcome = { packages: [], warnings: [], errors: [] };
  const budget = { left: limits.maxArchiveInflateBytes };
  const walk = async (data: Buffer, label: string, depth: number): Promise<void> => {
    let zf: ZipFile;
    try {
      zf = await openZip(data);
    } catch (e) {
      out.warnings.push(issue('invalid-archive', `${label} is not a readable zip archive: ${(e as Error).message}`, label));
      return;
    }
    if (zf.entryCount > limits.maxArchiveEntries) {
      zf.close();
      out.warnings.push(issue('archive-too-many-entries', `${label} lists ${zf.entryCount} entries (limit ${limits.maxArchiveEntries}); not read`, label));
      return;
    }
    const texts: JarEntryText[] = [];
    const nested: { name: string; data: Buffer }[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        zf.on('error', reject);
        zf.on('end', resolve);
        zf.on('entry', (entry: Entry) => {
          const name = entry.fileName;
          const wantProps = isPomProperties(name);
          const wantNested = depth === 0 && isJavaArchive(name) && !name.endsWith('/');
          if (!wantProps && !wantNested) {
            zf.readEntry();
            return;
          }
          const max = wantProps ? 1 << 20 : limits.maxInflateBytes;
          const tooLarge = (): void => {
            out.warnings.push(issue('archive-entry-too-large', `${label}!/${name} inflates beyond ${budget.left < 0 ? `the archive's ${limits.maxArchiveInflateBytes}-byte budget` : `${max} bytes`} (possible zip bomb); skipped`, label));
          };
          if (entry.uncompressedSize > max) {
            tooLarge();
            zf.readEntry();
            return;
          }
          entryBytes(zf, entry, max, budget).then(
            (b) => {
              if (b === 'too-large') tooLarge();
              else if (wantProps) texts.push({ name, text: TEXT_DECODER.decode(b) });
              else nested.push({ name, data: b });
              if (budget.left < 0) resolve();
              else zf.readEntry();
            },
            (e: unknown) => {
              out.warnings.push(issue('invalid-archive-entry', `${label}!/${name}: ${(e as Error).message}`, label));
              zf.readEntry();
            },
          );
        });
        zf.readEntry();
      });
    } catch (e) {
      out.warnings.push(issue('invalid-archive', `${label}: ${(e as Error).message}`, label));
    } finally {
      zf.close();
    }
    const r = mavenPackagesFromJar(texts, at(label));
    out.packages.push(...r.packages);
    out.warnings.push(...r.warnings);
    for (const n of nested) {
      await walk(n.data, `${label}!/${n.name}`, depth + 1);
      n.data = Buffer.alloc(0);
    }
  };
  await walk(buf, where, 0);
  return out;
}

/**
 * Finds Go build info in an executable read as a stream: the ELF program headers (in the first bytes) give the file
 * offset of the writable data segment, which `.go.buildinfo` opens; the search starts there and runs at most `maxScan`
 * bytes. Only a window after the hit is kept. Undefined when the file is not ELF or carries no Go build info.
 */
export async function findGoBuildInfo(stream: NodeJS.ReadableStream, maxScan = 64 << 20): Promise<Uint8Array | undefined> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let pos = 0; // file offset of buf[0]
  let buf: Buffer = Buffer.alloc(0);
  const more = async (): Promise<boolean> => {
    const r = await it.next();
    if (r.done) return false;
    buf = buf.length === 0 ? r.value : Buffer.concat([buf, r.value]);
    return true;
  };
  try {
    while (buf.length < 4096 && (await more()));
    if (buf.length < 64 || buf[0] !== 0x7f || buf.toString('latin1', 1, 4) !== 'ELF') return undefined;
    while (buf.length < 65536 && (await more()));
    const start = elfDataSegmentOffset(buf) ?? 0;
    for (;;) {
      // Drop what lies before the search start, keeping the magic's length minus one for a hit across chunks.
      const from = Math.max(0, start - pos);
      const keep = Math.max(from, buf.length - (BUILDINFO_MAGIC.length - 1));
      const hit = from < buf.length ? findBuildInfo(buf, pos, from) : -1;
      if (hit >= 0) {
        let window = buf.subarray(hit);
        while (window.length < BUILDINFO_WINDOW && (await more())) window = buf.subarray(hit);
        const r = parseBuildInfo(window.subarray(0, BUILDINFO_WINDOW));
        if (r.ok || !/no Go build info header/.test(r.error)) return Uint8Array.from(window.subarray(0, BUILDINFO_WINDOW));
        buf = buf.subarray(hit + 1);
        pos += hit + 1;
        continue;
      }
      if (pos + buf.length - start > maxScan) return undefined;
      const cut = Math.min(keep, buf.length);
      pos += cut;
      buf = buf.subarray(cut);
      if (!(await more())) return undefined;
    }
  } finally {
    await it.return?.();
  }
}

function fromResult(r: { ok: true; value: { packages: Package[]; warnings: ParseIssue[] } } | { ok: false; error: ParseIssue[] }): ReadOutcome {
  return r.ok ? { packages: r.value.packages, warnings: r.value.warnings, errors: [] } : { packages: [], warnings: [], errors: r.error };
}

/**
 * Reads one classified file's bytes (for `go-binary`: the window {@link findGoBuildInfo} returned). OS package databases
 * need `ctx.distro` for their ecosystem; `rpmdb-bdb`/`rpmdb-ndb` and `os-release` yield nothing here.
 */
export async function readInventoryFile(kind: InventoryFileKind, bytes: Uint8Array, ctx: ReadContext): Promise<ReadOutcome> {
  const { where } = ctx;
  const text = (): string => {
    const t = TEXT_DECODER.decode(bytes);
    return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  };
  const none: ReadOutcome = { packages: [], warnings: [], errors: [] };
  switch (kind) {
    case 'dpkg-status':
      return fromResult(parseDpkgStatus(text(), where, ctx.distro));
    case 'dpkg-status-d':
      return fromResult(parseDpkgStatusD(text(), where, ctx.distro));
    case 'apk-installed':
      return fromResult(parseApkInstalled(text(), where, ctx.distro));
    case 'rpmdb-sqlite': {
      const r = readRpmSqlite(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), where);
      return { packages: r.infos.map((i) => rpmPackage(i, at(where), ctx.distro)), warnings: r.warnings, errors: r.error ? [r.error] : [] };
    }
    case 'npm-package-json': {
      const r = parseInstalledPackageJson(text(), where);
      if (!r.ok) return { ...none, warnings: [r.error] };
      return { ...none, packages: r.value ? [r.value] : [] };
    }
    case 'python-dist-info':
    case 'python-egg-info': {
      const r = parsePythonMetadata(text(), where, kind);
      return r.ok ? { ...none, packages: [r.value] } : { ...none, warnings: [r.error] };
    }
    case 'java-archive':
      return readJavaArchive(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), where, ctx.limits ?? DEFAULT_READ_LIMITS);
    case 'go-binary': {
      const r = parseBuildInfo(bytes);
      if (!r.ok) return { ...none, warnings: [issue('go-buildinfo', `${where}: ${r.error}`, where)] };
      return { ...none, packages: goBinaryPackages(r.value, at(where)) };
    }
    case 'lockfile': {
      const base = where.slice(where.lastIndexOf('/') + 1);
      const found = lockfileParserFor(base);
      if (!found) return none;
      // Files beside the lockfile (go.sum, -r includes, parent POMs) are not at hand in a one-pass image read.
      const r = found.parser.parse(text(), where, {});
      return fromResult(r);
    }
    case 'os-release':
    case 'rpmdb-bdb':
    case 'rpmdb-ndb':
      return none;
  }
}
