/**
 * Software inventory of a container image (one streamed pass over its layers) or of a directory / unpacked root
 * filesystem: OS packages (dpkg, apk, rpm), installed language packages (node_modules, Python dist-info/egg-info, Java
 * archives, Go binaries) and lockfiles. Only files whose path (or, for executables, whose first bytes) say they declare
 * packages are read, each with a size cap.
 *
 * In an image, what counts is the running file system: a file a later layer deletes or replaces declares nothing, and
 * the last layer's copy of an OS package database is the one read. Packages carry the layer that added them.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerRef, Package, ParseIssue } from '../../core/package.js';
import type { Target, TargetIssue } from '../../core/report.js';
import { osvEcosystemFor, parseOsRelease, type Distro } from '../../ecosystems/_lib/os-release.js';
import { rpmPackage, type RpmHeaderInfo } from '../../ecosystems/rpm/rpm-header.js';
import { scanImage, type ImageSource, type ScanImageOptions } from '../image/index.js';
import { classifyPath, isExecutableCandidate, OS_DB_KINDS, type InventoryFileKind } from './classify.js';
import { DEFAULT_READ_LIMITS, TEXT_DECODER, findGoBuildInfo, readCapped, readInventoryFile, readRpmSqlite, type ReadLimits } from './read.js';

export { classifyPath, isExecutableCandidate, type InventoryFileKind } from './classify.js';
export { readInventoryFile, findGoBuildInfo, readJavaArchive, readRpmSqlite, type ReadContext, type ReadOutcome, type ReadLimits } from './read.js';

export interface InventoryOptions {
  /** `os/arch[/variant]` for a multi-platform image. Default linux/amd64 (or the only one). */
  platform?: string;
  /** Largest text file read (package databases, lockfiles, metadata). Default 64 MiB. */
  maxFileBytes?: number;
  /** Largest rpm SQLite database or Java archive read into memory. Default 256 MiB. */
  maxArchiveBytes?: number;
  /** How far into an executable Go build info is searched for, from its data segment. Default 64 MiB. */
  maxBinaryScanBytes?: number;
  /** Zip inflation limits for Java archives. */
  readLimits?: Partial<ReadLimits>;
  /** Layer reader limits (images). */
  image?: Pick<ScanImageOptions, 'maxLayerBytes' | 'maxEntries' | 'maxPathDepth'>;
  /** Directory depth walked (directories). Default 64. */
  maxDepth?: number;
  /** Files looked at (directories). Default 1,000,000. */
  maxFiles?: number;
  /** Read lockfiles too. Default true; a caller that parses a directory's lockfiles itself turns it off. */
  lockfiles?: boolean;
}

export interface InventoryResult {
  packages: Package[];
  target: Target;
  distro?: Distro;
}

const MiB = 1 << 20;
const OS_RELEASE_MAX = 64 << 10;

interface Found {
  path: string;
  layer?: LayerRef;
  packages: Package[];
  warnings: ParseIssue[];
  errors: ParseIssue[];
}

interface OsDbVersion {
  layer?: LayerRef;
  /** name + version of every package this copy lists: used to find the layer that first installed each package. */
  keys: Set<string>;
}

interface OsDb {
  kind: InventoryFileKind;
  versions: OsDbVersion[];
  /** The newest copy: its text (dpkg, apk) or its parsed rows (rpm), read again once the distro is known. */
  bytes?: Uint8Array;
  rpm?: ReturnType<typeof readRpmSqlite>;
}

const pkgKey = (p: { name: string; version: string }): string => `${p.name}\u0000${p.version}`;
const rpmKey = (i: RpmHeaderInfo): string => `${i.name}\u0000${i.epoch ?? ''}:${i.version}-${i.release}\u0000${i.arch ?? ''}`;
const loc = (path: string): TargetIssue['location'] => ({ path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });

/** Gathers candidates during the pass; decides at the end, when deletions and the distro are known. */
class Collector {
  private readonly found: Found[] = [];
  private readonly osRelease = new Map<string, { layer?: LayerRef; text: string }>();
  private readonly osDbs = new Map<string, OsDb>();
  readonly warnings: TargetIssue[] = [];
  readonly errors: TargetIssue[] = [];
  private readonly limits: ReadLimits;

