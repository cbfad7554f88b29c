/**
 * The `.env` file compose reads beside the compose file (https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax):
 * `KEY=VALUE` (also `export KEY=VALUE` and `KEY: VALUE`), `#` comments, an inline ` #` comment after an unquoted value,
 * single quotes literal, double quotes with `\n`/`\t`/`\\`/`\"` escapes and line breaks, `${VAR}` interpolation in
 * unquoted and double-quoted values from earlier lines, then the environment. Hand-written because the `dotenv` package
 * reads neither interpolation nor compose's quoting rules, and we report bad lines with their line number.
 */

import { interpolateString, type Env } from './interpolate.js';

export interface DotenvResult {
  vars: Record<string, string>;
  issues: { level: 'warning' | 'error'; message: string; line: number }[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function unescapeDouble(s: string): string {
  return s.replace(/\\([\\"nrt$])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '$' ? '$$' : c));
}

export function parseDotenv(text: string, env: Env): DotenvResult {
  const out: DotenvResult = { vars: {}, issues: [] };
  const lookup: Record<string, string | undefined> = new Proxy({} as Record<string, string | undefined>, {
    get: (_t, k: string) => (Object.hasOwn(out.vars, k) ? out.vars[k] : env[k]),
  });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^export\s/.test(line)) line = line.slice(6).trim();
    const m = /^([^=:\s]+)\s*([=:])?\s*([\s\S]*)$/.exec(line);
    const key = m?.[1] ?? '';
    if (!m || !KEY.test(key)) {
      // The line is not quoted back: a .env line is often a secret.
      out.issues.push({ level: 'warning', message: `.env line ${lineNo} is not KEY=VALUE; ignored`, line: lineNo });
      continue;
    }
    if (m[2] === undefined) {
      // A bare `KEY` takes its value from the environment.
      const v = env[key];
      if (v !== undefined) out.vars[key] = v;
      continue;
    }
    let rest = m[3]!;
    let value: string;
    const q = rest[0];
    if (q === '"' || q === "'") {
      // Quoted values may span lines: read until the closing quote not escaped (double quotes) or the next quote (single).
      let body = rest.slice(1);
      let close = findClose(body, q);
      let j = i;
      while (close === -1 && j + 1 < lines.length) {
        j++;
        body += '\n' + lines[j]!;
        close = findClose(body, q);
      }
      if (close === -1) {
        out.issues.push({ level: 'error', message: `.env line ${lineNo}: unterminated ${q === '"' ? 'double' : 'single'}-quoted value for ${key}`, line: lineNo });
        break;
      }
      const trailing = body.slice(close + 1).trim();
      if (trailing !== '' && !trailing.startsWith('#')) out.issues.push({ level: 'warning', message: `.env line ${lineNo}: text after the closing quote of ${key} is ignored`, line: lineNo });
      i = j;
      const inner = body.slice(0, close);
      value = q === "'" ? inner : interpolate(unescapeDouble(inner), lookup, out, lineNo);
    } else {
      const hash = rest.search(/\s#/);
      if (hash !== -1) rest = rest.slice(0, hash);
      value = interpolate(rest.trim(), lookup, out, lineNo);
    }
    out.vars[key] = value;
  }
  return out;
}

function findClose(body: string, q: string): number {
  for (let k = 0; k < body.length; k++) {
    if (q === '"' && body[k] === '\\') {
      k++;
      continue;
    }
    if (body[k] === q) return k;
  }
  return -1;
}

function interpolate(s: string, env: Env, out: DotenvResult, line: number): string {
  const r = interpolateString(s, env);
  for (const e of r.errors) out.issues.push({ level: 'error', message: `.env line ${line}: ${e}`, line });
  return r.value;
}
