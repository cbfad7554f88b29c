import type { z } from 'zod';
import type { Location } from '../core/location.js';
import { parseYamlDocuments, type SourceLocator } from '../parsers/k8s-yaml/index.js';

/** A problem in a user-written file (config, waivers), with the exact place to fix. */
export interface ConfigIssue {
  message: string;
  location: Location;
}

export interface LoadedYaml {
  value: unknown;
  source: SourceLocator | undefined;
}

/** Parses a single-document YAML file of ours; syntax errors come back located. */
export function parseSingleYaml(text: string, file: string): { ok: true; doc: LoadedYaml } | { ok: false; issues: ConfigIssue[] } {
  const parsed = parseYamlDocuments(text, file);
  if (parsed.errors.length > 0) return { ok: false, issues: parsed.errors.map((e) => ({ message: e.message, location: e.location })) };
  const first = parsed.documents[0];
  return { ok: true, doc: { value: first?.value ?? {}, source: first?.source } };
}

/** zod issues → messages located through the YAML source map. */
export function zodIssues(error: z.ZodError, doc: LoadedYaml, file: string): ConfigIssue[] {
  return error.issues.map((i) => {
    const path = i.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const where = path.length > 0 ? path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[') : '(top level)';
    const location = doc.source ? doc.source.locate(path) : { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    return { message: `${where}: ${i.message}`, location };
  });
}

export function formatIssue(i: ConfigIssue): string {
  return `${i.location.path}:${i.location.startLine}:${i.location.startColumn}: ${i.message}`;
}
