import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ecosystemBase, ecosystemFor } from '../../ecosystems/index.js';
import type { OsvRecord } from '../osv.js';
import type { AdvisorySource } from '../source.js';
import { decodeRecord, encodeRecord } from './codec.js';

/** Bumped on any change a previous Palisade could not read; an older Palisade refuses a newer file instead of misreading it. */
export const SCHEMA_VERSION = 1;

/** Where a source's records came from, recorded with it so `db status` and conditional updates can use it. */
export interface SourceInfo {
  /** `osv:PyPI`, `file:/abs/path`, `debian-tracker`, `alpine-secdb:v3.19`, `private:<name>`. */
  name: string;
  /** Defaults to the part of `name` before the first `:`. */
  kind?: string;
  url?: string;
  path?: string;
  etag?: string;
  lastModified?: string;
}

export interface SourceStatus {
  name: string;
  kind: string;
  /** Rows this source owns now (an advisory a later source re-imported belongs to that source). */
  records: number;
  importedAt: string;
  url?: string;
  path?: string;
  etag?: string;
  lastModified?: string;
}

export interface DbStatus {
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  sources: SourceStatus[];
  total: number;
  /** Distinct advisories per ecosystem base (`Debian` for `Debian:12`); `GIT` counts records whose only ranges are GIT ranges. */
  byEcosystem: Record<string, number>;
  /** Newest `modified` over all advisories, undefined when empty. */
  newestModified: string | undefined;
  /** Newest import time over all sources, undefined when nothing was ever imported. */
  lastUpdate: string | undefined;
}

/** Receives one source's records inside one transaction; nothing is visible to other connections until `commit`. */
export interface SourceWriter {
  readonly source: string;
  put(record: OsvRecord): void;
  /** Commits and returns the number of advisories the source now owns. */
  commit(): number;
  rollback(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
  name TEXT PRIMARY KEY, kind TEXT NOT NULL, url TEXT, path TEXT, etag TEXT, last_modified TEXT,
  imported_at TEXT NOT NULL, records INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS advisories (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, modified TEXT NOT NULL, withdrawn TEXT, codec INTEGER NOT NULL, json BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS advisories_source ON advisories (source);
CREATE TABLE IF NOT EXISTS affected (
  ecosystem_base TEXT NOT NULL, name_normalised TEXT NOT NULL, advisory_id TEXT NOT NULL,
  PRIMARY KEY (ecosystem_base, name_normalised, advisory_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory_id);
CREATE TABLE IF NOT EXISTS aliases (alias TEXT NOT NULL, advisory_id TEXT NOT NULL, PRIMARY KEY (alias, advisory_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_advisory ON aliases (advisory_id);
`;

const identity = (n: string): string => n;

/** The (ecosystem base, normalised name) keys a record is found under; the same normalisation `advisoriesFor` applies. */
export function indexKeys(record: OsvRecord): { base: string; name: string }[] {
  const seen = new Set<string>();
  const out: { base: string; name: string }[] = [];
  const add = (base: string, name: string): void => {
    const k = `${base}\u0000${name}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ base, name });
  };
  for (const a of record.affected ?? []) {
    const pkg = a?.package;
    if (pkg && typeof pkg.ecosystem === 'string' && typeof pkg.name === 'string') {
      add(ecosystemBase(pkg.ecosystem), (ecosystemFor(pkg.ecosystem)?.normaliseName ?? identity)(pkg.name));
      continue;
    }
    // A package-less entry is a GIT-only advisory (PSF's CPython records): found by repository URL, as osv.dev's commit queries do.
    for (const r of Array.isArray(a?.ranges) ? a.ranges : []) if (r?.type === 'GIT' && typeof r.repo === 'string') add('GIT', r.repo);
  }
  return out;
}

function kindOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(0, i);
}

/** The local advisory database: one SQLite file, one transaction per imported source. */
export class AdvisoryDb implements AdvisorySource {
  private readonly cache = new Map<string, OsvRecord>();
  private writing = false;
  private readonly lookup: Database.Statement<[string, string], { id: string }>;
  private readonly byId: Database.Statement<[string], { codec: number; json: Buffer }>;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    readonly readonly: boolean,
  ) {
    // Ids first, blobs only for records not decoded yet: a scan asks for the same popular packages again and again.
    this.lookup = db.prepare('SELECT advisory_id AS id FROM affected WHERE ecosystem_base = ? AND name_normalised = ? ORDER BY advisory_id');
    this.byId = db.prepare('SELECT codec, json FROM advisories WHERE id = ?');
  }

