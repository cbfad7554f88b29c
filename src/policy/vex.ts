/**
 * VEX in: statements from an OpenVEX 0.2 document or a CycloneDX BOM with `analysis` on its vulnerabilities, applied to
 * vulnerability findings as suppressions (`by: 'vex'`). Pure: the caller reads the file.
 */
import type { Finding, Suppression } from '../core/finding.js';
import type { DataPath, Location } from '../core/location.js';
import type { ParseIssue } from '../core/package.js';
import { err, ok, type Result } from '../core/result.js';
import { parsePurl } from '../ecosystems/_lib/purl.js';
import { isRecord, parseJson, pointAt } from '../ecosystems/_lib/sbom/json.js';
import { parseSingleYaml } from './located.js';

import { VEX_JUSTIFICATIONS, VEX_STATUSES, type VexJustification, type VexStatus } from '../core/vex.js';

export { VEX_JUSTIFICATIONS, VEX_STATUSES, type VexJustification, type VexStatus };

/** One statement, in OpenVEX terms whichever format it came from. */
export interface VexStatement {
  /** The vulnerability's name (`CVE-…`, `GHSA-…`). */
  vulnerability: string;
  aliases: string[];
  /** Product and subcomponent identifiers (purls, mostly) the statement is about. */
  products: string[];
  status: VexStatus;
  justification?: VexJustification;
  impactStatement?: string;
  actionStatement?: string;
  statusNotes?: string;
  /** ISO timestamp: the statement's own, else its document's; decides which of two statements wins. */
  timestamp?: string;
  /** `<file>#<statement @id or index>`, recorded as the suppression's source. */
  source: string;
  location: Location;
}

// ---------------------------------------------------------------------------------------------------------------------
// Parsing

