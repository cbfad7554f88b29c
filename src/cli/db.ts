/** `palisade db import|update|status|path`: the local advisory database the vulnerability scanner reads. */
import { mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { EXIT } from '../core/report.js';
import type { CliIO } from './io.js';

export const DB_HELP = `Usage:
  palisade db update [--ecosystem <names>] [--db <file>] [--url <base>]
  palisade db import <file|dir>... [--source <name>] [--feed osv|debian|alpine] [--db <file>]
  palisade db status [--format table|json] [--db <file>]
  palisade db path

The advisory database is a SQLite file in the user cache directory ($PALISADE_DB, else $PALISADE_CACHE_DIR/osv.sqlite,
else ~/.cache/palisade/osv.sqlite on Linux). Scans read it offline; nothing is downloaded during a scan.

update   downloads osv.dev's per-ecosystem exports (<url>/<Ecosystem>/all.zip) over HTTPS with conditional requests
         (unchanged exports are not downloaded again). Each ecosystem is replaced in one transaction: an interrupted
         update leaves the previous data usable.
import   loads OSV records from JSON, JSON-lines, gzip or zip files, or a directory of them — e.g. osv.dev exports
         fetched elsewhere, or your organisation's own private advisories (--source private:<name>). --feed debian
         reads the Debian security tracker's DSA/DLA/DTSA list files; --feed alpine reads Alpine secdb JSON files.
status   shows the sources, record counts per ecosystem and the age of the data.

Examples:
  palisade db update
  palisade db update --ecosystem npm,PyPI,Go
  palisade db import ./osv-exports/            # offline: all.zip files copied from a connected machine
  palisade db import internal-advisories.jsonl --source private:acme
  palisade db import --feed debian security-tracker/data/DSA/list
  palisade db status --format json
`;

class DbUsageError extends Error {}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export async function dbPathFor(io: CliIO, explicit: string | undefined): Promise<string> {
  if (explicit) return resolve(io.cwd, explicit);
  const { defaultDbPath } = await import('../vuln/db/location.js');
  return defaultDbPath(io.env as NodeJS.ProcessEnv, process.platform, io.env.HOME ?? homedir());
}

function progressLine(io: CliIO, quiet: boolean): (text: string | undefined) => void {
  const tty = !quiet && io.stderr.isTTY === true;
  let last = 0;
  return (text) => {
    if (!tty) return;
    if (text === undefined) {
      io.stderr.write('\r\x1b[K');
      return;
    }
    const t = Date.now();
    if (t - last < 100) return;
    last = t;
    io.stderr.write(`\r\x1b[K${text}`);
  };
}

function mb(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

export async function runDb(
  args: string[],
  io: CliIO,
  parse: (args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>) => { values: Values; positionals: string[] },
): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(DB_HELP);
    return sub ? EXIT.clean : EXIT.usage;
  }
  const { values, positionals } = parse(rest, {
    db: { type: 'string' },
    ecosystem: { type: 'string', multiple: true },
    url: { type: 'string' },
    source: { type: 'string' },
    feed: { type: 'string' },
    format: { type: 'string', short: 'f' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(DB_HELP);
    return EXIT.clean;
  }
  const path = await dbPathFor(io, values.db as string | undefined);
  const now = io.now();
  const progress = progressLine(io, values.quiet === true);
  try {
    switch (sub) {
      case 'path':
        io.stdout.write(path + '\n');
        return EXIT.clean;
      case 'status':
        return await status(io, path, (values.format as string | undefined) ?? 'table', now);
      case 'import':
        return await importCmd(io, path, positionals, values, now, progress);
      case 'update':
        return await updateCmd(io, path, values, now, progress);
      default:
        throw new DbUsageError(`unknown db subcommand "${sub}"; use update, import, status or path`);
    }
  } catch (e) {
    progress(undefined);
    if (e instanceof DbUsageError) {
      io.stderr.write(`palisade: ${e.message}\nRun \`palisade db --help\` for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function openWritable(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  const { AdvisoryDb } = await import('../vuln/db/store.js');
  return AdvisoryDb.open(path);
}

async function status(io: CliIO, path: string, format: string, now: Date): Promise<number> {
  if (format !== 'table' && format !== 'json') throw new DbUsageError(`db status --format must be table or json, got "${format}"`);
  let exists = true;
  try {
    statSync(path);
  } catch {
    exists = false;
  }
  if (!exists) {
    if (format === 'json') io.stdout.write(JSON.stringify({ path, exists: false }, null, 2) + '\n');
    else io.stdout.write(`No advisory database at ${path}.\nRun \`palisade db update\` (online) or \`palisade db import <file|dir>\` (offline) to create it.\n`);
    return EXIT.scanError;
  }
  const { AdvisoryDb } = await import('../vuln/db/store.js');
  const { staleness } = await import('../vuln/db/location.js');
  const db = AdvisoryDb.open(path, { readonly: true });
  try {
    const s = db.status();
    const stale = staleness(s, now);
    if (format === 'json') {
      io.stdout.write(JSON.stringify({ ...s, exists: true, ...(stale ? { warning: stale } : {}) }, null, 2) + '\n');
      return EXIT.clean;
    }
    const lines = [`Database: ${s.path} (${mb(s.sizeBytes)}, schema ${s.schemaVersion})`, `Records:  ${s.total}`, `Updated:  ${s.lastUpdate ?? 'never'}`];
    if (s.newestModified) lines.push(`Newest advisory modified: ${s.newestModified}`);
    lines.push('', 'Sources:');
    const w = Math.max(6, ...s.sources.map((x) => x.name.length));
    for (const src of s.sources) lines.push(`  ${src.name.padEnd(w)}  ${String(src.records).padStart(7)} records  imported ${src.importedAt}${src.url ? `  ${src.url}` : ''}`);
    lines.push('', 'By ecosystem:');
    const eco = Object.entries(s.byEcosystem).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const we = Math.max(9, ...eco.map(([k]) => k.length));
    for (const [k, n] of eco) lines.push(`  ${k.padEnd(we)}  ${String(n).padStart(7)}`);
    if (stale) lines.push('', `Warning: ${stale}`);
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT.clean;
  } finally {
    db.close();
  }
}

async function importCmd(io: CliIO, path: string, inputs: string[], values: Values, now: Date, progress: (t: string | undefined) => void): Promise<number> {
  if (inputs.length === 0) throw new DbUsageError('db import needs at least one file or directory');
  const feed = (values.feed as string | undefined) ?? 'osv';
  if (!['osv', 'debian', 'alpine'].includes(feed)) throw new DbUsageError(`--feed must be osv, debian or alpine, got "${feed}"`);
  const source = values.source as string | undefined;
  if (source !== undefined && inputs.length > 1 && feed === 'osv') throw new DbUsageError('--source names one import; give one file or directory with it');
  for (const input of inputs) {
    try {
      statSync(resolve(io.cwd, input));
    } catch {
      throw new DbUsageError(`no such file or directory: ${input}`);
    }
  }
  const db = await openWritable(path);
  let failed = false;
  try {
    if (feed !== 'osv') {
      // A feed is one source (e.g. the DSA, DLA and DTSA lists together): import every file in one call, or each
      // file would replace the previous one.
      const feeds = await import('../vuln/db/feeds-import.js');
      const abs = inputs.map((i) => resolve(io.cwd, i));
      const opts = { now, ...(source ? { sourceName: source } : {}) };
      const res = feed === 'debian' ? await feeds.importDebianTracker(db, abs, opts) : await feeds.importAlpineSecdb(db, abs, opts);
      io.stderr.write(`imported ${res.records} records from ${inputs.join(', ')} as ${res.source}\n`);
      for (const e of [...res.skipped, ...res.errors].slice(0, 20)) io.stderr.write(`  ${e.where}: ${e.reason}\n`);
      if (res.errors.length > 0) failed = true;
      io.stderr.write(`database: ${path}\n`);
      return failed ? EXIT.scanError : EXIT.clean;
    }
    for (const input of inputs) {
      const abs = resolve(io.cwd, input);
      const started = performance.now();
      const { importPath } = await import('../vuln/db/import.js');
      const res = await importPath(db, abs, { ...(source ? { sourceName: source } : {}), now, onProgress: (n) => progress(`Importing ${basename(abs)}: ${n} records…`) });
      progress(undefined);
      io.stderr.write(`imported ${res.records} records from ${input} as ${res.source} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      for (const s of res.skipped.slice(0, 20)) io.stderr.write(`  skipped ${s.where}: ${s.reason}\n`);
      if (res.skipped.length > 20) io.stderr.write(`  … and ${res.skipped.length - 20} more skipped\n`);
      for (const e of res.errors) io.stderr.write(`  error ${e.where}: ${e.reason}\n`);
      if (res.errors.length > 0) failed = true;
    }
  } finally {
    db.close();
  }
  io.stderr.write(`database: ${path}\n`);
  return failed ? EXIT.scanError : EXIT.clean;
}

async function updateCmd(io: CliIO, path: string, values: Values, now: Date, progress: (t: string | undefined) => void): Promise<number> {
  const { updateFromOsv, DEFAULT_UPDATE_ECOSYSTEMS } = await import('../vuln/db/update.js');
  const requested = ((values.ecosystem as string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  const ecosystems = requested.length > 0 ? requested : [...DEFAULT_UPDATE_ECOSYSTEMS];
  const db = await openWritable(path);
  try {
    const res = await updateFromOsv(db, {
      ecosystems,
      ...(values.url ? { baseUrl: values.url as string } : {}),
      now,
      cacheDir: dirname(path),
      onProgress: (e) => progress(`Downloading ${e.ecosystem}: ${mb(e.received)}${e.total ? ` of ${mb(e.total)}` : ''}`),
    });
    progress(undefined);
    let failed = 0;
    for (const r of res.results) {
      if (r.status === 'error') {
        failed++;
        io.stderr.write(`  ${r.ecosystem}: FAILED — ${r.message} (the previous data for it is kept)\n`);
      } else io.stderr.write(`  ${r.ecosystem}: ${r.status === 'unchanged' ? 'unchanged' : `${r.records} records`}\n`);
    }
    io.stderr.write(`database: ${path}\n`);
    return failed > 0 ? EXIT.scanError : EXIT.clean;
  } finally {
    db.close();
  }
}
