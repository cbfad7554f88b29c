/**
 * Alpine secdb (https://secdb.alpinelinux.org/<v3.x>/<main|community>.json, and the older YAML files of the same
 * shape) → OSV records in osv.dev's Alpine style: id `ALPINE-<CVE>`, `upstream: [<CVE>]`, one affected entry per
 * package and release (`Alpine:v3.19`, range `introduced 0 → fixed <secfix version>`), purl `pkg:apk/alpine/<name>?arch=source`,
 * an ADVISORY reference to security.alpinelinux.org. Pure: text in, records and issues out.
 *
 * osv.dev publishes ONE record per CVE covering every release; `parseAlpineSecdb` reads one file (one release, one
 * repository) and `mergeAlpineRecords` joins the per-file records into that shape, so records of two releases never
 * overwrite each other in the database.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { scheme as apk } from '../../ecosystems/alpine/versioning.js';
import type { OsvAffected, OsvRecord } from '../osv.js';
import type { FeedIssue, FeedParseResult } from './debian-tracker.js';

const CVE = /^CVE-\d{4}-\d{4,}$/;

/** secdb records carry no dates; the importer passes the file's time, and this stands in when nothing better is known. */
export const UNKNOWN_MODIFIED = '1970-01-01T00:00:00Z';

function get(map: YAMLMap, key: string): unknown {
  return map.get(key, true);
}

function str(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/**
 * Parses one secdb file (JSON, or YAML of the same shape). Every scalar is read as a string (YAML failsafe schema), so a
 * version key such as `1.10-r0` or `0` stays exactly as written. A `0` key lists CVEs the package was never affected
 * by: no affected entry. Secfix lines are `CVE-… [other ids]`; the first id is the CVE (as osv.dev reads them), and an
 * entry whose first id is not a CVE is reported and left out.
 */
export function parseAlpineSecdb(text: string, file: string, opts: { modified?: string } = {}): FeedParseResult {
  const issues: FeedIssue[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const range = (node as YamlNode | undefined)?.range;
    return range ? lc.linePos(range[0]).line : 0;
  };
  for (const e of doc.errors) issues.push({ line: e.linePos?.[0]?.line ?? 0, message: e.message.split('\n')[0]! });
  if (doc.errors.length > 0) return { records: [], issues };
  const root = doc.contents;
  if (!isMap(root)) return { records: [], issues: [{ line: 1, message: `${file}: not a secdb document (expected an object with distroversion and packages)` }] };
  const release = str(get(root, 'distroversion'));
  if (!release || !/^v\d+\.\d+$|^edge$/.test(release)) return { records: [], issues: [{ line: lineOf(get(root, 'distroversion')) || 1, message: `${file}: missing or unreadable "distroversion" (${release ?? 'absent'})` }] };
  const packages = get(root, 'packages');
  if (!isSeq(packages)) return { records: [], issues: [{ line: 1, message: `${file}: "packages" is not a list` }] };
  const ecosystem = `Alpine:${release}`;
  const modified = opts.modified ?? UNKNOWN_MODIFIED;
  const byCve = new Map<string, OsvRecord>();
  for (const item of packages.items) {
    const pkg = isMap(item) ? get(item, 'pkg') : undefined;
    if (!isMap(pkg)) {
      issues.push({ line: lineOf(item), message: 'package entry without "pkg"' });
      continue;
    }
    const name = str(get(pkg, 'name'));
    if (!name) {
      issues.push({ line: lineOf(pkg), message: 'package without a name' });
      continue;
    }
    const secfixes = get(pkg, 'secfixes');
    if (secfixes === undefined || secfixes === null || (isScalar(secfixes) && (secfixes.value === null || secfixes.value === ''))) continue;
    if (!isMap(secfixes)) {
      issues.push({ line: lineOf(secfixes), message: `${name}: "secfixes" is not a map` });
      continue;
    }
    for (const pair of secfixes.items as Pair<unknown, unknown>[]) {
      const version = str(pair.key);
      const line = lineOf(pair.key);
      if (version === undefined) {
        issues.push({ line, message: `${name}: secfix without a version` });
        continue;
      }
      const notAffected = version === '0';
      if (!notAffected && apk.parse(version) === undefined) {
        issues.push({ line, message: `${name}: "${version}" is not an Alpine package version; its fixes left out` });
        continue;
      }
      const list = pair.value;
      if (!isSeq(list)) {
        if (!(isScalar(list) && (list.value === null || list.value === ''))) issues.push({ line, message: `${name} ${version}: the fixed ids are not a list` });
        continue;
      }
      for (const idNode of list.items) {
        const first = (str(idNode) ?? '').trim().split(/\s+/)[0] ?? '';
        if (!CVE.test(first)) {
          issues.push({ line: lineOf(idNode), message: `${name} ${version}: "${str(idNode) ?? ''}" does not start with a CVE id; left out` });
          continue;
        }
        if (notAffected) continue;
        const id = `ALPINE-${first}`;
        let rec = byCve.get(id);
        if (!rec) {
          rec = {
            id,
            modified,
            upstream: [first],
            references: [{ type: 'ADVISORY', url: `https://security.alpinelinux.org/vuln/${first}` }],
            affected: [],
          };
          byCve.set(id, rec);
        }
        const affected: OsvAffected = {
          package: { ecosystem, name, purl: `pkg:apk/alpine/${name}?arch=source` },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }],
        };
        const dup = rec.affected!.some((a) => a.package?.name === name && a.ranges?.[0]?.events[1]?.fixed === version);
        if (!dup) rec.affected!.push(affected);
      }
    }
  }
  const records = [...byCve.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, issues };
}

/**
 * Joins records of several secdb files into one record per id, as osv.dev publishes them: affected entries are
 * concatenated (deduplicated) and `modified` is the newest of the inputs.
 */
export function mergeAlpineRecords(groups: readonly (readonly OsvRecord[])[]): OsvRecord[] {
  const out = new Map<string, OsvRecord>();
  for (const records of groups) {
    for (const r of records) {
      const have = out.get(r.id);
      if (!have) {
        out.set(r.id, { ...r, affected: [...(r.affected ?? [])] });
        continue;
      }
      if (r.modified > have.modified) have.modified = r.modified;
      const seen = new Set((have.affected ?? []).map((a) => JSON.stringify(a)));
      for (const a of r.affected ?? []) {
        const k = JSON.stringify(a);
        if (!seen.has(k)) {
          seen.add(k);
          have.affected!.push(a);
        }
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
