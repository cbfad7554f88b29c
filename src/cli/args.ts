import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SEVERITIES, isSeverity, type Severity } from '../core/severity.js';

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function splitList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** `name=value` pairs (`--tf-var region=eu-west-1`, `--helm-set image.tag=1.2`); the value may itself contain `=`. */
export function keyValues(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} takes name=value, got "${v}"`);
    out[v.slice(0, eq).trim()] = v.slice(eq + 1);
  }
  return out;
}

/** `--fail-on`: a severity or `none`; undefined when not given (the config's failOn then applies). */
export function failOnFlag(raw: string | undefined): Severity | 'none' | undefined {
  if (raw !== undefined && raw !== 'none' && !isSeverity(raw)) throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}, got "${raw}"`);
  return raw as Severity | 'none' | undefined;
}

/** `--max-file-size`: a positive whole number of bytes. */
export function maxFileSizeFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError('--max-file-size must be a positive number of bytes');
  return n;
}
