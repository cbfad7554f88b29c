import type { ParsedObjects } from '../parsers/types.js';

/**
 * Reads a compose file as `docker compose` would: interpolation from the process environment and the `.env` file beside it,
 * active profiles, `extends` from other files. Placeholder until the compose loader lands (issue #3).
 */
export function loadComposeFile(_text: string, _abs: string, _display: string, _opts: { env: Record<string, string | undefined>; profiles?: string[] }): ParsedObjects {
  throw new Error('compose loader not implemented yet');
}