  constructor(
    private readonly opts: InventoryOptions,
    private readonly where: (path: string) => string,
  ) {
    this.limits = { ...DEFAULT_READ_LIMITS, ...opts.readLimits };
  }

  private capFor(kind: InventoryFileKind): number {
    if (kind === 'os-release') return OS_RELEASE_MAX;
    if (kind === 'rpmdb-sqlite' || kind === 'java-archive') return this.opts.maxArchiveBytes ?? 256 * MiB;
    if (kind === 'go-binary' || kind === 'rpmdb-bdb' || kind === 'rpmdb-ndb') return Infinity;
    return this.opts.maxFileBytes ?? 64 * MiB;
  }

  async offer(kind: InventoryFileKind, path: string, layer: LayerRef | undefined, size: number, stream: NodeJS.ReadableStream): Promise<void> {
    const where = this.where(path);
    if (kind === 'lockfile' && this.opts.lockfiles === false) return;
    if (size > this.capFor(kind)) {
      this.warnings.push({ code: 'too-large', message: `${path}${layer ? ` (layer ${layer.index})` : ''} is ${size} bytes, over the ${this.capFor(kind)}-byte limit for ${kind}; its packages are not listed`, location: loc(where) });
      return;
    }
    if (kind === 'rpmdb-bdb' || kind === 'rpmdb-ndb') {
      this.osDbs.set(path, { kind, versions: [{ ...(layer ? { layer } : {}), keys: new Set() }] });
      return;
    }
    if (kind === 'go-binary') {
      const window = await findGoBuildInfo(stream, this.opts.maxBinaryScanBytes ?? 64 * MiB);
      if (window) this.record(path, layer, await this.read(kind, window, where));
      return;
    }
    const bytes = await readCapped(stream, this.capFor(kind));
    if (!bytes) return; // shorter than declared size is impossible; longer is caught above
    if (kind === 'os-release') {
      this.osRelease.set(path, { ...(layer ? { layer } : {}), text: TEXT_DECODER.decode(bytes) });
      return;
    }
    if (OS_DB_KINDS.has(kind)) {
      const prev = this.osDbs.get(path);
      const db: OsDb = prev && prev.kind === kind ? prev : { kind, versions: [] };
      let keys: Set<string>;
      if (kind === 'rpmdb-sqlite') {
        db.rpm = readRpmSqlite(bytes, where);
        delete db.bytes;
        keys = new Set(db.rpm.infos.map(rpmKey));
      } else {
        db.bytes = bytes;
        const r = await this.read(kind, bytes, where);
        keys = new Set(r.packages.map(pkgKey));
      }
      db.versions.push({ ...(layer ? { layer } : {}), keys });
      this.osDbs.set(path, db);
      return;
    }
    this.record(path, layer, await this.read(kind, bytes, where));
  }

  private async read(kind: InventoryFileKind, bytes: Uint8Array, where: string, distro?: Distro): Promise<{ packages: Package[]; warnings: ParseIssue[]; errors: ParseIssue[] }> {
    try {
      return await readInventoryFile(kind, bytes, { where, distro, limits: this.limits });
    } catch (e) {
      // A reader bug must cost this file, not the whole image.
      return { packages: [], warnings: [], errors: [{ code: 'inventory-read-failed', message: `${where}: reading it as ${kind} failed: ${(e as Error).message}`, location: loc(where) }] };
    }
  }

  private record(path: string, layer: LayerRef | undefined, r: { packages: Package[]; warnings: ParseIssue[]; errors: ParseIssue[] }): void {
    if (r.packages.length === 0 && r.warnings.length === 0 && r.errors.length === 0) return;
    this.found.push({ path, ...(layer ? { layer } : {}), ...r });
  }

