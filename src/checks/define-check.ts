import type { z } from 'zod';
import { checkMetaSchema, type CheckMeta, type CheckMetaInput } from '../core/check-meta.js';
import type { DataPath } from '../core/location.js';
import type { K8sObject } from '../parsers/k8s-yaml/index.js';
import type { ObjectIndex } from './_lib/object-index.js';

/** What a check reports: the data path of the offending field (or of the parent where a missing field belongs). */
export interface ReportDescriptor {
  path: DataPath;
  /** Key of `meta.messages`; defaults to the first message. */
  messageId?: string;
  /** Values for `{{name}}` placeholders in the message. */
  data?: Record<string, string | number>;
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
  /** Runs once per Kubernetes object whose kind is in `meta.kinds` (or every object when kinds is ['*']). */
  run(obj: K8sObject, ctx: CheckContext<O>): void;
}

export interface Check<O = unknown> {
  meta: CheckMeta;
  options?: z.ZodType<O>;
  run(obj: K8sObject, ctx: CheckContext<O>): void;
  appliesTo(kind: string): boolean;
}

/** Validates `meta` at load time, so a broken check fails loudly instead of producing odd findings. */
export function defineCheck<O = Record<string, never>>(def: CheckDefinition<O>): Check<O> {
  const parsed = checkMetaSchema.safeParse(def.meta);
  if (!parsed.success) {
    const where = typeof def.meta?.id === 'string' ? def.meta.id : '(unknown id)';
    throw new Error(`invalid check meta for ${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const meta = Object.freeze(parsed.data) as CheckMeta;
  const kinds = new Set(meta.kinds);
  const all = kinds.has('*');
  const check: Check<O> = {
    meta,
    run: def.run,
    appliesTo: (kind) => all || kinds.has(kind),
  };
  if (def.options) check.options = def.options;
  return check;
}

/** Fills `{{name}}` placeholders. Unknown placeholders stay visible so a missing value is noticed in review. */
export function renderMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
