/**
 * Go build information embedded in executables (`go version -m`), as `debug/buildinfo` reads it.
 *
 * The linker writes a 32-byte header into the `.go.buildinfo` section — `\xff Go buildinf:`, pointer size, flags — and, since
 * Go 1.18 (flag bit 2), the Go version and the module info inline after it as two uvarint-length-prefixed strings. The
 * section is the first one of the writable data segment, so a reader that knows the segment's file offset (from the ELF
 * program headers, which sit at the start of the file) can go straight to it without reading the code before it.
 *
 * Pure: bytes in, packages out. The scan layer streams the file and hands over a window starting at the magic.
 */
import type { Location } from '../../core/location.js';
import type { Package } from '../../core/package.js';
import { err, ok, type Result } from '../../core/result.js';
import { GO_ECOSYSTEM } from './index.js';

/** `\xff Go buildinf:` */
export const BUILDINFO_MAGIC = Uint8Array.from([0xff, 0x20, 0x47, 0x6f, 0x20, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x69, 0x6e, 0x66, 0x3a]);
const HEADER_BYTES = 32;
/** The header is 16-byte aligned in the section; debug/buildinfo only accepts aligned hits, and so do we. */
export const BUILDINFO_ALIGN = 16;
const FLAG_INLINE = 0x2;
/** Longest version/modinfo string accepted (debug/buildinfo caps reads the same way); a hostile length stops here. */
const MAX_STRING = 4 << 20;
/** Bytes after the magic worth handing to {@link parseBuildInfo}: header plus both strings in all real binaries. */
export const BUILDINFO_WINDOW = 1 << 20;

export interface GoModule {
  path: string;
  version: string;
  sum?: string;
  /** Set by a `=>` line: the module actually built in. A local directory replacement has version ''. */
  replace?: { path: string; version: string; sum?: string };
}