  /** The distro from the newest surviving os-release (`etc/` before `usr/lib/`). */
  private distro(alive: (path: string, layer?: LayerRef) => boolean): Distro | undefined {
    for (const p of ['etc/os-release', 'usr/lib/os-release']) {
      const c = this.osRelease.get(p);
      if (c && alive(p, c.layer)) {
        const d = parseOsRelease(c.text);
        if (d) return d;
        this.warnings.push({ code: 'invalid-os-release', message: `${p} names no ID; ignored`, location: loc(this.where(p)) });
      }
    }
    return undefined;
  }

  async finish(alive: (path: string, layer?: LayerRef) => boolean): Promise<{ packages: Package[]; distro?: Distro }> {
    const packages: Package[] = [];
    const distro = this.distro(alive);
    const withLayer = (p: Package, layer: LayerRef | undefined): Package => (layer ? { ...p, layer } : p);
    const hasSqlite = [...this.osDbs.entries()].some(([p, db]) => db.kind === 'rpmdb-sqlite' && alive(p, db.versions[db.versions.length - 1]?.layer));
    const osEcosystems = new Set<string>();
    for (const [path, db] of this.osDbs) {
      const latest = db.versions[db.versions.length - 1]!;
      if (!alive(path, latest.layer)) continue;
      const where = this.where(path);
      if (db.kind === 'rpmdb-bdb' || db.kind === 'rpmdb-ndb') {
        if (!hasSqlite) {
          const fmt = db.kind === 'rpmdb-bdb' ? 'Berkeley DB (Packages)' : 'ndb (Packages.db)';
          this.warnings.push({ code: 'rpmdb-unsupported', message: `rpm database format ${fmt} not supported: the rpm packages of this image are not listed (only the SQLite rpmdb.sqlite of rpm ≥ 4.16 is read)`, location: loc(where) });
        }
        continue;
      }
      let r: { packages: Package[]; warnings: ParseIssue[]; errors: ParseIssue[] };
      let keys: string[];
      if (db.kind === 'rpmdb-sqlite') {
        const rows = db.rpm!;
        r = { packages: rows.infos.map((i) => rpmPackage(i, loc(where), distro)), warnings: rows.warnings, errors: rows.error ? [rows.error] : [] };
        keys = rows.infos.map(rpmKey);
      } else {
        r = await this.read(db.kind, db.bytes!, where, distro);
        keys = r.packages.map(pkgKey);
      }
      for (const w of r.warnings) this.warnings.push(w);
      for (const e of r.errors) this.errors.push(e);
      // The layer that installed a package: the earliest copy of this database from which on it is listed without a gap.
      r.packages.forEach((p, i) => {
        let first = db.versions.length - 1;
        while (first > 0 && db.versions[first - 1]!.keys.has(keys[i]!)) first--;
        packages.push(withLayer(p, db.versions[first]!.layer));
        osEcosystems.add(p.ecosystem);
      });
    }
    const usable = distro ? osvEcosystemFor(distro) : undefined;
    if (osEcosystems.size > 0 && usable === undefined) {
      const names = [...osEcosystems].join(', ');
      this.warnings.push({
        code: 'unknown-release',
        message: distro
          ? `os-release says ${distro.prettyName || distro.id} ${distro.versionId}, a release with no OSV ecosystem: OS packages are matched as ${names} (unknown release)`
          : `no os-release in the image: OS packages are matched as ${names} (unknown release); advisories cannot be narrowed to a distribution release`,
        location: loc(this.where(distro ? 'etc/os-release' : 'var/lib')),
      });
    }
    for (const f of this.found) {
      if (!alive(f.path, f.layer)) continue;
      for (const p of f.packages) packages.push(withLayer(p, f.layer));
      for (const w of f.warnings) this.warnings.push(w);
      for (const e of f.errors) this.errors.push(e);
    }
    return distro ? { packages, distro } : { packages };
  }
}

/**
 * The inventory of an image: an OCI layout (directory or tar), a `docker save` archive, or `{ kind: 'registry', ref }`.
 * `display` names it in locations: `<display>!/<path in image>`.
 */
