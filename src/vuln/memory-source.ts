import { ecosystemBase, ecosystemFor } from '../ecosystems/index.js';
import type { OsvRecord } from './osv.js';
import type { AdvisorySource } from './source.js';

function keyOf(ecosystem: string, name: string): string {
  const normalise = ecosystemFor(ecosystem)?.normaliseName ?? ((n: string) => n);
  return `${ecosystemBase(ecosystem)}\u0000${normalise(name)}`;
}

/**
 * Advisories held in memory, indexed by ecosystem base and normalised package name: for tests and for runs that match
 * an SBOM against a handful of records without opening the database.
 */
export class MemoryAdvisorySource implements AdvisorySource {
  private readonly index = new Map<string, OsvRecord[]>();

  constructor(records: Iterable<OsvRecord> = []) {
    for (const r of records) this.add(r);
  }

  /** Adds a record under every package its `affected[]` names (once per package, however many entries name it). */
  add(record: OsvRecord): void {
    const keys = new Set<string>();
    for (const a of record.affected ?? []) {
      if (typeof a?.package?.ecosystem === 'string' && typeof a.package.name === 'string') keys.add(keyOf(a.package.ecosystem, a.package.name));
    }
    for (const k of keys) {
      const list = this.index.get(k);
      if (list === undefined) this.index.set(k, [record]);
      else list.push(record);
    }
  }

  advisoriesFor(ecosystem: string, name: string): readonly OsvRecord[] {
    return this.index.get(keyOf(ecosystem, name)) ?? [];
  }
}
