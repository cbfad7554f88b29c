import { z } from 'zod';
import type { Location } from '../core/location.js';
import { SEVERITIES } from '../core/severity.js';
import { parseSingleYaml, zodIssues, type ConfigIssue, type LoadedYaml } from './located.js';

const severityOrNone = z.enum([...SEVERITIES, 'none']);

/** `.palisade.yaml`. Check selectors are an ID (PAL-K8S-0001), a slug, an alias, or `category:<name>`. */
export const configSchema = z
  .object({
    version: z.literal(1).optional(),
    failOn: severityOrNone.optional(),
    checks: z
      .object({
        /** Turn on checks that are off by default (or re-enable a disabled category's member). */
        enable: z.array(z.string()).default([]),
        /** Turn off checks or whole categories. */
        disable: z.array(z.string()).default([]),
        /** Severity overrides by check selector. */
        severity: z.record(z.string(), z.enum(SEVERITIES)).default({}),
        /** Check options by check ID or slug; configuring an off-by-default check turns it on. */
        options: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .default({ enable: [], disable: [], severity: {}, options: {} }),
    /** Path globs (relative to the config file's directory) never scanned. */
    ignorePaths: z.array(z.string()).default([]),
    /** Waiver files, relative to the config file; `.palisade/waivers.yaml` is read when present. */
    waiverFiles: z.array(z.string()).default([]),
    /** Files larger than this many bytes are skipped with a warning. */
    maxFileSize: z.number().int().positive().optional(),
    /** Custom policy files or folders (CEL YAML, ValidatingAdmissionPolicy, TypeScript/JavaScript), relative to this file. */
    policies: z.array(z.string().min(1)).default([]),
    /** Policy packs: an npm package name (found in node_modules upward from this file) or a folder path (`./packs/x`). */
    packs: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type PalisadeConfig = z.output<typeof configSchema>;

export interface LoadedConfig {
  config: PalisadeConfig;
  /** Where each config key sits, for later errors (unknown check IDs, bad options). */
  locate(path: (string | number)[]): Location;
  file: string | null;
}

export function defaultConfig(): LoadedConfig {
  return {
    config: configSchema.parse({}),
    locate: () => ({ path: '(defaults)', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }),
    file: null,
  };
}

export function parseConfig(text: string, file: string): { ok: true; value: LoadedConfig } | { ok: false; issues: ConfigIssue[] } {
  const parsed = parseSingleYaml(text, file);
  if (!parsed.ok) return parsed;
  const doc: LoadedYaml = parsed.doc;
  const value = doc.value === null || doc.value === undefined ? {} : doc.value;
  const res = configSchema.safeParse(value);
  if (!res.success) return { ok: false, issues: zodIssues(res.error, doc, file) };
  const fallback = { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return {
    ok: true,
    value: { config: res.data, locate: (p) => (doc.source ? doc.source.locate(p) : fallback), file },
  };
}