export async function imageInventory(source: ImageSource, display: string, opts: InventoryOptions = {}): Promise<InventoryResult> {
  const target: Target = { path: display, kind: 'image', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
  const c = new Collector(opts, (p) => `${display}!/${p}`);
  const res = await scanImage(
    source,
    async (e) => {
      if (e.type !== 'file' || !e.stream) return;
      const kind = classifyPath(e.path) ?? (isExecutableCandidate(e.mode, e.size) ? 'go-binary' : undefined);
      if (kind) await c.offer(kind, e.path, { index: e.layer, digest: e.layerDigest }, e.size, e.stream);
    },
    { ...opts.image, ...(opts.platform ? { platform: opts.platform } : {}) },
  );
  for (const i of res.issues) (i.level === 'error' ? target.errors : target.warnings).push({ code: i.code, message: i.message, location: loc(`${display}!/${i.path ?? ''}`) });
  const deleted = new Set(res.deleted.map((d) => `${d.layer}\u0000${d.path}`));
  const out = await c.finish((path, layer) => layer === undefined || !deleted.has(`${layer.index}\u0000${path}`));
  target.warnings.push(...c.warnings);
  target.errors.push(...c.errors);
  target.resources = res.image.layers.length;
  return { ...out, target };
}

/**
 * The inventory of a directory or unpacked root filesystem, with the same file rules as an image. Symlinks are never
 * followed (so nothing outside `root` is read and link loops cannot recur); depth and file count are capped.
 */
export async function directoryInventory(root: string, display: string, opts: InventoryOptions = {}): Promise<InventoryResult> {
  const target: Target = { path: display, kind: 'rootfs', resources: 0, skippedDocuments: 0, errors: [], warnings: [] };
  const where = (p: string): string => (display === '' || display === '.' ? p : `${display.replace(/\/+$/, '')}/${p}`);
  const c = new Collector(opts, where);
  const maxDepth = opts.maxDepth ?? 64;
  const maxFiles = opts.maxFiles ?? 1_000_000;
  let files = 0;
  let depthWarned = false;
  // An unpacked root filesystem's virtual trees hold no packages (and /proc of a live root would never end).
  const isRootfs = await Promise.all(['etc/os-release', 'usr/lib/os-release'].map((p) => lstat(join(root, p)).then(() => true, () => false))).then((a) => a.some(Boolean));
  const stack: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  walk: while (stack.length > 0) {
    const { rel, depth } = stack.pop()!;
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch (e) {
      target.warnings.push({ code: 'unreadable', message: `${rel || '.'}: ${(e as Error).message}`, location: loc(where(rel)) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const d of entries) {
      const p = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isSymbolicLink()) continue;
      if (d.isDirectory()) {
        if (d.name === '.git' || (isRootfs && rel === '' && (d.name === 'proc' || d.name === 'sys' || d.name === 'dev'))) continue;
        if (depth + 1 > maxDepth) {
          if (!depthWarned) target.warnings.push({ code: 'too-deep', message: `${p}: deeper than ${maxDepth} directories; not walked further`, location: loc(where(p)) });
          depthWarned = true;
          continue;
        }
        stack.push({ rel: p, depth: depth + 1 });
        continue;
      }
      if (!d.isFile()) continue;
      if (++files > maxFiles) {
        target.warnings.push({ code: 'too-many-files', message: `more than ${maxFiles} files under ${display}; the rest is not inventoried`, location: loc(where(p)) });
        break walk;
      }
      let kind = classifyPath(p);
      let st;
      try {
        st = await lstat(join(root, p));
      } catch {
        continue; // vanished while walking
      }
      if (!kind && isExecutableCandidate(st.mode, st.size)) kind = 'go-binary';
      if (!kind) continue;
      const stream = createReadStream(join(root, p), { highWaterMark: 1 << 16 });
      try {
        await c.offer(kind, p, undefined, st.size, stream);
      } catch (e) {
        target.warnings.push({ code: 'unreadable', message: `${p}: ${(e as Error).message}`, location: loc(where(p)) });
      } finally {
        stream.destroy();
      }
    }
  }
  const out = await c.finish(() => true);
  target.warnings.push(...c.warnings);
  target.errors.push(...c.errors);
  return { ...out, target };
}
