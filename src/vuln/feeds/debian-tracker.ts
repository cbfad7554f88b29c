/**
 * The Debian security tracker's advisory lists (`data/DSA/list`, `data/DLA/list`, `data/DTSA/list` in
 * salsa.debian.org/security-tracker-team/security-tracker) → OSV records, in the shape osv.dev gives its DSA/DLA/DTSA
 * records. Pure: text in, records and issues out.
 *
 *   [29 Mar 2023] DSA-5380-1 xorg-server - security update
 *   	{CVE-2023-1393}
 *   	[bullseye] - xorg-server 2:1.20.11-1+deb11u6
 *   	[buster] - foo <not-affected> (Vulnerable code not present)
 *   	NOTE: …
 */
import { debianReleaseFor } from '../../ecosystems/_lib/os-release.js';
import { scheme as dpkg } from '../../ecosystems/debian/versioning.js';
import type { OsvAffected, OsvRecord } from '../osv.js';

export interface FeedIssue {
  line: number;
  message: string;
}

export interface FeedParseResult {
  records: OsvRecord[];
  issues: FeedIssue[];
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** `29 Mar 2023` (DSA, DLA) or `August 26th, 2005` (DTSA) → `2023-03-29T00:00:00Z`. */
export function parseTrackerDate(text: string): string | undefined {
  const t = text.trim();
  let d: number, m: number | undefined, y: number;
  let match = /^(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})$/.exec(t);
  if (match) {
    d = Number(match[1]);
    m = MONTHS[match[2]!.toLowerCase()];
    y = Number(match[3]);
  } else {
    match = /^([A-Za-z]{3,9}) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
    if (!match) return undefined;
    m = MONTHS[match[1]!.toLowerCase()];
    d = Number(match[2]);
    y = Number(match[3]);
  }
  if (m === undefined || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return date.toISOString().replace('.000Z', 'Z');
}

const HEADER = /^\[([^\]]+)\]\s+((?:DSA|DLA|DTSA)-\d+(?:-\d+)?)\b\s*(.*)$/;
const RELEASE_LINE = /^\[([a-z][a-z0-9-]*)\]\s+-\s+(\S+)(?:\s+(.*))?$/;
const CVE = /^CVE-\d{4}-\d{4,}$/;

interface Draft {
  record: OsvRecord;
  line: number;
  affected: OsvAffected[];
}

/**
 * Parses one list file. `file` names it in issues; `kind` says which list it is (the ids carry it too, but a DLA in the
 * DSA list is worth an issue). One record per advisory: aliases = its CVEs; one `affected` entry per release line with a
 * fixed version (`Debian:<release>`, range `introduced 0 → fixed`); `<not-affected>` adds none; `<unfixed>` and
 * `<end-of-life>` add an entry with no fix (every version affected — never read as safe). `published` is the
 * advisory's date and `modified` the same date: the list records no later change.
 */
export function parseDebianTrackerList(text: string, file: string, kind: 'DSA' | 'DLA' | 'DTSA'): FeedParseResult {
  const records: OsvRecord[] = [];
  const issues: FeedIssue[] = [];
  const unknownReleases = new Map<string, { line: number; count: number }>();
  let current: Draft | undefined;
  const flush = (): void => {
    if (!current) return;
    current.record.affected = current.affected;
    records.push(current.record);
    current = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    if (!/^\s/.test(raw)) {
      flush();
      const h = HEADER.exec(raw);
      if (!h) {
        issues.push({ line: n, message: `not an advisory header: ${raw.slice(0, 80)}` });
        continue;
      }
      const [, dateText, id, rest] = h as unknown as [string, string, string, string];
      const date = parseTrackerDate(dateText);
      if (!date) {
        issues.push({ line: n, message: `${id}: unreadable date "${dateText}"; advisory left out` });
        continue;
      }
      if (!id.startsWith(`${kind}-`)) issues.push({ line: n, message: `${id} in the ${kind} list` });
      const sep = rest.indexOf(' - ');
      const summary = (sep >= 0 ? `${rest.slice(0, sep).trim()} - ${rest.slice(sep + 3).trim()}` : rest.trim()).replace(/\s+/g, ' ');
      const record: OsvRecord = {
        id,
        modified: date,
        published: date,
        ...(summary !== '' ? { summary } : {}),
        references: [{ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${id}` }],
        database_specific: { source: `${file}:${n}` },
      };
      current = { record, line: n, affected: [] };
      continue;
    }
    const body = raw.trim();
    if (!current) {
      issues.push({ line: n, message: 'indented line before any advisory header' });
      continue;
    }
    if (body.startsWith('NOTE:')) continue;
    if (body.startsWith('{')) {
      const close = body.indexOf('}');
      const ids = (close >= 0 ? body.slice(1, close) : body.slice(1)).split(/\s+/).filter((s) => s !== '');
      if (close < 0) issues.push({ line: n, message: `${current.record.id}: unterminated {…} list` });
      const aliases = current.record.aliases ?? [];
      for (const a of ids) {
        if (CVE.test(a)) {
          if (!aliases.includes(a)) aliases.push(a);
        } else issues.push({ line: n, message: `${current.record.id}: "${a}" is not a CVE id; not recorded as an alias` });
      }
      if (aliases.length > 0) current.record.aliases = aliases;
      continue;
    }
    const r = RELEASE_LINE.exec(body);
    if (!r) {
      issues.push({ line: n, message: `${current.record.id}: unreadable line: ${body.slice(0, 80)}` });
      continue;
    }
    const [, codename, pkg, restText] = r as unknown as [string, string, string, string | undefined];
    const release = debianReleaseFor(codename);
    if (!release) {
      // Releases before lenny (woody, sarge, etch) have no number Palisade matches on; reported once per codename, not per line.
      const u = unknownReleases.get(codename);
      if (u) u.count++;
      else unknownReleases.set(codename, { line: n, count: 1 });
      continue;
    }
    const token = (restText ?? '').trim().split(/\s+/)[0] ?? '';
    const ecosystem = `Debian:${release}`;
    const entry = (events: { introduced?: string; fixed?: string }[], status?: string): OsvAffected => ({
      package: { ecosystem, name: pkg, purl: `pkg:deb/debian/${pkg}?arch=source` },
      ranges: [{ type: 'ECOSYSTEM', events }],
      ...(status ? { database_specific: { tracker_status: status } } : {}),
    });
    if (token === '<not-affected>') continue;
    if (token === '<unfixed>' || token === '<end-of-life>') {
      current.affected.push(entry([{ introduced: '0' }], token.slice(1, -1)));
      continue;
    }
    if (token === '' || token.startsWith('<')) {
      issues.push({ line: n, message: `${current.record.id}: [${codename}] ${pkg}: ${token === '' ? 'no version' : `unknown marker ${token}`}; entry left out` });
      continue;
    }
    if (dpkg.parse(token) === undefined) {
      issues.push({ line: n, message: `${current.record.id}: [${codename}] ${pkg}: "${token}" is not a Debian version; entry left out` });
      continue;
    }
    current.affected.push(entry([{ introduced: '0' }, { fixed: token }]));
  }
  flush();
  for (const [codename, u] of unknownReleases) {
    issues.push({ line: u.line, message: `release "${codename}" has no Debian release number Palisade matches on; ${u.count} entr${u.count === 1 ? 'y' : 'ies'} for it left out` });
  }
  issues.sort((a, b) => a.line - b.line);
  return { records, issues };
}
