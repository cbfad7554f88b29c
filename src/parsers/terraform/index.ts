/**
 * Terraform: HCL native syntax and `.tf.json` parsed with exact positions, modules evaluated (variables, locals,
 * count/for_each, dynamic blocks, local module calls), one ConfigObject per resource instance; `kubernetes_*`
 * resources are also converted to Kubernetes objects so the Kubernetes checks run on them; plans from
 * `terraform show -json` are read by ./plan.ts.
 */
import type { ParsedObjects } from '../types.js';
import { parseJsonSyntax } from './json-syntax.js';
import { LineMap } from './lines.js';
import { evaluateRootModule, type TfFile } from './module.js';
import { parseHcl } from './parser.js';
import { CommentIndex } from './suppressions.js';

export { evaluateRootModule, convertToType, MAX_INSTANCES, MAX_MODULE_DEPTH, type ModuleReader, type RootModuleInput, type EvaluationResult, type EvaluationIssue, type TfFile } from './module.js';
export { isUnknown, Unknown, unknownFrom } from './values.js';
export { parseHcl, parseHclExpression, parseHclTemplate, MAX_NESTING } from './parser.js';
export { SUPPORTED_FUNCTIONS } from './functions.js';
export { parseSuppressionComment } from './suppressions.js';

/** Parses one `.tf`, `.tf.json`, `.tfvars` or `.tfvars.json` file; syntax errors are in `errors` (code `hcl-syntax`). */
export function parseTerraformFile(text: string, path: string): TfFile {
  const lines = new LineMap(text, path);
  if (/\.json$/i.test(path)) {
    const j = parseJsonSyntax(text, lines);
    return { path, text, lines, body: j.body, comments: new CommentIndex([], lines), errors: j.errors };
  }
  const parsed = parseHcl(text);
  return {
    path,
    text,
    lines,
    body: parsed.body,
    comments: new CommentIndex(parsed.comments, lines),
    errors: parsed.issues.map((i) => ({ code: 'hcl-syntax', message: i.message, location: lines.location(i.start, i.end) })),
  };
}

/**
 * One Terraform file evaluated on its own as a root module (the check tester, `policy test`): variables take their
 * defaults, local modules are not read (no I/O here), so their outputs are unknown.
 */
export function parseTerraformText(text: string, file: string): ParsedObjects {
  const tf = parseTerraformFile(text, file);
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  const res = evaluateRootModule({ dir, files: [tf] });
  return {
    objects: res.objects,
    errors: [...tf.errors, ...res.issues.filter((i) => i.level === 'error').map((i) => i.issue)],
    warnings: res.issues.filter((i) => i.level === 'warning').map((i) => i.issue),
  };
}
