/**
 * Values of evaluated Terraform: plain JSON data, plus {@link Unknown} for anything that is only known after apply
 * (a resource attribute, a data source, a variable without a value, a function we do not implement). An unknown is
 * never replaced by a guess: checks see it and decide (usually: not a finding).
 */

/** A value that cannot be known before `terraform apply`; `refs` are the addresses it was computed from. */
export class Unknown {
  readonly refs: readonly string[];
  constructor(refs: readonly string[] = []) {
    this.refs = refs;
    Object.freeze(this);
  }
  /** Serialised output (JSON reports, fixes) shows an unknown as null: no value is known. */
  toJSON(): null {
    return null;
  }
}

export const UNKNOWN = new Unknown();

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** An unknown carrying the references of every unknown in `parts` (deduplicated, in order). */
export function unknownFrom(...parts: unknown[]): Unknown {
  const refs: string[] = [];
  const seen = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 64) return;
    if (v instanceof Unknown) {
      for (const r of v.refs)
        if (!seen.has(r)) {
          seen.add(r);
          refs.push(r);
        }
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isPlainObject(v)) for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const p of parts) visit(p, 0);
  return refs.length === 0 ? UNKNOWN : new Unknown(refs);
}

/** True when the value is, or holds anywhere inside, an unknown. */
export function containsUnknown(v: unknown, depth = 0): boolean {
  if (v instanceof Unknown) return true;
  if (depth > 64) return false;
  if (Array.isArray(v)) return v.some((x) => containsUnknown(x, depth + 1));
  if (isPlainObject(v)) {
    for (const k in v) if (containsUnknown(v[k], depth + 1)) return true;
  }
  return false;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

/** Terraform's type name of a value, for messages. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Unknown) return 'unknown';
  if (Array.isArray(v)) return 'tuple';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** Deep equality of evaluated values (Terraform `==`); undefined when either side holds an unknown. */
export function valuesEqual(a: unknown, b: unknown): boolean | undefined {
  if (a instanceof Unknown || b instanceof Unknown) return undefined;
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const e = valuesEqual(a[i], b[i]);
      if (e === false) return false;
      if (e === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    let unknown = false;
    for (const k of ka) {
      if (!(k in b)) return false;
      const e = valuesEqual(a[k], b[k]);
      if (e === false) return false;
      if (e === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  return false;
}

/** Terraform's string form of a primitive (template interpolation, `tostring`); undefined for collections and null. */
export function primitiveToString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}
