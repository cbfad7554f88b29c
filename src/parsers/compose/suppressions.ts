import type { InlineSuppression } from '../../core/config-object.js';
import { formatDataPath, type DataPath, type Location } from '../../core/location.js';

/** `# palisade:ignore=PAL-COMPOSE-0001,compose-privileged reason text expires=2026-12-31` (the reason is required). */
const COMMENT = /#\s*palisade:ignore=(\S+)(.*)$/;

export interface SuppressionTarget {
  /** The service the line belongs to; '*' for the `services:` line itself (every service). */
  service: string;
  /** Path relative to the service's own mapping in this file ([] for the service's own line). */
  path: DataPath;
}

export interface SuppressionScan {
  /** Per service: the comment (its `pathPrefix` the formatted local path) and the local path it covers. */
  byService: Map<string, { suppression: InlineSuppression; localPath: DataPath }[]>;
  /** Suppressions written on the `services:` line apply to every service. */
  everyService: InlineSuppression[];
  warnings: { message: string; location: Location }[];
}

function lineLocation(file: string, line: number, col: number, len: number): Location {
  return { path: file, startLine: line, startColumn: col, endLine: line, endColumn: col + len };
}

/**
 * Finds `palisade:ignore` comments and the line each one covers: the next line that holds YAML content (comment and
 * blank lines between are skipped, so several comments can stack above one key), or the comment's own line when it
 * trails content. `targets` maps 1-based line numbers to what starts on them. A comment that covers nothing, has no
 * reason or carries a malformed expiry is a warning, never a silent no-op.
 */
export function scanSuppressions(text: string, file: string, targets: ReadonlyMap<number, SuppressionTarget>): SuppressionScan {
  const out: SuppressionScan = { byService: new Map(), everyService: [], warnings: [] };
  if (!text.includes('palisade:ignore')) return out;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const hash = line.indexOf('#');
    if (hash === -1) return;
    const m = COMMENT.exec(line.slice(hash));
    if (!m) return;
    const col = hash + 1;
    const location = lineLocation(file, i + 1, col, line.length - hash);
    const ids = m[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
    let rest = m[2]!.trim();
    let expires: string | undefined;
    const exp = /(?:^|\s)expires=(\S*)/.exec(rest);
    if (exp) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(exp[1]!) || Number.isNaN(Date.parse(`${exp[1]!}T00:00:00Z`))) {
        out.warnings.push({ message: `palisade:ignore comment has an invalid expiry "${exp[1]!}" (want expires=YYYY-MM-DD); it is not applied`, location });
        return;
      }
      expires = exp[1];
      rest = (rest.slice(0, exp.index) + rest.slice(exp.index + exp[0].length)).trim();
    }
    if (ids.length === 0 || rest === '') {
      out.warnings.push({ message: 'palisade:ignore comment needs check IDs and a reason (`# palisade:ignore=PAL-COMPOSE-0001 why this is accepted`); it is not applied', location });
      return;
    }
    let target: number | undefined;
    if (line.slice(0, hash).trim() !== '') target = i + 1;
    else {
      for (let j = i + 1; j < lines.length; j++) {
        const t = lines[j]!.trim();
        if (t === '' || t.startsWith('#')) continue;
        target = j + 1;
        break;
      }
    }
    const hit = target === undefined ? undefined : targets.get(target);
    if (!hit) {
      out.warnings.push({ message: 'palisade:ignore comment is not above a service or a key of a service; it has no effect', location });
      return;
    }
    const s: InlineSuppression = { by: 'palisade-comment', ids, reason: rest, pathPrefix: formatDataPath(hit.path), location };
    if (expires) s.expires = expires;
    if (hit.service === '*') out.everyService.push(s);
    else {
      const entry = { suppression: s, localPath: hit.path };
      const list = out.byService.get(hit.service);
      if (list) list.push(entry);
      else out.byService.set(hit.service, [entry]);
    }
  });
  return out;
}
