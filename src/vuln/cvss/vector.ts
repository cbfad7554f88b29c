import { err, ok, type Result } from '../../core/result.js';

/** Allowed values per metric abbreviation; the first group listed for a version is mandatory. */
export interface VectorGrammar {
  mandatory: Readonly<Record<string, readonly string[]>>;
  optional: Readonly<Record<string, readonly string[]>>;
}

/**
 * Splits `K:V/K:V/…` into a map, rejecting unknown metrics, unknown values, repeats and missing mandatory metrics:
 * a vector that does not follow its grammar is an error, not a guess.
 */
export function parseMetrics(body: string, grammar: VectorGrammar, label: string): Result<Map<string, string>, string> {
  const metrics = new Map<string, string>();
  if (body === '') return err(`${label}: empty vector`);
  for (const part of body.split('/')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return err(`${label}: "${part}" is not a metric:value pair`);
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const allowed = Object.hasOwn(grammar.mandatory, key) ? grammar.mandatory[key] : Object.hasOwn(grammar.optional, key) ? grammar.optional[key] : undefined;
    if (allowed === undefined) return err(`${label}: unknown metric "${key}"`);
    if (!allowed.includes(value)) return err(`${label}: "${value}" is not a value of ${key}`);
    if (metrics.has(key)) return err(`${label}: metric ${key} appears twice`);
    metrics.set(key, value);
  }
  const missing = Object.keys(grammar.mandatory).filter((k) => !metrics.has(k));
  if (missing.length > 0) return err(`${label}: missing base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return ok(metrics);
}
