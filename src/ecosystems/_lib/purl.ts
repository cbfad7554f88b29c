/**
 * Package URLs (https://github.com/package-url/purl-spec): `pkg:type/namespace/name@version?qualifiers`.
 * Written here because the purl libraries on npm either lag the spec's encoding rules or pull in large dependency trees.
 */

// purl-spec: every character outside the unreserved set (A-Z a-z 0-9 . - _ ~) is percent-encoded in name and version.
const UNRESERVED = /^[A-Za-z0-9._~-]*$/;
function enc(s: string): string {
  // Most names and versions need no encoding; a purl is built for every package of every lockfile.
  if (UNRESERVED.test(s)) return s;
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface PurlParts {
  type: string;
  namespace?: string | undefined;
  name: string;
  version?: string | undefined;
  qualifiers?: Record<string, string | undefined> | undefined;
  subpath?: string | undefined;
}

export function formatPurl(p: PurlParts): string {
  let out = `pkg:${p.type.toLowerCase()}/`;
  if (p.namespace) out += p.namespace.split('/').filter((s) => s !== '').map(enc).join('/') + '/';
  out += enc(p.name);
  if (p.version) out += `@${enc(p.version)}`;
  const q = Object.entries(p.qualifiers ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (q.length > 0) out += '?' + q.map(([k, v]) => `${k.toLowerCase()}=${enc(v)}`).join('&');
  if (p.subpath) out += '#' + p.subpath.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(enc).join('/');
  return out;
}

export function parsePurl(purl: string): PurlParts | undefined {
  const m = /^pkg:([a-zA-Z.+-][a-zA-Z0-9.+-]*)\/(.+)$/.exec(purl.trim());
  if (!m) return undefined;
  let rest = m[2]!;
  let subpath: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    subpath = decodeURIComponent(rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  let qualifiers: Record<string, string> | undefined;
  const qm = rest.indexOf('?');
  if (qm >= 0) {
    qualifiers = {};
    for (const kv of rest.slice(qm + 1).split('&')) {
      const eq = kv.indexOf('=');
      if (eq > 0) qualifiers[kv.slice(0, eq).toLowerCase()] = decodeURIComponent(kv.slice(eq + 1));
    }
    rest = rest.slice(0, qm);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = decodeURIComponent(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const segs = rest.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  const name = segs.pop();
  if (!name) return undefined;
  return { type: m[1]!.toLowerCase(), ...(segs.length > 0 ? { namespace: segs.join('/') } : {}), name, ...(version !== undefined ? { version } : {}), ...(qualifiers ? { qualifiers } : {}), ...(subpath ? { subpath } : {}) };
}
