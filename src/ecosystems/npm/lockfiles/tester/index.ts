/** Helpers shared by the lockfile tests (kept out of the build like src/checks/tester; no I/O: tests read their own fixtures). */
import type { Inventory, ParseIssue } from '../../../../core/package.js';
import type { Result } from '../../../../core/result.js';

/** `name@version L<line>:<column>` plus the flags that are set: one comparable line per package. */
export function summary(inv: Inventory): string[] {
  return inv.packages.map((p) => {
    const flags = [p.dev ? 'dev' : '', p.optional ? 'optional' : '', p.direct ? 'direct' : ''].filter((f) => f !== '');
    return [`${p.name}@${p.version} L${p.location.startLine}:${p.location.startColumn}`, ...flags].join(' ');
  });
}

/** `code L<line>:<column>` per warning or error. */
export function issues(list: readonly ParseIssue[]): string[] {
  return list.map((i) => `${i.code} L${i.location.startLine}:${i.location.startColumn}`);
}

export function expectOk(r: Result<Inventory, ParseIssue[]>): Inventory {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error, null, 2)}`);
  return r.value;
}

export function expectErr(r: Result<Inventory, ParseIssue[]>): ParseIssue[] {
  if (r.ok) throw new Error(`expected an error, got ${r.value.packages.length} packages`);
  return r.error;
}