export interface GoBuildInfo {
  /** As recorded: `go1.22.3`, `go1.21rc2`, `devel go1.23-abc…`. */
  goVersion: string;
  /** The main package path (`path` line). */
  path: string;
  main?: GoModule;
  deps: GoModule[];
  settings: Record<string, string>;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Index of the first 16-byte-aligned magic at or after `from` (alignment relative to `base`, the window's file offset). */
export function findBuildInfo(bytes: Uint8Array, base = 0, from = 0): number {
  for (let i = from; i + BUILDINFO_MAGIC.length <= bytes.length; i++) {
    if (bytes[i] !== 0xff) {
      const next = bytes.indexOf(0xff, i + 1);
      if (next < 0) return -1;
      i = next - 1;
      continue;
    }
    if ((base + i) % BUILDINFO_ALIGN !== 0) continue;
    let hit = true;
    for (let k = 1; k < BUILDINFO_MAGIC.length; k++) {
      if (bytes[i + k] !== BUILDINFO_MAGIC[k]) {
        hit = false;
        break;
      }
    }
    if (hit) return i;
  }
  return -1;
}

/**
 * File offset of the first writable loadable segment of an ELF file, where `.go.buildinfo` starts; undefined when `head`
 * is not ELF or its program headers are not inside `head`.
 */
export function elfDataSegmentOffset(head: Uint8Array): number | undefined {
  if (head.length < 64 || head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) return undefined;
  const is64 = head[4] === 2;
  const little = head[5] === 1;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const phoff = is64 ? Number(view.getBigUint64(32, little)) : view.getUint32(28, little);
  const phentsize = view.getUint16(is64 ? 54 : 42, little);
  const phnum = view.getUint16(is64 ? 56 : 44, little);
  if (phentsize < (is64 ? 56 : 32) || phoff + phnum * phentsize > head.length) return undefined;
  let best: number | undefined;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    const type = view.getUint32(at, little);
    const flags = view.getUint32(is64 ? at + 4 : at + 24, little);
    const offset = is64 ? Number(view.getBigUint64(at + 8, little)) : view.getUint32(at + 4, little);
    const PT_LOAD = 1;
    const PF_W = 2;
    if (type === PT_LOAD && flags & PF_W && (best === undefined || offset < best)) best = offset;
  }
  return best;
}

function uvarint(b: Uint8Array, at: number): { value: number; next: number } | undefined {
  let value = 0;
  let mul = 1;
  for (let i = at; i < b.length && i < at + 10; i++) {
    const byte = b[i]!;
    value += (byte & 0x7f) * mul;
    if (value > Number.MAX_SAFE_INTEGER) return undefined;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
    mul *= 128;
  }
  return undefined;
}

/** Parses the build info whose magic starts at `blob[0]` (Go ≥ 1.18 inline format). */
export function parseBuildInfo(blob: Uint8Array): Result<GoBuildInfo, string> {
  if (blob.length < HEADER_BYTES || findBuildInfo(blob.subarray(0, BUILDINFO_MAGIC.length)) !== 0) return err('no Go build info header');
  const ptrSize = blob[14]!;
  if (ptrSize !== 4 && ptrSize !== 8) return err('no Go build info header (pointer size is neither 4 nor 8: a stray copy of the magic, not build info)');
  const flags = blob[15]!;
  if ((flags & FLAG_INLINE) === 0) return err('Go build info in the pre-1.18 pointer format (binary built with Go < 1.18) is not supported');
  let at = HEADER_BYTES;
  const strings: string[] = [];
  for (let k = 0; k < 2; k++) {
    const len = uvarint(blob, at);
    if (!len) return err('Go build info is truncated or corrupt (bad string length)');
    if (len.value > MAX_STRING) return err(`Go build info string of ${len.value} bytes is implausibly long`);
    if (len.next + len.value > blob.length) return err('Go build info is truncated (string runs past the data read)');
    strings.push(decoder.decode(blob.subarray(len.next, len.next + len.value)));
    at = len.next + len.value;
  }
  const goVersion = strings[0]!;
  let mod = strings[1]!;
  // The module info is wrapped in 16-byte sentinels so the linker can find it; debug/buildinfo strips them like this.
  if (mod.length >= 33 && mod[mod.length - 17] === '\n') mod = mod.slice(16, -16);
  if (!goVersion.startsWith('go') && !goVersion.startsWith('devel')) return err(`Go build info has an unexpected Go version ${JSON.stringify(goVersion.slice(0, 40))}`);
  const info: GoBuildInfo = { goVersion, path: '', deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of mod.split('\n')) {
    const f = line.split('\t');
    const mk = (): GoModule => ({ path: f[1] ?? '', version: f[2] ?? '', ...(f[3] ? { sum: f[3] } : {}) });
    switch (f[0]) {
      case 'path':
        info.path = f[1] ?? '';
        break;
      case 'mod':
        info.main = mk();
        last = info.main;
        break;
      case 'dep':
        last = mk();
        info.deps.push(last);
        break;
      case '=>':
        if (last) last.replace = mk();
        break;
      case 'build': {
        const kv = f.slice(1).join('\t');
        const eq = kv.indexOf('=');
        if (eq > 0) info.settings[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      default:
        break;
    }
  }
  return ok(info);
}

/** `go1.22.3` → `1.22.3`, `go1.20` → `1.20.0`, `go1.21rc2` → `1.21.0-rc2` (the forms OSV's `stdlib` ranges compare). */
export function stdlibVersion(goVersion: string): string {
  const m = /^go(\d+)\.(\d+)(?:\.(\d+))?((?:rc|beta)\d+)?/.exec(goVersion);
  if (!m) return goVersion;
  return `${m[1]}.${m[2]}.${m[3] ?? '0'}${m[4] ? `-${m[4]}` : ''}`;
}

/**
 * The Go packages a binary ships: every `dep` (its replacement when a `=>` names a module version; a local-directory
 * replacement keeps the required version, so advisories for it are still shown), the main module when it has a real
 * version (not `(devel)`), and `stdlib` at the toolchain version.
 */
export function goBinaryPackages(info: GoBuildInfo, location: Location): Package[] {
  const out: Package[] = [];
  const add = (name: string, version: string, direct?: boolean): void => {
    if (name === '' || version === '') return;
    const p: Package = { ecosystem: 'Go', name, version, purl: GO_ECOSYSTEM.purl(name, version), location, foundBy: 'go-binary' };
    if (direct !== undefined) p.direct = direct;
    out.push(p);
  };
  if (info.main && info.main.version !== '(devel)') add(info.main.path, info.main.version, true);
  for (const d of info.deps) {
    if (d.replace && d.replace.version !== '') add(d.replace.path, d.replace.version);
    else add(d.path, d.version);
  }
  if (info.goVersion.startsWith('go')) add('stdlib', stdlibVersion(info.goVersion));
  return out;
}