  static open(path: string, opts: { readonly?: boolean } = {}): AdvisoryDb {
    const abs = resolve(path);
    const ro = opts.readonly === true;
    if (ro && !existsSync(abs)) throw new Error(`no advisory database at ${abs}: run \`palisade db update\` or \`palisade db import <path>\` first`);
    let db: Database.Database;
    try {
      db = new Database(abs, { readonly: ro, fileMustExist: ro, timeout: 5000 });
    } catch (e) {
      throw new Error(`cannot open advisory database ${abs}: ${(e as Error).message}`, { cause: e });
    }
    try {
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
      let version: number | undefined;
      if (hasMeta) {
        const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
        version = row ? Number(row.value) : undefined;
      }
      if (version !== undefined && !(version <= SCHEMA_VERSION)) {
        throw new Error(`advisory database ${abs} has schema version ${String(version)}, newer than this Palisade reads (${SCHEMA_VERSION}): upgrade Palisade, or point PALISADE_DB at another file`);
      }
      if (ro) {
        if (version === undefined) throw new Error(`${abs} is not a Palisade advisory database (no schema version)`);
      } else {
        const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
        if (!hasMeta && tables > 0) throw new Error(`${abs} is an SQLite file but not a Palisade advisory database; refusing to write into it`);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.exec(SCHEMA);
        db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
      }
      return new AdvisoryDb(abs, db, ro);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  close(): void {
    if (this.writing) this.db.exec('ROLLBACK');
    this.writing = false;
    this.cache.clear();
    this.db.close();
  }

  advisoriesFor(ecosystem: string, name: string): readonly OsvRecord[] {
    const normalised = (ecosystemFor(ecosystem)?.normaliseName ?? identity)(name);
    const out: OsvRecord[] = [];
    for (const row of this.lookup.all(ecosystemBase(ecosystem), normalised)) {
      const rec = this.advisory(row.id);
      if (rec) out.push(rec);
    }
    return out;
  }

  /** One advisory by id, e.g. to show a finding's details. */
  advisory(id: string): OsvRecord | undefined {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = this.byId.get(id);
    if (!row) return undefined;
    const rec = JSON.parse(decodeRecord(row.codec, row.json)) as OsvRecord;
    this.cache.set(id, rec);
    return rec;
  }

  /** Advisory ids that list `alias` (a CVE) among their aliases or upstream ids, or are that id themselves. */
  idsForAlias(alias: string): string[] {
    const rows = this.db.prepare('SELECT advisory_id AS id FROM aliases WHERE alias = ? UNION SELECT id FROM advisories WHERE id = ? ORDER BY id').all(alias, alias) as { id: string }[];
    return rows.map((r) => r.id);
  }

  source(name: string): SourceStatus | undefined {
    return this.sources().find((s) => s.name === name);
  }

  private sources(): SourceStatus[] {
    const rows = this.db
      .prepare(
        'SELECT s.name, s.kind, s.url, s.path, s.etag, s.last_modified AS lastModified, s.imported_at AS importedAt, (SELECT count(*) FROM advisories a WHERE a.source = s.name) AS records FROM sources s ORDER BY s.name',
      )
      .all() as { name: string; kind: string; url: string | null; path: string | null; etag: string | null; lastModified: string | null; importedAt: string; records: number }[];
    return rows.map((r) => {
      const s: SourceStatus = { name: r.name, kind: r.kind, records: r.records, importedAt: r.importedAt };
      if (r.url !== null) s.url = r.url;
      if (r.path !== null) s.path = r.path;
      if (r.etag !== null) s.etag = r.etag;
      if (r.lastModified !== null) s.lastModified = r.lastModified;
      return s;
    });
  }

  status(): DbStatus {
    let sizeBytes = 0;
    for (const f of [this.path, `${this.path}-wal`]) if (existsSync(f)) sizeBytes += statSync(f).size;
    const byEcosystem: Record<string, number> = {};
    const eco = this.db.prepare('SELECT ecosystem_base AS base, count(DISTINCT advisory_id) AS n FROM affected GROUP BY ecosystem_base ORDER BY ecosystem_base').all() as { base: string; n: number }[];
    for (const r of eco) byEcosystem[r.base] = r.n;
    const agg = this.db.prepare('SELECT count(*) AS total, max(modified) AS newest FROM advisories').get() as { total: number; newest: string | null };
    const last = this.db.prepare('SELECT max(imported_at) AS last FROM sources').get() as { last: string | null };
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    return {
      path: this.path,
      sizeBytes,
      schemaVersion: version ? Number(version.value) : SCHEMA_VERSION,
      sources: this.sources(),
      total: agg.total,
      byEcosystem,
      newestModified: agg.newest ?? undefined,
      lastUpdate: last.last ?? undefined,
    };
  }

  /** Deletes a source and the advisories it owns. Returns how many advisories went. */
  removeSource(name: string): number {
    this.assertWritable();
    if (this.writing) throw new Error('an import is in progress on this database');
    const run = this.db.transaction(() => {
      const n = this.deleteSourceRows(name);
      this.db.prepare('DELETE FROM sources WHERE name = ?').run(name);
      return n;
    });
    const n = run();
    this.cache.clear();
    return n;
  }

  /**
   * Opens the one transaction a source is imported in: the source's previous rows are deleted inside it, so a record
   * dropped upstream disappears, and an import that fails or is interrupted leaves the previous content as it was.
   * A record whose id another source holds is taken over (the last import wins).
   */
  beginSource(info: SourceInfo, importedAt: Date): SourceWriter {
    this.assertWritable();
    if (this.writing) throw new Error('an import is already in progress on this database');
    const db = this.db;
    db.exec('BEGIN IMMEDIATE');
    this.writing = true;
    try {
      this.deleteSourceRows(info.name);
    } catch (e) {
      db.exec('ROLLBACK');
      this.writing = false;
      throw e;
    }
    const delAffected = db.prepare('DELETE FROM affected WHERE advisory_id = ?');
    const delAliases = db.prepare('DELETE FROM aliases WHERE advisory_id = ?');
    const putAdvisory = db.prepare('INSERT OR REPLACE INTO advisories (id, source, modified, withdrawn, codec, json) VALUES (?, ?, ?, ?, ?, ?)');
    const putAffected = db.prepare('INSERT OR IGNORE INTO affected (ecosystem_base, name_normalised, advisory_id) VALUES (?, ?, ?)');
    const putAlias = db.prepare('INSERT OR IGNORE INTO aliases (alias, advisory_id) VALUES (?, ?)');
    let open = true;
    const finish = (): void => {
      open = false;
      this.writing = false;
      this.cache.clear();
    };
    return {
      source: info.name,
      put: (record: OsvRecord): void => {
        if (!open) throw new Error('source writer already closed');
        const { codec, data } = encodeRecord(JSON.stringify(record));
        delAffected.run(record.id);
        delAliases.run(record.id);
        putAdvisory.run(record.id, info.name, record.modified, typeof record.withdrawn === 'string' ? record.withdrawn : null, codec, data);
        for (const k of indexKeys(record)) putAffected.run(k.base, k.name, record.id);
        // `upstream` too: osv.dev's distro records (ALPINE-CVE-…, DEBIAN-CVE-…) name their CVE there, not in aliases.
        for (const alias of [...(record.aliases ?? []), ...(Array.isArray(record.upstream) ? record.upstream : [])]) if (typeof alias === 'string' && alias !== '') putAlias.run(alias, record.id);
      },
      commit: (): number => {
        if (!open) throw new Error('source writer already closed');
        try {
          const n = (db.prepare('SELECT count(*) AS n FROM advisories WHERE source = ?').get(info.name) as { n: number }).n;
          db.prepare(
            'INSERT OR REPLACE INTO sources (name, kind, url, path, etag, last_modified, imported_at, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          ).run(info.name, info.kind ?? kindOf(info.name), info.url ?? null, info.path ?? null, info.etag ?? null, info.lastModified ?? null, importedAt.toISOString(), n);
          db.exec('COMMIT');
          finish();
          // A whole-ecosystem import leaves a WAL as large as the data; fold it back so the file on disk is the database.
          db.pragma('wal_checkpoint(TRUNCATE)');
          return n;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          finish();
          throw e;
        }
      },
      rollback: (): void => {
        if (!open) return;
        if (db.inTransaction) db.exec('ROLLBACK');
        finish();
      },
    };
  }

  private deleteSourceRows(name: string): number {
    this.db.prepare('DELETE FROM affected WHERE advisory_id IN (SELECT id FROM advisories WHERE source = ?)').run(name);
    this.db.prepare('DELETE FROM aliases WHERE advisory_id IN (SELECT id FROM advisories WHERE source = ?)').run(name);
    return this.db.prepare('DELETE FROM advisories WHERE source = ?').run(name).changes;
  }

  private assertWritable(): void {
    if (this.readonly) throw new Error(`advisory database ${this.path} is open read-only`);
  }
}