/** Locates data paths lazily: the YAML source map is only built when there is something to report. */
class Locator {
  private source: ReturnType<typeof parseSingleYaml> | undefined;
  constructor(
    private readonly text: string,
    private readonly path: string,
  ) {}
  at(dataPath: DataPath): Location {
    this.source ??= parseSingleYaml(this.text, this.path);
    const s = this.source;
    return s.ok && s.doc.source ? s.doc.source.locate(dataPath) : pointAt(this.path, 1);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Reads an OpenVEX 0.2 document (also the 0.0.x shape with string vulnerabilities and products) or a CycloneDX BOM used as
 * VEX. Malformed input is an error with its location; a statement that breaks the spec (an unknown status, `not_affected`
 * without justification or impact statement) makes the whole document an error — a half-read VEX would silently waive less
 * or more than its author meant.
 */
export function parseOpenVex(text: string, path: string): Result<VexStatement[], ParseIssue[]> {
  const parsed = parseJson(text, path);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const where = new Locator(text, path);
  if (!isRecord(doc)) return err([{ code: 'not-vex', message: 'a VEX document is a JSON object', location: pointAt(path, 1) }]);
  if (doc['bomFormat'] === 'CycloneDX') return cycloneDxStatements(doc, path, where);
  const context = str(doc['@context']);
  if (!context || !/^https?:\/\/openvex\.dev\/ns/.test(context)) {
    return err([{ code: 'not-vex', message: 'neither OpenVEX (@context https://openvex.dev/ns/…) nor a CycloneDX BOM', location: where.at(['@context']) }]);
  }
  return openVexStatements(doc, path, where);
}

function openVexStatements(doc: Record<string, unknown>, path: string, where: Locator): Result<VexStatement[], ParseIssue[]> {
  const issues: ParseIssue[] = [];
  const issue = (dataPath: DataPath, message: string, code = 'invalid-statement'): void => {
    issues.push({ code, message, location: where.at(dataPath) });
  };
  const raw = doc['statements'];
  if (!Array.isArray(raw)) {
    issue(['statements'], 'statements must be a list');
    return err(issues);
  }
  const docTime = str(doc['last_updated']) ?? str(doc['timestamp']);
  const out: VexStatement[] = [];
  raw.forEach((s: unknown, i) => {
    const at = (...rest: DataPath): DataPath => ['statements', i, ...rest];
    if (!isRecord(s)) return issue(at(), `statement ${i} is not an object`);
    const v = s['vulnerability'];
    const name = typeof v === 'string' ? str(v) : isRecord(v) ? str(v['name']) ?? str(v['@id']) : undefined;
    if (!name) return issue(at('vulnerability'), `statement ${i}: vulnerability.name is required`);
    const aliases = isRecord(v) && Array.isArray(v['aliases']) ? v['aliases'].filter((a): a is string => typeof a === 'string') : [];
    const status = s['status'];
    if (!(VEX_STATUSES as readonly unknown[]).includes(status)) {
      return issue(at('status'), `statement ${i}: status must be one of ${VEX_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
    }
    const justification = s['justification'];
    if (justification !== undefined && !(VEX_JUSTIFICATIONS as readonly unknown[]).includes(justification)) {
      return issue(at('justification'), `statement ${i}: unknown justification ${JSON.stringify(justification)}; use one of ${VEX_JUSTIFICATIONS.join(', ')}`);
    }
    const impact = str(s['impact_statement']);
    if (status === 'not_affected' && justification === undefined && impact === undefined) {
      return issue(at('status'), `statement ${i}: not_affected needs a justification or an impact_statement`);
    }
    const products = productIds(s['products']);
    if (products === undefined) return issue(at('products'), `statement ${i}: products must be a list of objects with @id or identifiers.purl`);
    if (products.length === 0) return issue(at('products'), `statement ${i}: names no product, so it cannot apply to anything`);
    const id = str(s['@id']);
    const statement: VexStatement = {
      vulnerability: name,
      aliases,
      products,
      status: status as VexStatus,
      source: `${path}#${id ?? i}`,
      location: where.at(at()),
    };
    if (justification !== undefined) statement.justification = justification as VexJustification;
    if (impact !== undefined) statement.impactStatement = impact;
    const action = str(s['action_statement']);
    if (action !== undefined) statement.actionStatement = action;
    const notes = str(s['status_notes']);
    if (notes !== undefined) statement.statusNotes = notes;
    const time = str(s['last_updated']) ?? str(s['timestamp']) ?? docTime;
    if (time !== undefined) statement.timestamp = time;
    out.push(statement);
  });
  return issues.length > 0 ? err(issues) : ok(out);
}

/** `@id` and `identifiers.purl` of each product and of its subcomponents; undefined when the shape is wrong. */
function productIds(products: unknown): string[] | undefined {
  if (!Array.isArray(products)) return undefined;
  const ids: string[] = [];
  const add = (p: unknown): boolean => {
    if (typeof p === 'string') {
      if (p.trim() !== '') ids.push(p.trim());
      return true;
    }
    if (!isRecord(p)) return false;
    const id = str(p['@id']);
    if (id) ids.push(id);
    const purl = isRecord(p['identifiers']) ? str(p['identifiers']['purl']) : undefined;
    if (purl && purl !== id) ids.push(purl);
    const subs = p['subcomponents'];
    if (subs !== undefined && (!Array.isArray(subs) || !subs.every(add))) return false;
    return true;
  };
  return products.every(add) ? ids : undefined;
}

const CDX_STATE: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

/** CycloneDX justifications onto OpenVEX's (CISA's mapping between the two, nearest term). */
const CDX_JUSTIFICATION: Record<string, VexJustification> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

function cycloneDxStatements(bom: Record<string, unknown>, path: string, where: Locator): Result<VexStatement[], ParseIssue[]> {
  const issues: ParseIssue[] = [];
  // bom-ref → purl for every component, however deeply nested.
  const purls = new Map<string, string>();
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isRecord(c)) continue;
      const ref = str(c['bom-ref']);
      const purl = str(c['purl']);
      if (ref && purl) purls.set(ref, purl);
      walk(c['components']);
    }
  };
  walk(bom['components']);
  const metadata = isRecord(bom['metadata']) ? bom['metadata'] : {};
  if (isRecord(metadata['component'])) walk([metadata['component']]);
  const docTime = str(metadata['timestamp']);

