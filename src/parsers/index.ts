import type { CheckTarget } from '../core/config-object.js';
import { parseComposeText } from './compose/index.js';
import { parseDockerfileText } from './dockerfile/index.js';
import { extractObjects, parseYamlDocuments } from './k8s-yaml/index.js';
import { parseTerraformText } from './terraform/index.js';
import type { ParsedObjects } from './types.js';

export type { FormatIssue, ParsedObjects } from './types.js';

/** One file of one target, parsed on its own (no other files, no environment): what the check tester and `policy test` use. */
export function parseForTarget(target: CheckTarget, text: string, file: string): ParsedObjects {
  switch (target) {
    case 'kubernetes': {
      const parsed = parseYamlDocuments(text, file);
      const ex = extractObjects(parsed.documents, file);
      return { objects: ex.objects, errors: [...parsed.errors, ...ex.issues], warnings: parsed.warnings };
    }
    case 'dockerfile':
      return parseDockerfileText(text, file);
    case 'compose':
      return parseComposeText(text, file, { env: {} });
    case 'terraform':
      return parseTerraformText(text, file);
  }
}

/** The file name a snippet of each target is given when it is parsed on its own (tests, meta examples). */
export const DEFAULT_FILE_NAME: Record<CheckTarget, string> = {
  kubernetes: 'test.yaml',
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  terraform: 'main.tf',
};

/** Fixture files of each target in a check's fixtures/valid and fixtures/invalid folders. */
export const FIXTURE_PATTERN: Record<CheckTarget, RegExp> = {
  kubernetes: /\.(ya?ml|json)$/,
  dockerfile: /(^|[.-])(Dockerfile|Containerfile)$|\.dockerfile$/i,
  compose: /\.ya?ml$/,
  terraform: /\.tf(\.json)?$/,
};
