import type { ParsedObjects } from '../types.js';

export interface ComposeParseOptions {
  /** Variables for `${VAR}` interpolation (the process environment plus `.env`, merged by the caller). */
  env: Record<string, string | undefined>;
  /** Active profiles (`--profile` / COMPOSE_PROFILES); services with other profiles are not part of the project. */
  profiles?: string[];
  /** Reads another file for `extends: { file: … }`, relative paths resolved by the caller; undefined when unreadable. */
  readFile?: (path: string) => string | undefined;
}

// Placeholder until the compose parser lands (issue #3).
export function parseComposeText(_text: string, _file: string, _opts: ComposeParseOptions): ParsedObjects {
  throw new Error('compose parser not implemented yet');
}
