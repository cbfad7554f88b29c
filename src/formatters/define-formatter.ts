import type { CheckMeta } from '../core/check-meta.js';
import type { Report } from '../core/report.js';

/** Everything a formatter may know besides the report. Formatters are pure: no fs, no process.env, no clock. */
export interface FormatContext {
  toolName: string;
  toolVersion: string;
  informationUri: string;
  /** Metadata of every check that ran (SARIF rules, documentation links). */
  checks: readonly CheckMeta[];
  /** Absolute working directory of the scan; finding paths are relative to it (SARIF originalUriBaseIds). */
  cwd: string;
  /** ISO timestamp supplied by the caller. */
  now: string;
  /** Emit ANSI colour codes (table only). */
  color: boolean;
  /** Terminal width in columns (table only). */
  width: number;
  /** Base URL of the per-check docs; `<docsBaseUrl><slug>.md` is a check's page. */
  docsBaseUrl: string;
}

export interface Formatter<Id extends string = string> {
  readonly id: Id;
  /** IANA media type of the output, e.g. `application/sarif+json`. */
  readonly mediaType: string;
  /** File extension without the dot, e.g. `sarif`. */
  readonly extension: string;
  format(report: Report, ctx: FormatContext): string;
}

export function defineFormatter<const Id extends string>(def: Formatter<Id>): Formatter<Id> {
  return Object.freeze({ ...def });
}
