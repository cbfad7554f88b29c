import type { z } from 'zod';
import { checkMetaSchema, type CheckMeta, type CheckMetaInput } from '../core/check-meta.js';
import type { ConfigObject, FindingFix } from '../core/config-object.js';
import type { DataPath } from '../core/location.js';
import type { Severity } from '../core/severity.js';
import type { ObjectIndex } from './_lib/object-index.js';

/** What a check reports: the data path of the offending field (or of the parent where a missing field belongs). */
export interface ReportDescriptor {
  path: DataPath;
  /** Key of `meta.messages`; defaults to the first message. */
  messageId?: string;
  /** Values for `{{name}}` placeholders in the message. */
  data?: Record<string, string | number>;
  /** The safe fix for this finding, as JSON Patch on the object (pointers from the object's root, see `toJsonPointer`). */
  fix?: FindingFix;
  /** This finding's own severity (a custom policy's validation may set one); a severity set in `.palisade.yaml` still wins. */
  severity?: Severity;
}

export interface CheckContext<O> {
  options: O;
  /** Every object of the scan, for cross-resource checks (Service → workloads, binding → Role, …). */
  index: ObjectIndex;
  report(descriptor: ReportDescriptor): void;
}

export interface CheckDefinition<O> {
  meta: CheckMetaInput;
  /** Options users set under `checks.<slug>.options` in .palisade.yaml, validated at config load. */
  options?: z.ZodType<O>;
  /** Runs once per object of the check's target whose kind is in `meta.kinds` (or every object when kinds is ['*']). */
  run(obj: ConfigObject, ctx: CheckContext<O>): void;
}

export interface Check<O = unknown> {
  meta: CheckMeta;
  options?: z.ZodType<O>;
  run(obj: ConfigObject, ctx: CheckContext<O>): void;
  /** True when the object is of the check's target and of one of its kinds. */
  appliesTo(obj: Pick<ConfigObject, 'target' | 'kind'>): boolean;
}

/** Validates `meta` at load time, so a broken check fails loudly instead of producing odd findings. */
export function defineCheck<O = Record<string, never>>(def: CheckDefinition<O>): Check<O> {
  const parsed = checkMetaSchema.safeParse(def.meta);
  if (!parsed.success) {
    const where = typeof def.meta?.id === 'string' ? def.meta.id : '(unknown id)';
    throw new Error(`invalid check meta for ${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return checkFromMeta(Object.freeze(parsed.data) as CheckMeta, def.run, def.options);
}

/** A check from already-validated meta (custom policies validate their own, looser, meta). */
export function checkFromMeta<O>(meta: CheckMeta, run: Check<O>['run'], options?: z.ZodType<O>): Check<O> {
  const kinds = new Set(meta.kinds);
  const all = kinds.has('*');
  const check: Check<O> = {
    meta,
    run,
    appliesTo: (obj) => obj.target === meta.target && (all || kinds.has(obj.kind)),
  };
  if (options) check.options = options;
  return check;
}

/** Fills `{{name}}` placeholders. Unknown placeholders stay visible so a missing value is noticed in review. */
export function renderMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
