import { dirname, isAbsolute, posix, resolve } from 'node:path';
import { parseComposeText, parseDotenv, type ComposeFileRef } from '../parsers/compose/index.js';
import type { FormatIssue, ParsedObjects } from '../parsers/types.js';
import { readManifest } from './read.js';

/** Files read for a compose file (`.env`, `extends.file`) are held to the scan's default size limit. */
const MAX_AUXILIARY_BYTES = 20 * 1024 * 1024;

function lineLocation(path: string, line: number) {
  return { path, startLine: line, startColumn: 1, endLine: line, endColumn: 1 };
}

/** `sub/compose.yaml` + `../common.yaml` → `common.yaml`: the display form of a file referenced from another one. */
function displayBeside(fromDisplay: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  if (posix.isAbsolute(r) || isAbsolute(rel)) return r;
  return posix.normalize(posix.join(posix.dirname(fromDisplay), r));
}

/**
 * Reads a compose file as `docker compose` would: interpolation from the process environment and the `.env` file beside
 * it (a variable set in the environment wins over `.env`), active profiles, `extends` from other files (paths relative
 * to the file that names them). `COMPOSE_PROFILES` is deliberately not read: a variable left in a CI environment or a
 * `.env` must not quietly hide services from a security scan; pass `--profile` to narrow it.
 */
export function loadComposeFile(text: string, abs: string, display: string, opts: { env: Record<string, string | undefined>; profiles?: string[] }): ParsedObjects {
  const warnings: FormatIssue[] = [];
  const errors: FormatIssue[] = [];
  let env: Record<string, string | undefined> = opts.env;
  const stdin = abs === '-';
  if (!stdin) {
    const dotenvAbs = resolve(dirname(abs), '.env');
    const dotenvDisplay = displayBeside(display, '.env');
    const read = readManifest(dotenvAbs, MAX_AUXILIARY_BYTES, false);
    if (read.ok) {
      const parsed = parseDotenv(read.text, opts.env);
      for (const i of parsed.issues) (i.level === 'error' ? errors : warnings).push({ code: 'compose-dotenv', message: i.message, location: lineLocation(dotenvDisplay, i.line) });
      env = { ...parsed.vars };
      for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
    } else if (read.code !== 'unreadable' || !/ENOENT|ENOTDIR/.test(read.message)) {
      // A missing .env is normal; one that exists but cannot be read, is binary or too large is worth saying.
      warnings.push({ code: 'compose-dotenv', message: `.env beside ${display} not read: ${read.message}`, location: lineLocation(dotenvDisplay, 1) });
    }
  }
  const absOf = new Map<string, string>([[display, abs]]);
  const readFile = (path: string, from: string): ComposeFileRef | { error: string } => {
    const fromAbs = absOf.get(from);
    if (fromAbs === undefined || fromAbs === '-') return { error: 'a compose file read from standard input cannot extend another file' };
    const target = resolve(dirname(fromAbs), path);
    const read = readManifest(target, MAX_AUXILIARY_BYTES, true);
    if (!read.ok) return { error: read.message };
    const file = displayBeside(from, path);
    absOf.set(file, target);
    return { text: read.text, file };
  };
  const parsed = parseComposeText(text, display, { env, ...(opts.profiles ? { profiles: opts.profiles } : {}), readFile });
  return { objects: parsed.objects, errors: [...errors, ...parsed.errors], warnings: [...warnings, ...parsed.warnings] };
}
