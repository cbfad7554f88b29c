import { celFunc, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';
import type { ReflectMessage } from '@bufbuild/protobuf/reflect';
import { CIDR_TYPE, IP_TYPE } from '../types.js';

/*
 * Kubernetes' IP and CIDR libraries (library/ip.go, library/cidr.go, since 1.30). They parse with Go's net/netip and then
 * reject zones and IPv4-mapped IPv6 addresses; this follows netip's grammar (no leading zeros in IPv4 octets, at most one
 * `::`, an embedded IPv4 tail) and its canonical text form (RFC 5952). Written here because pure layers may not import
 * node:net, and its isIP accepts forms (zones, leading zeros) Kubernetes rejects.
 */

const { BOOL, INT, STRING } = CelScalar;
const IPT = IP_TYPE.type;
const CT = CIDR_TYPE.type;

export interface IpAddr {
  family: 4 | 6;
  /** The address as an unsigned 32- or 128-bit integer. */
  value: bigint;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (s.length > 45) return undefined;
  let text = s;
  let tail: bigint[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [v4 >> 16n, v4 & 0xffffn];
    // Keep a "::" before the IPv4 tail intact; otherwise drop the single colon that separated it.
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const out: bigint[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(parseInt(g, 16)));
    }
    return out;
  };
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const groups = halves.length === 2 ? [...head, ...rest, ...tail] : [...head, ...tail];
  let all: bigint[];
  if (halves.length === 2) {
    const missing = 8 - groups.length;
    if (missing < 1) return undefined;
    all = [...head, ...Array<bigint>(missing).fill(0n), ...rest, ...tail];
  } else {
    if (groups.length !== 8) return undefined;
    all = groups;
  }
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Parses an IP address as Kubernetes does, throwing its error messages. */
export function parseIp(s: string): IpAddr {
  if (s.includes('%')) throw new Error(`IP address ${JSON.stringify(s)} with zone value is not allowed`);
  if (!s.includes(':')) {
    const v = parseIPv4(s);
    if (v === undefined) throw new Error(`IP Address ${JSON.stringify(s)} parse error during conversion from string: ParseAddr(${JSON.stringify(s)}): invalid IP address`);
    return { family: 4, value: v };
  }
  const v = parseIPv6(s);
  if (v === undefined) throw new Error(`IP Address ${JSON.stringify(s)} parse error during conversion from string: ParseAddr(${JSON.stringify(s)}): invalid IPv6 address`);
  if (v >> 32n === 0xffffn) throw new Error(`IPv4-mapped IPv6 address ${JSON.stringify(s)} is not allowed`);
  return { family: 6, value: v };
}

/** netip's String(): dotted quad, or RFC 5952 (lower case, longest run of two or more zero groups as `::`). */
export function formatIp(ip: IpAddr): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((sh) => String((ip.value >> sh) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const bits = (f: 4 | 6): number => (f === 4 ? 32 : 128);

function inRange(ip: IpAddr, prefix: bigint, len: number): boolean {
  const shift = BigInt(bits(ip.family) - len);
  return ip.value >> shift === prefix >> shift;
}

/** netip.Addr's classification methods. */
export const ipClass = {
  isUnspecified: (ip: IpAddr) => ip.value === 0n,
  isLoopback: (ip: IpAddr) => (ip.family === 4 ? inRange(ip, 0x7f000000n, 8) : ip.value === 1n),
  isLinkLocalMulticast: (ip: IpAddr) => (ip.family === 4 ? inRange(ip, 0xe0000000n, 24) : inRange(ip, 0xff02n << 112n, 16)),
  isLinkLocalUnicast: (ip: IpAddr) => (ip.family === 4 ? inRange(ip, 0xa9fe0000n, 16) : inRange(ip, 0xfe80n << 112n, 10)),
  isMulticast: (ip: IpAddr) => (ip.family === 4 ? inRange(ip, 0xe0000000n, 4) : inRange(ip, 0xffn << 120n, 8)),
  isGlobalUnicast: (ip: IpAddr): boolean => {
    if (ip.family === 4 && ip.value === 0xffffffffn) return false;
    return !ipClass.isUnspecified(ip) && !ipClass.isLoopback(ip) && !ipClass.isMulticast(ip) && !ipClass.isLinkLocalUnicast(ip);
  },
};

export interface Cidr {
  ip: IpAddr;
  prefix: number;
}

export function parseCidr(s: string): Cidr {
  const slash = s.lastIndexOf('/');
  if (slash < 0) throw new Error(`network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(s)}): no '/'`);
  const ip = parseIp(s.slice(0, slash));
  const lenText = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(lenText) || Number(lenText) > bits(ip.family)) {
    throw new Error(`network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(s)}): bad bits after slash: ${JSON.stringify(lenText)}`);
  }
  return { ip, prefix: Number(lenText) };
}

function masked(c: Cidr): Cidr {
  const host = BigInt(bits(c.ip.family) - c.prefix);
  return { ip: { family: c.ip.family, value: (c.ip.value >> host) << host }, prefix: c.prefix };
}

const formatCidr = (c: Cidr): string => `${formatIp(c.ip)}/${c.prefix}`;

function containsIp(c: Cidr, ip: IpAddr): boolean {
  return c.ip.family === ip.family && inRange(ip, c.ip.value, c.prefix);
}

const ipOf = (m: ReflectMessage): IpAddr => parseIp(IP_TYPE.valueOf(m));
const cidrOf = (m: ReflectMessage): Cidr => parseCidr(CIDR_TYPE.valueOf(m));
const makeIp = (ip: IpAddr): never => IP_TYPE.of(formatIp(ip)) as never;
const makeCidr = (c: Cidr): never => CIDR_TYPE.of(formatCidr(c)) as never;

function valid(parse: (s: string) => unknown, s: string): boolean {
  try {
    parse(s);
    return true;
  } catch {
    return false;
  }
}

export const netFuncs: CelFunc[] = [
  celFunc('ip', [STRING], IPT, (s) => makeIp(parseIp(s))),
  celFunc('isIP', [STRING], BOOL, (s) => valid(parseIp, s)),
  celFunc('ip.isCanonical', [STRING], BOOL, (s) => formatIp(parseIp(s)) === s),
  celFunc('string', [IPT], STRING, (m) => formatIp(ipOf(m))),
  celMethod('family', IPT, [], INT, function () {
    return BigInt(ipOf(this).family);
  }),
  ...(['isUnspecified', 'isLoopback', 'isLinkLocalMulticast', 'isLinkLocalUnicast', 'isGlobalUnicast'] as const).map((name) =>
    celMethod(name, IPT, [], BOOL, function () {
      return ipClass[name](ipOf(this));
    }),
  ),
  celFunc('cidr', [STRING], CT, (s) => makeCidr(parseCidr(s))),
  celFunc('isCIDR', [STRING], BOOL, (s) => valid(parseCidr, s)),
  celFunc('string', [CT], STRING, (m) => formatCidr(cidrOf(m))),
  celMethod('containsIP', CT, [IPT], BOOL, function (ip) {
    return containsIp(cidrOf(this), ipOf(ip));
  }),
  celMethod('containsIP', CT, [STRING], BOOL, function (s) {
    return containsIp(cidrOf(this), parseIp(s));
  }),
  celMethod('containsCIDR', CT, [CT], BOOL, function (other) {
    const c = cidrOf(this);
    const o = cidrOf(other);
    return o.prefix >= c.prefix && containsIp(c, o.ip);
  }),
  celMethod('containsCIDR', CT, [STRING], BOOL, function (s) {
    const c = cidrOf(this);
    const o = parseCidr(s);
    return o.prefix >= c.prefix && containsIp(c, o.ip);
  }),
  celMethod('ip', CT, [], IPT, function () {
    return makeIp(cidrOf(this).ip);
  }),
  celMethod('masked', CT, [], CT, function () {
    return makeCidr(masked(cidrOf(this)));
  }),
  celMethod('prefixLength', CT, [], INT, function () {
    return BigInt(cidrOf(this).prefix);
  }),
];