  const vulns = bom['vulnerabilities'];
  if (vulns !== undefined && !Array.isArray(vulns)) {
    return err([{ code: 'invalid-statement', message: 'vulnerabilities must be a list', location: where.at(['vulnerabilities']) }]);
  }
  const out: VexStatement[] = [];
  (vulns ?? []).forEach((v: unknown, i: number) => {
    const at = (...rest: DataPath): DataPath => ['vulnerabilities', i, ...rest];
    if (!isRecord(v)) return issues.push({ code: 'invalid-statement', message: `vulnerability ${i} is not an object`, location: where.at(at()) });
    const a = v['analysis'];
    // A vulnerability without analysis is a finding, not a statement about it.
    if (!isRecord(a) || a['state'] === undefined) return;
    const id = str(v['id']);
    if (!id) return issues.push({ code: 'invalid-statement', message: `vulnerability ${i}: id is required`, location: where.at(at('id')) });
    const state = typeof a['state'] === 'string' ? CDX_STATE[a['state']] : undefined;
    if (!state) {
      return issues.push({ code: 'invalid-statement', message: `vulnerability ${i}: unknown analysis.state ${JSON.stringify(a['state'])}`, location: where.at(at('analysis', 'state')) });
    }
    const products: string[] = [];
    for (const affect of Array.isArray(v['affects']) ? v['affects'] : []) {
      const ref = isRecord(affect) ? str(affect['ref']) : undefined;
      if (!ref) continue;
      // A BOM-link (`urn:cdx:<serial>/<version>#<bom-ref>`) names a component of another BOM by its bom-ref.
      const local = ref.startsWith('urn:cdx:') && ref.includes('#') ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1)) : ref;
      products.push(purls.get(local) ?? local);
    }
    if (products.length === 0) {
      return issues.push({ code: 'invalid-statement', message: `vulnerability ${i} (${id}): affects names no component`, location: where.at(at('affects')) });
    }
    const aliases = (Array.isArray(v['references']) ? v['references'] : []).flatMap((r) => (isRecord(r) && str(r['id']) ? [str(r['id'])!] : []));
    const statement: VexStatement = { vulnerability: id, aliases, products, status: state, source: `${path}#${str(v['bom-ref']) ?? id}`, location: where.at(at()) };
    const justification = typeof a['justification'] === 'string' ? CDX_JUSTIFICATION[a['justification']] : undefined;
    if (justification) statement.justification = justification;
    const detail = str(a['detail']);
    if (detail) {
      if (state === 'fixed' || state === 'under_investigation') statement.statusNotes = detail;
      else if (state === 'affected') statement.actionStatement = detail;
      else statement.impactStatement = detail;
    }
    const time = str(a['lastUpdated']) ?? str(a['firstIssued']) ?? str(v['updated']) ?? docTime;
    if (time) statement.timestamp = time;
    out.push(statement);
  });
  return issues.length > 0 ? err(issues) : ok(out);
}

// ---------------------------------------------------------------------------------------------------------------------
// Applying

/**
 * True when a product identifier names this package: the same purl type, namespace and name (qualifiers and subpath
 * ignored, so `?arch=amd64` does not matter); a product purl without a version names every version.
 */
export function productMatches(product: string, packagePurl: string): boolean {
  if (product === packagePurl) return true;
  const a = parsePurl(product);
  const b = parsePurl(packagePurl);
  if (!a || !b) return false;
  const lower = (s: string | undefined): string => (s ?? '').toLowerCase();
  if (a.type !== b.type || lower(a.namespace) !== lower(b.namespace) || lower(a.name) !== lower(b.name)) return false;
  return a.version === undefined || a.version === b.version;
}

/** What the finding's suppression says: the status or justification first (the formatters read it back), then the text. */
function reasonOf(s: VexStatement): string {
  if (s.status === 'fixed') return s.statusNotes ? `fixed: ${s.statusNotes}` : 'fixed';
  const parts = [s.justification, s.impactStatement].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(': ') : 'not_affected';
}

/**
 * Suppresses each vulnerability finding a `not_affected` or `fixed` statement covers: the statement names the finding's
 * advisory ID or one of its aliases (case-insensitive) and a product or subcomponent matching the package (productMatches).
 * When several statements cover a finding, the latest (by timestamp; a statement without one is oldest; on a tie the later
 * one in the list) decides, so `affected` after `not_affected` brings the finding back. A finding already suppressed (by a
 * waiver or an annotation) keeps that suppression. With `today` (YYYY-MM-DD), statements dated after it are ignored:
 * a clock-skewed document cannot pre-empt a decision made today.
 */
export function applyVex(findings: readonly Finding[], statements: readonly VexStatement[], today?: string): Finding[] {
  const usable = statements.filter((s) => today === undefined || s.timestamp === undefined || s.timestamp.slice(0, 10) <= today);
  if (usable.length === 0) return [...findings];
  return findings.map((f) => {
    const v = f.vulnerability;
    if (!v || f.suppressed) return f;
    const ids = new Set([v.id, ...v.aliases].map((x) => x.toUpperCase()));
    let winner: VexStatement | undefined;
    for (const s of usable) {
      if (![s.vulnerability, ...s.aliases].some((n) => ids.has(n.toUpperCase()))) continue;
      if (!s.products.some((p) => productMatches(p, v.package.purl))) continue;
      if (winner === undefined || timeOf(s) >= timeOf(winner)) winner = s;
    }
    if (!winner || (winner.status !== 'not_affected' && winner.status !== 'fixed')) return f;
    const suppressed: Suppression = { by: 'vex', reason: reasonOf(winner), expires: null, source: winner.source };
    return { ...f, suppressed };
  });
}

function timeOf(s: VexStatement): number {
  const t = s.timestamp !== undefined ? Date.parse(s.timestamp) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}
