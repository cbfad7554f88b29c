/** Shared tests of what a token looks like: checksums in provider formats and signs of a random value. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib) of an ASCII string: GitHub, npm, Atlassian and Grafana tokens carry one. */
export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number in base62 (0-9A-Za-z), left-padded with "0" to six characters. */
export function base62(n: number): string {
  let s = '';
  do {
    s = BASE62[n % 62]! + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s.padStart(6, '0');
}

/** Documentation fillers that a random token practically never contains. */
export const FILLER = /(.)\1{5,}|0123456|123456789|abcdefgh|example|sample|dummy|placeholder|redacted/i;

/** How many of lower-case letters, upper-case letters and digits occur: random tokens mix them, prose does not. */
export function charClasses(s: string): number {
  return Number(/[a-z]/.test(s)) + Number(/[A-Z]/.test(s)) + Number(/[0-9]/.test(s));
}

/** Undoes l33t spelling (p4ssw0rd → password) so placeholder words are recognised in any spelling. */
export function unleet(s: string): string {
  return s.toLowerCase().replace(/[@4]/g, 'a').replace(/0/g, 'o').replace(/[1!|]/g, 'i').replace(/3/g, 'e').replace(/[5$]/g, 's').replace(/7/g, 't');
}
