import { readFileSync, statSync } from 'node:fs';

export type ReadOutcome =
  | { ok: true; text: string; bytes: number }
  | { ok: false; level: 'error' | 'warning'; code: 'too-large' | 'binary' | 'encoding' | 'unreadable'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a manifest as UTF-8 text, refusing oversized, binary and mis-encoded files with a reason the user can act on. */
export function readManifest(abs: string, maxBytes: number, explicit: boolean): ReadOutcome {
  let buf: Buffer;
  try {
    if (abs === '-') buf = readFileSync(0);
    else {
      const size = statSync(abs).size;
      if (size > maxBytes) {
        return {
          ok: false,
          level: 'warning',
          code: 'too-large',
          message: `file is ${size} bytes, over the ${maxBytes}-byte limit; skipped (raise maxFileSize in .palisade.yaml or --max-file-size)`,
        };
      }
      buf = readFileSync(abs);
    }
  } catch (e) {
    return { ok: false, level: 'error', code: 'unreadable', message: `cannot read file: ${(e as Error).message}` };
  }
  if (buf.length > maxBytes) {
    return { ok: false, level: 'warning', code: 'too-large', message: `input is over the ${maxBytes}-byte limit; skipped` };
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return { ok: false, level: 'error', code: 'encoding', message: 'file is UTF-16 encoded; Kubernetes manifests must be UTF-8 (convert with `iconv -f UTF-16 -t UTF-8`)' };
  }
  const head = buf.subarray(0, Math.min(buf.length, 8192));
  if (head.includes(0)) {
    // A binary file found by walking is noise (warning); one named on the command line was meant to be scanned (error).
    return { ok: false, level: explicit ? 'error' : 'warning', code: 'binary', message: 'binary file (contains NUL bytes); skipped' };
  }
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    return { ok: false, level: 'error', code: 'encoding', message: `invalid UTF-8 at byte ${at}; save the file as UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, bytes: buf.length };
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding already failed). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
