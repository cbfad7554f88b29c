import { celFunc, celMethod, CelScalar, listType, mapType, type CelFunc } from '@bufbuild/cel';
import { URL_TYPE } from '../types.js';

/*
 * Kubernetes' URL library (library/urls.go): url(), isURL(), getScheme, getHost, getHostname, getPort, getEscapedPath,
 * getQuery. Kubernetes accepts what Go's url.ParseRequestURI accepts: an absolute URI (`scheme:…`) or an absolute path.
 * The WHATWG URL parser built into JavaScript is far more lenient (it fixes up hosts and paths), so this is a small
 * parser of the RFC 3986 shape Go checks, written here for that reason.
 */

const { BOOL, STRING } = CelScalar;
const U = URL_TYPE.type;

export interface ParsedUrl {
  scheme: string;
  host: string;
  hostname: string;
  port: string;
  path: string;
  rawQuery: string;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export function parseUrl(s: string): ParsedUrl {
  if (s.length > 8192) throw new Error('URL longer than 8192 characters');
  if ([...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) throw new Error(`URL ${JSON.stringify(s)} contains a control character`);
  let rest = s;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  let scheme = '';
  const m = SCHEME.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (!rest.startsWith('/')) {
    throw new Error(`URL parse error: ${JSON.stringify(s)} is neither an absolute URI nor an absolute path`);
  }
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let host = '';
  let hostname = '';
  let port = '';
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    rest = end < 0 ? '' : rest.slice(end);
    host = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
    ({ hostname, port } = splitHost(host, s));
  } else if (scheme !== '' && !rest.startsWith('/') && rest !== '') {
    // An opaque URI (`mailto:a@b`): Go accepts it and has no host or path.
    return { scheme, host: '', hostname: '', port: '', path: '', rawQuery };
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(rest)) throw new Error(`URL parse error: invalid escape in path of ${JSON.stringify(s)}`);
  return { scheme, host, hostname, port, path: rest, rawQuery };
}

function splitHost(host: string, original: string): { hostname: string; port: string } {
  let hostname = host;
  let port = '';
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) throw new Error(`URL parse error: missing ']' in host of ${JSON.stringify(original)}`);
    hostname = host.slice(1, close);
    const after = host.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) throw new Error(`URL parse error: invalid port ${JSON.stringify(after)} after host`);
      port = after.slice(1);
    }
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      hostname = host.slice(0, colon);
      port = host.slice(colon + 1);
      if (hostname.includes(':')) throw new Error(`URL parse error: invalid port ${JSON.stringify(':' + port)} after host`);
    }
  }
  if (port !== '' && !/^[0-9]+$/.test(port)) throw new Error(`URL parse error: invalid port ${JSON.stringify(':' + port)} after host`);
  if (/[\s<>"{}|\\^`]/.test(hostname)) throw new Error(`URL parse error: invalid character in host name ${JSON.stringify(hostname)}`);
  return { hostname, port };
}

/** Go's EscapedPath: the path as written when it is a valid encoding, escaped otherwise. */
function escapedPath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c));
}

function unescape(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Go's url.ParseQuery: `&`-separated pairs, repeated keys collect values; pairs with `;` are invalid and skipped. */
function queryOf(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of raw.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const k = unescape(eq < 0 ? pair : pair.slice(0, eq));
    const v = eq < 0 ? '' : unescape(pair.slice(eq + 1));
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

const parsedCache = new Map<string, ParsedUrl>();
function parsed(raw: string): ParsedUrl {
  let p = parsedCache.get(raw);
  if (!p) {
    p = parseUrl(raw);
    if (parsedCache.size > 1024) parsedCache.clear();
    parsedCache.set(raw, p);
  }
  return p;
}

export const urlFuncs: CelFunc[] = [
  celFunc('url', [STRING], U, (s) => {
    parsed(s);
    return URL_TYPE.of(s) as never;
  }),
  celFunc('isURL', [STRING], BOOL, (s) => {
    try {
      parsed(s);
      return true;
    } catch {
      return false;
    }
  }),
  celMethod('getScheme', U, [], STRING, function () {
    return parsed(URL_TYPE.valueOf(this)).scheme;
  }),
  celMethod('getHost', U, [], STRING, function () {
    return parsed(URL_TYPE.valueOf(this)).host;
  }),
  celMethod('getHostname', U, [], STRING, function () {
    return parsed(URL_TYPE.valueOf(this)).hostname;
  }),
  celMethod('getPort', U, [], STRING, function () {
    return parsed(URL_TYPE.valueOf(this)).port;
  }),
  celMethod('getEscapedPath', U, [], STRING, function () {
    return escapedPath(parsed(URL_TYPE.valueOf(this)).path);
  }),
  celMethod('getQuery', U, [], mapType(STRING, listType(STRING)), function () {
    return queryOf(parsed(URL_TYPE.valueOf(this)).rawQuery);
  }),
];
