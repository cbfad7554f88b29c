import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { OsvRecord } from '../osv.js';
import { parseDebianTrackerList } from '../feeds/debian-tracker.js';
import { mergeAlpineRecords, parseAlpineSecdb } from '../feeds/alpine-secdb.js';
import type { ImportIssue, ImportResult } from './import.js';
import type { AdvisoryDb } from './store.js';

export interface FeedImportOptions {
  now: Date;
  /** Defaults to `debian-tracker` / `alpine-secdb`. */
  sourceName?: string;
  onProgress?(n: number): void;
}

/** The tracker's list files are about 1 MB; anything far larger is not one. */
const MAX_FEED_FILE_BYTES = 64 * 1024 * 1024;

async function readText(path: string): Promise<string> {
  const s = await stat(path);
  if (!s.isFile()) throw new Error('not a regular file');
  if (s.size > MAX_FEED_FILE_BYTES) throw new Error(`${s.size} bytes, larger than the ${MAX_FEED_FILE_BYTES}-byte limit for a feed file`);
  return readFile(path, 'utf8');
}

/** DSA, DLA or DTSA, from the tracker's layout (`data/DSA/list`), a file name such as `DSA.list`, or the first advisory id. */
export function debianListKind(path: string, text: string): 'DSA' | 'DLA' | 'DTSA' | undefined {
  const parts = resolve(path).split(/[\\/]/);
  const named = [basename(path).split('.')[0], parts[parts.length - 2]].map((s) => (s ?? '').toUpperCase());
  for (const k of ['DTSA', 'DSA', 'DLA'] as const) if (named.includes(k)) return k;
  const m = /^\[[^\]]+\]\s+(DTSA|DSA|DLA)-/m.exec(text);
  return m ? (m[1] as 'DSA' | 'DLA' | 'DTSA') : undefined;
}

function write(db: AdvisoryDb, source: string, kind: string, path: string | undefined, records: OsvRecord[], skipped: ImportIssue[], errors: ImportIssue[], opts: FeedImportOptions): ImportResult {
  if (errors.length > 0) return { source, records: 0, skipped, errors };
  const writer = db.beginSource({ name: source, kind, ...(path ? { path } : {}) }, opts.now);
  try {
    records.forEach((r, i) => {
      writer.put(r);
      if (opts.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1);
    });
  } catch (e) {
    writer.rollback();
    throw e;
  }
  const n = writer.commit();
  opts.onProgress?.(records.length);
  return { source, records: n, skipped, errors };
}

/**
 * Imports the Debian security tracker's DSA/DLA/DTSA list files as one source (default `debian-tracker`), replacing
 * what that source held. A file that cannot be read fails the whole import and nothing is written.
 */
export async function importDebianTracker(db: AdvisoryDb, files: readonly string[], opts: FeedImportOptions): Promise<ImportResult> {
  const source = opts.sourceName ?? 'debian-tracker';
  const records: OsvRecord[] = [];
  const skipped: ImportIssue[] = [];
  const errors: ImportIssue[] = [];
  for (const f of files.map((x) => resolve(x))) {
    let text: string;
    try {
      text = await readText(f);
    } catch (e) {
      errors.push({ where: f, reason: (e as Error).message });
      continue;
    }
    const kind = debianListKind(f, text);
    if (!kind) {
      errors.push({ where: f, reason: 'not a Debian security tracker list (no DSA/DLA/DTSA advisory header found)' });
      continue;
    }
    const res = parseDebianTrackerList(text, basename(f), kind);
    records.push(...res.records);
    for (const i of res.issues) skipped.push({ where: `${f}:${i.line}`, reason: i.message });
  }
  return write(db, source, 'debian-tracker', files.length === 1 ? resolve(files[0]!) : undefined, records, skipped, errors, opts);
}

async function secdbFiles(path: string, out: string[]): Promise<void> {
  const s = await stat(path);
  if (!s.isDirectory()) {
    out.push(path);
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(path, e.name);
    if (e.isDirectory()) await secdbFiles(p, out);
    else if (e.isFile() && /\.(json|ya?ml)$/i.test(e.name)) out.push(p);
  }
}

/**
 * Imports Alpine secdb files (or directories of `v3.x/main.json`-style files) as ONE source (default `alpine-secdb`):
 * osv.dev's ALPINE-CVE-… ids span every release, so records of all files are merged per CVE before they are written.
 * Import every release you scan in one call — a later call replaces the source. `modified` is the file's mtime: secdb
 * records carry no dates.
 */
export async function importAlpineSecdb(db: AdvisoryDb, dirOrFiles: string | readonly string[], opts: FeedImportOptions): Promise<ImportResult> {
  const source = opts.sourceName ?? 'alpine-secdb';
  const inputs = (typeof dirOrFiles === 'string' ? [dirOrFiles] : [...dirOrFiles]).map((x) => resolve(x));
  const groups: OsvRecord[][] = [];
  const skipped: ImportIssue[] = [];
  const errors: ImportIssue[] = [];
  const files: string[] = [];
  for (const input of inputs) {
    try {
      await secdbFiles(input, files);
    } catch (e) {
      errors.push({ where: input, reason: (e as Error).message });
    }
  }
  if (files.length === 0 && errors.length === 0) errors.push({ where: inputs.join(', '), reason: 'no secdb files (.json, .yaml) found' });
  for (const f of files) {
    let text: string;
    let modified: string;
    try {
      text = await readText(f);
      modified = (await stat(f)).mtime.toISOString().replace(/\.\d{3}Z$/, 'Z');
    } catch (e) {
      errors.push({ where: f, reason: (e as Error).message });
      continue;
    }
    const res = parseAlpineSecdb(text, basename(f), { modified });
    groups.push(res.records);
    for (const i of res.issues) skipped.push({ where: `${f}:${i.line}`, reason: i.message });
  }
  return write(db, source, 'alpine-secdb', inputs.length === 1 ? inputs[0] : undefined, mergeAlpineRecords(groups), skipped, errors, opts);
}
