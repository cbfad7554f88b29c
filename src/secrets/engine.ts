import { createHash } from 'node:crypto';
import type { SecretRule } from './define-rule.js';
import { shannonEntropy } from './entropy.js';
import { redact } from './redact.js';

/** One secret found in a text. It never holds the secret itself: only its redacted form and a hash. */
export interface SecretHit {
  rule: SecretRule;
  /** 1-based line and column of the secret (not of the surrounding context). */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  redacted: string;
  /** sha256 of rule id + secret: the same leaked value is the same finding wherever it moves. */
  secretHash: string;
}

/** Line starts of a text, for offset → line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Values that look like secrets to a regex but are documentation: never reported by any rule. */
const PLACEHOLDER = /^(?:x+|\*+|\.+|<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%[^%]+%|(?:your|my|example|sample|dummy|fake|test|changeme|placeholder|redacted)[-_]?[a-z_-]*)$/i;

/**
 * Scans one text with every rule whose keyword occurs in it. Pure: no I/O; the caller supplies the text.
 * Overlapping hits of different rules on the same secret keep the first rule in `rules` order (specific before generic).
 */
export function scanText(text: string, rules: readonly SecretRule[]): SecretHit[] {
  const lower = text.toLowerCase();
  const hits: SecretHit[] = [];
  const taken: [number, number][] = [];
  let starts: number[] | undefined;
  for (const rule of rules) {
    if (!rule.meta.keywords.some((k) => lower.includes(k))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const secret = m[rule.secretGroup];
      if (secret === undefined || secret === '') continue;
      if (PLACEHOLDER.test(secret)) continue;
      if (rule.minEntropy > 0 && shannonEntropy(secret) < rule.minEntropy) continue;
      if (rule.validate && !rule.validate(secret, m)) continue;
      const rel = rule.secretGroup === 0 ? 0 : m[0].indexOf(secret);
      const from = m.index + Math.max(0, rel);
      const to = from + secret.length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      taken.push([from, to]);
      starts ??= lineStarts(text);
      const s = position(starts, from);
      const e = position(starts, to);
      hits.push({
        rule,
        startLine: s.line,
        startColumn: s.column,
        endLine: e.line,
        endColumn: e.column,
        redacted: redact(secret),
        secretHash: createHash('sha256').update(`${rule.meta.id}\u0000${secret}`).digest('hex').slice(0, 32),
      });
    }
  }
  return hits.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
}
