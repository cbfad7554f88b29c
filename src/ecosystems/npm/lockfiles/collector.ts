import type { Inventory, Package, ParseIssue } from '../../../core/package.js';
import type { Location } from '../../../core/location.js';
import { formatPurl } from '../../_lib/purl.js';

/** The npm purl; NPM_ECOSYSTEM.purl is this function (the ecosystem imports it, so parsers need not import the ecosystem). */
export function npmPurl(name: string, version: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  return formatPurl({ type: 'npm', namespace: slash > 0 ? name.slice(0, slash) : undefined, name: slash > 0 ? name.slice(slash + 1) : name, version });
}

export interface Found {
  name: string;
  version: string;
  line: number;
  column: number;
  endColumn?: number;
  dev?: boolean;
  optional?: boolean;
  direct?: boolean;
}

/**
 * Collects packages, one per name@version: lockfiles list the same release several times (nested copies, one entry per
 * descriptor, peer variants) and matching needs it once. The location is the entry nearest the top of the file, whatever
 * order a reader walks in; a release is dev (or optional) only when every entry of it is, and direct when any entry is.
 */
export class PackageCollector {
  private readonly byKey = new Map<string, Package>();
  readonly warnings: ParseIssue[] = [];

  constructor(
    readonly path: string,
    readonly foundBy: string,
  ) {}

  location(line: number, column: number, endColumn = column): Location {
    return { path: this.path, startLine: line, startColumn: column, endLine: line, endColumn };
  }

  issue(code: string, message: string, line: number, column: number): ParseIssue {
    return { code, message, location: this.location(line, column) };
  }

  warn(code: string, message: string, line: number, column: number): void {
    this.warnings.push(this.issue(code, message, line, column));
  }

  add(f: Found): void {
    const key = `${f.name}@${f.version}`;
    const seen = this.byKey.get(key);
    if (seen) {
      const l = seen.location;
      if (f.line < l.startLine || (f.line === l.startLine && f.column < l.startColumn)) seen.location = this.location(f.line, f.column, f.endColumn ?? f.column);
      if (seen.dev && !f.dev) delete seen.dev;
      if (seen.optional && !f.optional) delete seen.optional;
      if (f.direct) seen.direct = true;
      return;
    }
    const p: Package = { ecosystem: 'npm', name: f.name, version: f.version, purl: npmPurl(f.name, f.version), location: this.location(f.line, f.column, f.endColumn ?? f.column), foundBy: this.foundBy };
    if (f.dev) p.dev = true;
    if (f.optional) p.optional = true;
    if (f.direct) p.direct = true;
    this.byKey.set(key, p);
  }

  /** Packages and warnings in file order. */
  inventory(): Inventory {
    const packages = [...this.byKey.values()].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
    const warnings = [...this.warnings].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
    return { packages, warnings };
  }
}

/** Splits `name@rest` where the name may be scoped (`@scope/name@rest`); undefined when there is no `@` after the name. */
export function splitNameAt(spec: string): { name: string; rest: string } | undefined {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at <= 0) return undefined;
  return { name: spec.slice(0, at), rest: spec.slice(at + 1) };
}

/** Protocols of code that lives in the project itself (or beside it): no registry release, nothing to match. */
export const LOCAL_PROTOCOL = /^(?:file|link|workspace|portal):/;

/** A plausible npm package name: guards against reading a path or URL fragment as a name. */
export function isPackageName(name: string): boolean {
  return name.length > 0 && name.length <= 214 && /^(?:@[^/@\s]+\/)?[^/@\s][^/\s]*$/.test(name);
}
