import { defineSecretRule, type SecretRule } from '../define-rule.js';

/*
 * Private keys: PEM blocks (one rule per form), OpenSSH, PGP, PuTTY and age keys, PEM blocks stored base64-encoded
 * (Kubernetes Secret data, kubeconfig), PKCS#12 blobs and private JSON Web Keys.
 *
 * A PEM rule matches only a whole block with a body (a bare `-----BEGIN … PRIVATE KEY-----` header in documentation is
 * not reported) and reports the body, so the redacted form shows 4 characters of base64, never the label. Bodies are
 * accepted with real line breaks (files, YAML block scalars, heredocs, indented or not), with escaped `\n` inside a
 * JSON/YAML/HCL string (GCP service-account JSON, Helm values), or flattened onto one line with spaces. Each body is
 * decoded and its structure checked (DER header and length, OpenSSH magic, OpenPGP packet tag and CRC-24), which drops
 * shortened (`MIIE…`), placeholder (`xxxx`) and made-up bodies.
 */

/** A line break inside a block: real (optionally indented) or an escaped `\n` / `\r\n` (once or twice escaped). */
const NL = String.raw`(?:[ \t]*(?:\r?\n|(?:\\{1,2}r)?\\{1,2}n)[ \t]*)`;
/** Between PEM body lines: a line break, or spaces when the block was flattened onto one line. */
const BR = String.raw`(?:${NL}|[ \t]+)`;
/** A base64 body: the first line at least 16 characters, then any number of lines. */
const BODY = String.raw`[A-Za-z0-9+/]{16,}={0,2}(?:${BR}[A-Za-z0-9+/]+={0,2})*`;

/** A PEM block of exactly this label; group 1 is the body. */
function pem(label: string): RegExp {
  return new RegExp(String.raw`-----BEGIN ${label}-----${BR}(${BODY})${BR}-----END ${label}-----`);
}

/** The bytes of a body as matched (line breaks, escapes and spaces removed). */
function decodeBody(body: string): Buffer {
  return Buffer.from(body.replace(/\\[rn]|\\|\s/g, ''), 'base64');
}

/**
 * A DER SEQUENCE that spans the whole buffer exactly: returns the offset of its contents, or -1. A truncated, padded or
 * invented body fails here.
 */
function derSequence(der: Buffer): number {
  if (der.length < 4 || der[0] !== 0x30) return -1;
  const first = der[1]!;
  let len: number;
  let off: number;
  if (first < 0x80) {
    len = first;
    off = 2;
  } else {
    const n = first & 0x7f;
    if (n < 1 || n > 3 || der.length < 2 + n) return -1;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[2 + i]!;
    off = 2 + n;
  }
  return off + len === der.length ? off : -1;
}

/** The body is one DER SEQUENCE whose contents start with these bytes (e.g. a version INTEGER). */
function derStartsWith(body: string, ...prefixes: number[][]): boolean {
  const der = decodeBody(body);
  const off = derSequence(der);
  if (off < 0) return false;
  return prefixes.some((p) => p.every((b, i) => der[off + i] === b));
}

/** The tags of the elements directly inside the DER SEQUENCE that is the body, or undefined when it is not one. */
function derChildTags(body: string): number[] | undefined {
  const der = decodeBody(body);
  let off = derSequence(der);
  if (off < 0) return undefined;
  const tags: number[] = [];
  while (off < der.length) {
    const tag = der[off]!;
    const first = der[off + 1];
    if (first === undefined) return undefined;
    let len = first;
    let hdr = 2;
    if (first >= 0x80) {
      const n = first & 0x7f;
      if (n < 1 || n > 3) return undefined;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (der[off + 2 + i] ?? 0);
      hdr = 2 + n;
    }
    off += hdr + len;
    if (off > der.length) return undefined;
    tags.push(tag);
  }
  return tags;
}

/** INTEGER 0 / INTEGER 1 (the version field of most key structures). */
const V0 = [0x02, 0x01, 0x00];
const V1 = [0x02, 0x01, 0x01];

const OPENSSH_MAGIC = 'openssh-key-v1\u0000';

/** The cipher name of an OpenSSH private key (`none` when it has no passphrase), or undefined when it is not one. */
function opensshCipher(body: string): string | undefined {
  const b = decodeBody(body);
  if (b.length < OPENSSH_MAGIC.length + 8 || b.toString('latin1', 0, OPENSSH_MAGIC.length) !== OPENSSH_MAGIC) return undefined;
  const n = b.readUInt32BE(OPENSSH_MAGIC.length);
  if (n < 1 || n > 64 || b.length < OPENSSH_MAGIC.length + 4 + n) return undefined;
  return b.toString('latin1', OPENSSH_MAGIC.length + 4, OPENSSH_MAGIC.length + 4 + n);
}

/** CRC-24 of RFC 4880 §6.1 (the ASCII-armor checksum). */
function crc24(data: Buffer): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** The first OpenPGP packet is a Secret-Key packet (tag 5), in the old or the new packet format. */
function startsWithSecretKeyPacket(data: Buffer): boolean {
  const b = data[0];
  if (b === undefined || (b & 0x80) === 0) return false;
  return (b & 0x40) !== 0 ? (b & 0x3f) === 5 : ((b >> 2) & 0x0f) === 5;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** The bech32 checksum (BIP 173) of an age identity `AGE-SECRET-KEY-1…`. */
function bech32Valid(s: string): boolean {
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  const hrp = lower.slice(0, sep);
  const values: number[] = [];
  for (const c of hrp) values.push(c.charCodeAt(0) >> 5);
  values.push(0);
  for (const c of hrp) values.push(c.charCodeAt(0) & 31);
  for (const c of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(c);
    if (v < 0) return false;
    values.push(v);
  }
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i]!;
  }
  return chk >>> 0 === 1;
}

/** A keystore-, p12-, pfx- or pkcs12-named key right before a value (group 1: the key). */
const KEYSTORE_KEY = /(?:^|[^\w.-])([\w.-]{0,40}?(?:p12|pfx|pkcs12|keystore)[\w.-]{0,40})["']?[ \t]*(?:[:=]|=>)[ \t]*["']?$/i;

// Example keys: generated for these examples only (OpenSSL, ssh-keygen, GnuPG), never used anywhere.
const RSA_BODY = [
  'MIIBOwIBAAJBAMyO17Gh/3xjX8RI/bmzFqOb0FrQaIhH85CZuWikRImfhZwASvcX',
  '/7KmresUWWJZ0yLytWOqMr16uw2XtpKcWwcCAwEAAQJBAI9zMLHCQE9zxOn6oewD',
  'OkIb975n3paLlrP2Cb7nS6USNwllq1ym32/ABSyo2EArGn3thoqKMO1u7Iz1k515',
  '7ukCIQDxrtIbGpUiZJcUV6nyY0AaZLURRev3qs2RtINNhxCPbQIhANitA3h3hy5N',
  'lFDDovfQybrrv8N0I1rUpc8YTxbIy6fDAiBlLEUCWadyxV9FgclAEfJk2iG+gGHe',
  'xR7XTxTkYJU7JQIgR13lML6d5eBjo55shRdd+pU/2k7cfkRgQLAPDMAiZCUCIQCI',
  'nmh6qQxIiCfmVnMKnp/vPt1MzYMu5C9vfqHcbGCjDQ==',
];
const EC_BODY = [
  'MHcCAQEEIC6IIizcb1zNstbwhSLAQVt2WlCMhy6mJnK6SgyYr8L6oAoGCCqGSM49',
  'AwEHoUQDQgAEmpUP9WD+r7cUUIqWbzd8I0S+7xeXK0XtvLPW6cJIKKWtA5i5D0Vt',
  'dkiCwKkcxditQZqCSsyXujHFBatrc4ZDxQ==',
];
const DSA_BODY = [
  'MIIBygIBAAKBgQCDk2Zm7av0/KEGTFIEUziSTWpuwjdbhpP9gk2siX1EVHLJR+w4',
  'ScWfBnlopqTEMuJY8V6iCa42jvpq/22PHfiWHBYzPsNyil3Cui9BF0U7OY5uSNh1',
  'tJs3fa0GmulCUL8YyfVRH7N+11k6XWnbRlR0evx80flm84Z0BHATUZHxNQIdAOT+',
  '/Ed/IPezDi27HPRbvasTzxgXEEC8jfwtgY0CgYBuy0h1kvMkSPEBumbV3beWAiT5',
  '/ds5YP3waoazUPKmiAt71ysWRwxZbBpbTAZ0oVkpE3PZpIaSt+AiL4Ab9e4+roGA',
  'kmhJ4YAXgf27SWKQN4KeGwE1ebqXdI/nuDplcoDQWoqigmWC0tJxziMfZMpk9pt1',
  'gJ1rUU16IkTxDE3+CwKBgGL0r8FNumExyPOEpqfuulmnS+P8OI5RKE4qR6H9N8ZM',
  'QKorbO2LLjKv0r4S/nF9d77bwZTvoFhUmdHDdWXUq24WL79TJfpBf/D9pwcBp/6M',
  'jkfesbwz7/Rk9qlKoGEyJ34+WE3UObg06PRXhONHQEeSJ8+nfhBkvuEzHOOEMO8z',
  'Ahwb3z78GHx+pahQOIoNK9qdYthMt2Fq8doID6Gx',
];
const PKCS8_BODY = ['MC4CAQAwBQYDK2VwBCIEIPfe9b7IO3tpAuKKfAgvl1X8RGyyOiQxe6Moi99ZkkUO'];
const ENC_PKCS8_BODY = [
  'MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAh8KB4W9VCLBgICCAAw',
  'DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEENZglzBuDBf8TE4ztEnXds0EQAgm',
  'hNse6XOf4Jeo7lctFhxffzuVHl/EvqY/N0eRDHWis2zZTjnPfiu4QTaoLZnj5K9b',
  'kzy8lmZenbweEsZVPEI=',
];
const LEGACY_ENC_RSA = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'Proc-Type: 4,ENCRYPTED',
  'DEK-Info: AES-128-CBC,CE343704D649E43E8FEA11AF6E49C2A0',
  '',
  '1g2nIq5fxw+H+qbkk73Ij7IZrt9KWwHOsYfUg22NMXEv9VvBtswFbkzcKpF/artY',
  'ikinXpm1ehUwLhm7mNzF1eiN3/Rthgc8I7U2lKXzDBASdpek/H7ZdwIT5crniTim',
  'qXYc0YIZP9o15iNDkmoeM9ZyiU0XH7zokhzy8kbszGNAT+lhEdYCeLQmmKXZjDVJ',
  'JA04gb90lElZWEFL0lrWy3kzgJXf/0s3f3aBlOx4zG9Hrojy6F8NMUHu0pSVCuet',
  'niITaYBaNeuz+YWtiUUpjx8cLh2RKZQHwOf33dthIscVPWi2aNQjONcn+7d1qIH0',
  'AQAE/sQCXYFAlSka3e3GIyqXOIivttZpChmjGcXug6ko4UyocXBqWhb18lZd2MLH',
  '1PWB9LbotNSjn+Br2mYJROA4U0wUZvNoNdNtkXrPv90=',
  '-----END RSA PRIVATE KEY-----',
];
const OPENSSH_BODY = [
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBhy8sz3gdJz72kBBptZX28zl0IU1AC3FmlRxAz0BIVFQAAAIjPQ7Z7z0O2',
  'ewAAAAtzc2gtZWQyNTUxOQAAACBhy8sz3gdJz72kBBptZX28zl0IU1AC3FmlRxAz0BIVFQ',
  'AAAEBzpR5tJ+HKN6nZ2P50VQUN/mcVEpPlLbchlMM6iAeTyWHLyzPeB0nPvaQEGm1lfbzO',
  'XQhTUALcWaVHEDPQEhUVAAAAAAECAwQF',
];
const OPENSSH_ENC_BODY = [
  'b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABBXm4bm3o',
  'MHZEvZeR9ejobgAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDYA9cHmmw13LOZB',
  'NT7q1yC4MpMO+JbfXcyfDKQQI4t6AAAAkD5/33Eys0bw1wndwZDIHatmPc+aHKfwgoD4Ki',
  'Df+5IOiAO7he9SHy7Tu+8V9AUDqa2SLQ9PFBhv2rSBpL1phL17G76AvATu+lCLv6aRP8Sa',
  'hwtrjaL2NMRh7OehZK8gq/3V/LJlJAVtdNlz+5+PyXImWoVFYMfWCIhO9GC8/3FpBD+6J8',
  '+qUL7H4+SXSATJDQ==',
];
const PGP_BLOCK = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'lFgEawMYzxYJKwYBBAHaRw8BAQdAq0Hc/lJvn8nqWxyPHMw6t49UthZN33/9soRp',
  'UbIxx+UAAPwK3QXBuS/et29URB63BHz3wPlcJcsLNWNdpHIZKeX7Jw/dtBhGYWtl',
  'IFRlc3QgPGZha2VAaW52YWxpZD6IkAQTFggAOBYhBFe+0ynWykqSw0pnetDNz2bp',
  'DgjtBQJrAxjPAhsDBQsJCAcCBhUKCQgLAgQWAgMBAh4BAheAAAoJENDNz2bpDgjt',
  'OJsA/j0717udeQJmljmROSLLv352a+FKm52xq31ulq/Ai5IpAQCUmrfJJklK2n5l',
  'diIZa6QqOIhQOy4D6Gjg4Tp6w502Cg==',
  '=hS72',
  '-----END PGP PRIVATE KEY BLOCK-----',
];
const PUTTY_V3 = [
  'PuTTY-User-Key-File-3: ssh-ed25519',
  'Encryption: none',
  'Comment: eddsa-key-20240611',
  'Public-Lines: 2',
  'AAAAC3NzaC1lZDI1NTE5AAAAIJOPiKnIQVisY9WVLDb6swW74IPCdwHrS5HVUiAi',
  '/sTt',
  'Private-Lines: 1',
  'AAAAIBXQPOC1tFOqNRzpF5YGIkqR4VqfD94cUPRGTLsZa6eO',
  'Private-MAC: 15b4db0c6f2c8a973aa3898a4d86b4623ae72fefdd4bb48fb52146cc8c8d0d6c',
];

const block = (label: string, body: string[]): string[] => [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`];
/** As a file / YAML block scalar. */
const asFile = (lines: string[], indent = ''): string => lines.map((l) => (l ? indent + l : l)).join('\n');
/** As a JSON/YAML/HCL string with escaped line breaks, the way GCP service-account JSON and Helm values hold keys. */
const asEscaped = (lines: string[]): string => `${lines.join('\\n')}\\n`;

/** Private members of the RFC 7515 / RFC 7517 example keys, copied into countless tests and docs. */
const RFC_JWK_SAMPLES = ['870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE', 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI', 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T', 'GawgguFyGrWKav7AX4VKUg', 'X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH'];

const PEM_REF = 'https://www.rfc-editor.org/rfc/rfc7468';
const PEM_REMEDIATION =
  'Treat the key as compromised: generate a new key pair, replace the public key or certificate wherever it is trusted (revoke the certificate with its CA), remove the private key from the file and its history, and load keys from a secret store or a mounted Kubernetes Secret.';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0063',
      slug: 'rsa-private-key',
      title: 'RSA private key (PKCS#1 PEM)',
      severity: 'critical',
      description: 'A complete, unencrypted `-----BEGIN RSA PRIVATE KEY-----` block (PKCS#1), in a file, a YAML block scalar or an escaped JSON/YAML string. Whoever holds it can impersonate the server, user or service it identifies and decrypt what was encrypted to it.',
      remediation: PEM_REMEDIATION,
      references: [PEM_REF, 'https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin rsa private key-----'],
      examples: {
        positive: [asFile(block('RSA PRIVATE KEY', RSA_BODY)), `tls:\n  key: |\n${asFile(block('RSA PRIVATE KEY', RSA_BODY), '    ')}\n`],
        negative: [
          '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
          '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...snip...\n-----END RSA PRIVATE KEY-----',
          `-----BEGIN RSA PRIVATE KEY-----\n${'x'.repeat(64)}\n${'x'.repeat(64)}\n-----END RSA PRIVATE KEY-----`,
          'Paste the key, starting with -----BEGIN RSA PRIVATE KEY-----, into the field.',
          asFile(LEGACY_ENC_RSA),
        ],
      },
    },
    pattern: pem('RSA PRIVATE KEY'),
    secretGroup: 1,
    // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dP, dQ, qInv [, otherPrimeInfos] }.
    validate: (body) => derStartsWith(body, [...V0, 0x02], [...V1, 0x02]) && (derChildTags(body)?.filter((t) => t === 0x02).length ?? 0) >= 9,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0064',
      slug: 'ec-private-key',
      title: 'EC private key (SEC 1 PEM)',
      severity: 'critical',
      description: 'A complete, unencrypted `-----BEGIN EC PRIVATE KEY-----` block (SEC 1 / RFC 5915): an elliptic-curve key for TLS, JWT signing (ES256) or code signing.',
      remediation: PEM_REMEDIATION,
      references: [PEM_REF, 'https://www.rfc-editor.org/rfc/rfc5915'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin ec private key-----'],
      examples: {
        positive: [asFile(block('EC PRIVATE KEY', EC_BODY)), `{"signingKey": "${asEscaped(block('EC PRIVATE KEY', EC_BODY))}"}`],
        negative: [
          '-----BEGIN EC PRIVATE KEY-----\n<your key here>\n-----END EC PRIVATE KEY-----',
          asFile(block('EC PRIVATE KEY', [EC_BODY[0]!, EC_BODY[1]!])),
          asFile(block('EC PARAMETERS', ['BggqhkjOPQMBBw=='])),
        ],
      },
    },
    pattern: pem('EC PRIVATE KEY'),
    secretGroup: 1,
    validate: (body) => derStartsWith(body, [...V1, 0x04]),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0065',
      slug: 'dsa-private-key',
      title: 'DSA private key (PEM)',
      severity: 'critical',
      description: 'A complete, unencrypted `-----BEGIN DSA PRIVATE KEY-----` block (OpenSSL DSA format), e.g. a legacy SSH `id_dsa` key.',
      remediation: PEM_REMEDIATION,
      references: [PEM_REF, 'https://www.openssl.org/docs/manmaster/man1/openssl-dsa.html'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin dsa private key-----'],
      examples: {
        positive: [asFile(block('DSA PRIVATE KEY', DSA_BODY)), `ssh_key = "${asEscaped(block('DSA PRIVATE KEY', DSA_BODY))}"`],
        negative: ['-----BEGIN DSA PRIVATE KEY-----\n\n-----END DSA PRIVATE KEY-----', asFile(block('DSA PRIVATE KEY', RSA_BODY))],
      },
    },
    pattern: pem('DSA PRIVATE KEY'),
    secretGroup: 1,
    // DSAPrivateKey ::= SEQUENCE { version, p, q, g, y, x } — six INTEGERs.
    validate: (body) => derStartsWith(body, [...V0, 0x02]) && derChildTags(body)?.join() === '2,2,2,2,2,2',
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0066',
      slug: 'pkcs8-private-key',
      title: 'PKCS#8 private key (BEGIN PRIVATE KEY)',
      severity: 'critical',
      description: 'A complete, unencrypted `-----BEGIN PRIVATE KEY-----` block (PKCS#8, any algorithm), including the escaped form inside a GCP service-account JSON key file or a Helm values string.',
      remediation: `${PEM_REMEDIATION.slice(0, -1)}; for a GCP service-account key, delete the key in IAM (gcloud iam service-accounts keys delete) and prefer Workload Identity.`,
      references: [PEM_REF, 'https://www.rfc-editor.org/rfc/rfc5958', 'https://cloud.google.com/iam/docs/keys-create-delete'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin private key-----'],
      examples: {
        positive: [
          asFile(block('PRIVATE KEY', PKCS8_BODY)),
          `{\n  "type": "service_account",\n  "private_key_id": "3f9c1e0b7a",\n  "private_key": "${asEscaped(block('PRIVATE KEY', PKCS8_BODY))}",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}`,
          `PRIVATE_KEY="${block('PRIVATE KEY', PKCS8_BODY).join(' ')}"`,
        ],
        negative: [
          '"private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"',
          asFile(block('PUBLIC KEY', ['MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE='])),
          asFile(block('PRIVATE KEY', ['MC4CAQAwBQYDK2VwBCIEIPfe9b7IO3tpAuKKfAgvl1X8RGyyOiQxe6Moi99Z'])),
        ],
      },
    },
    pattern: pem('PRIVATE KEY'),
    secretGroup: 1,
    validate: (body) => derStartsWith(body, [...V0, 0x30], [...V1, 0x30]),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0067',
      slug: 'openssh-private-key',
      title: 'OpenSSH private key without a passphrase',
      severity: 'critical',
      description: 'A complete `-----BEGIN OPENSSH PRIVATE KEY-----` block (the default `ssh-keygen` format) whose cipher is `none`: anyone with the file can log in wherever its public key is in `authorized_keys` or registered as a deploy key.',
      remediation: 'Remove the public key from every authorized_keys file, Git host (deploy keys, user SSH keys) and bastion that trusts it, generate a new key pair, and provide it to CI or pods from a secret store or a Kubernetes Secret instead of the repository.',
      references: ['https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key', 'https://docs.github.com/en/authentication/connecting-to-github-with-ssh/reviewing-your-ssh-keys'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin openssh private key-----'],
      examples: {
        positive: [
          asFile(block('OPENSSH PRIVATE KEY', OPENSSH_BODY)),
          `apiVersion: v1\nkind: Secret\nmetadata:\n  name: git-ssh\nstringData:\n  ssh-privatekey: |\n${asFile(block('OPENSSH PRIVATE KEY', OPENSSH_BODY), '    ')}\n`,
        ],
        negative: [
          '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE...\n-----END OPENSSH PRIVATE KEY-----',
          asFile(block('OPENSSH PRIVATE KEY', OPENSSH_ENC_BODY)),
          asFile(block('OPENSSH PRIVATE KEY', ['AAAAB3NzaC1yc2EAAAADAQABAAABAQDYn0a1yq7wQ3m2bq8rT0yH4vJ0q2K7r'])),
        ],
      },
    },
    pattern: pem('OPENSSH PRIVATE KEY'),
    secretGroup: 1,
    validate: (body) => opensshCipher(body) === 'none',
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0068',
      slug: 'encrypted-private-key',
      title: 'Passphrase-protected private key',
      severity: 'high',
      description: 'A complete private key that is encrypted with a passphrase: `-----BEGIN ENCRYPTED PRIVATE KEY-----` (PKCS#8), a legacy PEM key with `Proc-Type: 4,ENCRYPTED`, or an OpenSSH key with a cipher. It cannot be used as is, but it can be brute-forced offline, and its passphrase often sits next to it.',
      remediation: 'Assume the passphrase can be guessed: rotate the key pair (and revoke its certificate), remove the key from the repository and its history, and keep keys and their passphrases in a secret store.',
      references: [PEM_REF, 'https://www.rfc-editor.org/rfc/rfc5958#section-3', 'https://www.rfc-editor.org/rfc/rfc1421#section-4.6.1.1'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin encrypted private key-----', '4,encrypted', '-----begin openssh private key-----'],
      examples: {
        positive: [asFile(block('ENCRYPTED PRIVATE KEY', ENC_PKCS8_BODY)), asFile(LEGACY_ENC_RSA), asFile(block('OPENSSH PRIVATE KEY', OPENSSH_ENC_BODY))],
        negative: [
          '-----BEGIN ENCRYPTED PRIVATE KEY-----\n(encrypted key)\n-----END ENCRYPTED PRIVATE KEY-----',
          asFile(block('OPENSSH PRIVATE KEY', OPENSSH_BODY)),
          asFile(block('ENCRYPTED PRIVATE KEY', ENC_PKCS8_BODY.slice(0, 2))),
        ],
      },
    },
    // Group 1: the label; group 2: legacy PEM encryption headers; group 3: the body.
    pattern: new RegExp(
      String.raw`-----BEGIN (ENCRYPTED PRIVATE KEY|RSA PRIVATE KEY|EC PRIVATE KEY|DSA PRIVATE KEY|OPENSSH PRIVATE KEY)-----${BR}` +
        String.raw`(Proc-Type:[ \t]*4,ENCRYPTED${NL}DEK-Info:[ \t]*[\w-]+,[0-9A-Fa-f]+${NL}{1,2})?` +
        String.raw`(${BODY})${BR}-----END \1-----`,
    ),
    secretGroup: 3,
    validate: (body, m) => {
      const label = m[1];
      if (label === 'ENCRYPTED PRIVATE KEY') return derStartsWith(body, [0x30]);
      if (label === 'OPENSSH PRIVATE KEY') {
        const cipher = opensshCipher(body);
        return cipher !== undefined && cipher !== 'none';
      }
      return m[2] !== undefined && body.replace(/\\[rn]|\\|\s/g, '').length >= 64;
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0069',
      slug: 'pgp-private-key-block',
      title: 'PGP private key block',
      severity: 'critical',
      description: 'An ASCII-armored OpenPGP secret key (`-----BEGIN PGP PRIVATE KEY BLOCK-----`), e.g. a package or commit signing key exported for CI. The block must start with a Secret-Key packet and match its armor checksum.',
      remediation: 'Revoke the key (publish its revocation certificate to keyservers and wherever the public key is trusted, e.g. apt/yum repositories, GitHub GPG keys), create a new signing key, and give CI the key through a secret store.',
      references: ['https://www.rfc-editor.org/rfc/rfc4880#section-6.2', 'https://www.gnupg.org/gph/en/manual/c14.html'],
      peers: [
        { tool: 'gitleaks', id: 'private-key' },
        { tool: 'trufflehog', id: 'PrivateKey' },
      ],
      keywords: ['-----begin pgp private key block-----'],
      examples: {
        positive: [asFile(PGP_BLOCK), `GPG_SIGNING_KEY: "${asEscaped(PGP_BLOCK)}"`],
        negative: [
          '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n...\n-----END PGP PRIVATE KEY BLOCK-----',
          asFile(PGP_BLOCK.map((l) => (l === '=hS72' ? '=hS73' : l))),
          asFile(block('PGP PUBLIC KEY BLOCK', ['', 'mDMEawMYzxYJKwYBBAHaRw8BAQdAq0Hc/lJvn8nqWxyPHMw6t49UthZN33/9soRp'])),
        ],
      },
    },
    // Group 1: the body; group 2: the armor checksum.
    pattern: new RegExp(
      String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----(?:${NL}(?:Version|Comment|Hash|Charset|MessageID):[^\r\n\\]{0,200})*${BR}{1,2}` +
        String.raw`(${BODY})(?:${BR}=([A-Za-z0-9+/]{4}))?${BR}-----END PGP PRIVATE KEY BLOCK-----`,
    ),
    secretGroup: 1,
    validate: (body, m) => {
      const data = decodeBody(body);
      if (data.length < 32 || !startsWithSecretKeyPacket(data)) return false;
      if (m[2] === undefined) return true;
      const sum = Buffer.from(m[2], 'base64');
      return sum.length === 3 && sum.readUIntBE(0, 3) === crc24(data);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0070',
      slug: 'putty-private-key',
      title: 'PuTTY private key (.ppk)',
      severity: 'critical',
      description: 'A PuTTY private key file (`PuTTY-User-Key-File-2/3`) with its `Private-Lines` section: an SSH key for PuTTY, WinSCP or Pageant (reported also when passphrase-protected: it can be brute-forced offline). The reported secret is the private section; its line count must match its header.',
      remediation: 'Remove the public key from every authorized_keys file and Git host that trusts it, generate a new key (puttygen), protect it with a passphrase, and keep the .ppk file out of the repository.',
      references: ['https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html', 'https://www.chiark.greenend.org.uk/~sgtatham/putty/'],
      peers: [],
      keywords: ['putty-user-key-file-'],
      examples: {
        positive: [asFile(PUTTY_V3), `{"ppk": "${asEscaped(PUTTY_V3.map((l) => l.replace('File-3', 'File-2').replace('Private-MAC: 15b4db0c6f2c8a973aa3898a4d86b4623ae72fefdd4bb48fb52146cc8c8d0d6c', 'Private-MAC: 4d1b8f3e2a90c6d7b5e14f3a8c2d9e0b7a6f5c41')))}"}`],
        negative: [
          'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: example\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: ...',
          asFile(PUTTY_V3.map((l) => (l === 'Private-Lines: 1' ? 'Private-Lines: 2' : l))),
          'Convert the key with puttygen; the file starts with PuTTY-User-Key-File-3.',
        ],
      },
    },
    // Group 1: the encryption; group 2: Private-Lines count; group 3: the private section.
    pattern: new RegExp(
      String.raw`PuTTY-User-Key-File-[23]:[ \t]*[\w@.-]+${NL}Encryption:[ \t]*([\w-]+)${NL}Comment:[^\r\n\\]{0,200}${NL}` +
        String.raw`Public-Lines:[ \t]*\d{1,3}${NL}(?:[A-Za-z0-9+/]+={0,2}${NL}){1,40}(?:[\w-]+:[ \t]*[^\r\n\\]{0,200}${NL}){0,8}` +
        String.raw`Private-Lines:[ \t]*(\d{1,3})${NL}([A-Za-z0-9+/]{16,}={0,2}(?:${NL}[A-Za-z0-9+/]+={0,2}){0,60})${NL}Private-(?:MAC|Hash):[ \t]*[0-9a-fA-F]{40,64}`,
    ),
    secretGroup: 3,
    minEntropy: 3.5,
    // Unencrypted private blobs start with a 4-byte length (`AAAA`); encrypted ones are ciphertext.
    validate: (body, m) => body.split(new RegExp(NL)).length === Number(m[2]) && (m[1] !== 'none' || body.startsWith('AAAA')),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0071',
      slug: 'age-secret-key',
      title: 'age secret key',
      severity: 'critical',
      description: 'An age identity (`AGE-SECRET-KEY-1…`, bech32 with a valid checksum): it decrypts every file encrypted to its recipient, e.g. SOPS-encrypted secrets in the repository.',
      remediation: 'Generate a new identity (age-keygen), re-encrypt every file encrypted to the old recipient (sops updatekeys / sops rotate), and keep the identity in a secret store or a Kubernetes Secret, not in the repository.',
      references: ['https://age-encryption.org/v1', 'https://github.com/getsops/sops#encrypting-using-age'],
      peers: [{ tool: 'gitleaks', id: 'age-secret-key' }],
      keywords: ['age-secret-key-1'],
      examples: {
        positive: [
          '# created: 2024-06-11T10:12:44Z\n# public key: age1lvyvwawkr0mcnnnncaghunadrqkmuf9e6507x9y920xxpp866cnql7dp2z\nAGE-SECRET-KEY-1JXEXDZLSH5VSGTWRQY58E9WXH02HR58PNMUHMUYVLMS22DDCL42SHT40PA',
          'stringData:\n  age.agekey: AGE-SECRET-KEY-1NSUL2YVA79D72KLGEUN2VP3240DG7Y8QZAH7NV9PA25U5YNGC9AS55VY64',
        ],
        negative: [
          'SOPS_AGE_KEY=AGE-SECRET-KEY-1JXEXDZLSH5VSGTWRQY58E9WXH02HR58PNMUHMUYVLMS22DDCL42SHT40PQ',
          'SOPS_AGE_KEY=AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
          'export SOPS_AGE_KEY_FILE=~/.config/sops/age/keys.txt  # holds AGE-SECRET-KEY-1...',
        ],
      },
    },
    pattern: /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/,
    secretGroup: 1,
    validate: (s) => bech32Valid(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0072',
      slug: 'base64-encoded-private-key',
      title: 'Base64-encoded PEM private key',
      severity: 'critical',
      description: 'A PEM private key stored base64-encoded (`LS0tLS1CRUdJTi…`), as in Kubernetes Secret `data` (tls.key, ssh-privatekey), kubeconfig `client-key-data`, or CI variables. The value must decode to a `PRIVATE KEY` block with a body; certificates alone are not reported.',
      remediation: 'Base64 is not encryption: treat the key as compromised, issue a new key and certificate (revoke the old one; for kubeconfig client certificates, rotate the credentials or the cluster CA), and create the Secret from a secret store (External Secrets, Sealed Secrets, SOPS) instead of committing it.',
      references: ['https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets', 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/'],
      peers: [],
      keywords: ['ls0tls1crudjtib'],
      examples: {
        positive: [
          `apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${Buffer.from(`${asFile(block('RSA PRIVATE KEY', RSA_BODY))}\n`).toString('base64')}\n`,
          `users:\n- name: admin\n  user:\n    client-key-data: ${Buffer.from(`${asFile(block('EC PRIVATE KEY', EC_BODY))}\n`).toString('base64')}\n`,
        ],
        negative: [
          `  tls.crt: ${Buffer.from('-----BEGIN CERTIFICATE-----\nMIIBLDCB36ADAgECAhQWGWIgmpBRWvXbIq9oj5rmoVP7VjAFBgMrZXAwDDEKMAgGA1UEAwwBeDAeFw0y\n-----END CERTIFICATE-----\n').toString('base64')}`,
          `  tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n').toString('base64')}`,
          '  tls.key: LS0tLS1CRUdJTi...',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/]{80,}={0,2})(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    validate: (s) => /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?:[\w-]+:[^\n]*\n)*\s*[A-Za-z0-9+/]{40,}/.test(Buffer.from(s, 'base64').toString('latin1')),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0073',
      slug: 'pkcs12-keystore',
      title: 'PKCS#12 / PFX keystore in configuration',
      severity: 'high',
      description: 'A base64 PKCS#12 (.p12/.pfx) keystore assigned to a keystore-, p12-, pfx- or pkcs12-named key (Kubernetes Secret data, Helm values, CI variables). It bundles a private key with its certificate, protected only by its (often empty or nearby) password. Truststores are reported only when they hold a key bag.',
      remediation: 'Issue a new key and certificate and revoke the old certificate, remove the keystore from the repository and its history, and mount it from a secret store (e.g. cert-manager keystores, External Secrets) with its password kept separately.',
      references: ['https://www.rfc-editor.org/rfc/rfc7292', 'https://cert-manager.io/docs/reference/api-docs/#cert-manager.io/v1.PKCS12Keystore'],
      peers: [],
      keywords: ['p12', 'pfx', 'pkcs12', 'keystore'],
      examples: {
        positive: [
          'data:\n  keystore.p12: MIIBJQIBAzCB3AYJKoZIhvcNAQcBoIHOBIHLMIHIMIHFBgkqhkiG9w0BBwGggbcEgbQwgbEwga4GCyqGSIb3DQEMCgECoIGeMIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgg8P0yx5fp6AICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEBBxdpXK9k8nwT7pj9rYJYAEQKFB7TvT4HpbheY/Zo5omNJewkn8+VCP7angOeM5fnivc1i8pobAcj/Wz+62moA63w98V0EMSQaKbHSLukmfxqgwQTAxMA0GCWCGSAFlAwQCAQUABCA44QHxaguEGc9qf9q8CVlxSs2dSm46hiXCJz2z9qH8kwQI9ewQ2eB83g8CAggA',
          'SIGNING_KEYSTORE_BASE64="MIIBJQIBAzCB3AYJKoZIhvcNAQcBoIHOBIHLMIHIMIHFBgkqhkiG9w0BBwGggbcEgbQwgbEwga4GCyqGSIb3DQEMCgECoIGeMIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgg8P0yx5fp6AICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEBBxdpXK9k8nwT7pj9rYJYAEQKFB7TvT4HpbheY/Zo5omNJewkn8+VCP7angOeM5fnivc1i8pobAcj/Wz+62moA63w98V0EMSQaKbHSLukmfxqgwQTAxMA0GCWCGSAFlAwQCAQUABCA44QHxaguEGc9qf9q8CVlxSs2dSm46hiXCJz2z9qH8kwQI9ewQ2eB83g8CAggA"',
        ],
        negative: [
          `  tls.crt: ${'MIIBLDCB36ADAgECAhQWGWIgmpBRWvXbIq9oj5rmoVP7VjAFBgMrZXAwDDEKMAgGA1UEAwwBeDAeFw0yNjA2MTEx'.repeat(2)}`,
          `  keystore.p12: ${'MIIBLDCB36ADAgECAhQWGWIgmpBRWvXbIq9oj5rmoVP7VjAFBgMrZXAwDDEKMAgGA1UEAwwBeDAeFw0yNjA2MTEx'.repeat(2)}`,
          '  keystore.jks: /u3+7QAAAAIAAAABAAAAAQAFYWxpYXMAAAGQ',
          '  keystorePassword: changeit\n  keystoreType: PKCS12',
        ],
      },
    },
    // Anchored on the blob (fast to find); the keystore-named key in front of it is checked in validate.
    pattern: /(?<![A-Za-z0-9+/])(MI[A-Za-z0-9+/]{100,}={0,2})(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    validate: (s, m) => {
      const key = KEYSTORE_KEY.exec(m.input.slice(Math.max(0, m.index - 120), m.index))?.[1];
      if (key === undefined) return false;
      const der = Buffer.from(s, 'base64');
      // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData OPTIONAL }; BER allows an indefinite length.
      let off: number;
      if (der[0] !== 0x30) return false;
      if (der[1] === 0x80) off = 2;
      else if (der[1]! < 0x80) off = 2;
      else off = 2 + (der[1]! & 0x7f);
      if (!(der[off] === 0x02 && der[off + 1] === 0x01 && der[off + 2] === 0x03 && der[off + 3] === 0x30)) return false;
      if (!/trust/i.test(key)) return true;
      // A truststore holds certificates; report it only when it visibly carries a key bag (PKCS#12 bag OIDs 1.2.840.113549.1.12.10.1.1/2).
      const hex = der.toString('hex');
      return hex.includes('2a864886f70d010c0a0101') || hex.includes('2a864886f70d010c0a0102');
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0074',
      slug: 'jwk-private-key',
      title: 'Private JSON Web Key',
      severity: 'critical',
      description: 'A JSON Web Key with private material: an RSA, EC or OKP key with its private exponent / scalar `d`, or a symmetric (`oct`) key with its `k`, e.g. an OIDC or JWT signing key in a config map or JWKS file.',
      remediation: 'Remove the key from every JWKS it is published in, generate a new signing key (rotate the `kid`), invalidate tokens signed with the old key, and load signing keys from a secret store or KMS.',
      references: ['https://www.rfc-editor.org/rfc/rfc7517', 'https://www.rfc-editor.org/rfc/rfc7518#section-6'],
      peers: [],
      keywords: ['kty'],
      examples: {
        positive: [
          '{"kty":"EC","x":"pRN5CYZYcfzAaEljCxOWqmEPHR5EklXwuoquff4Ednc","y":"5IUDYSirLlxFaRRIBbHBdV6--zNk0u0C1bbJXLwbqLI","crv":"P-256","d":"vtMfxP3_q-ZWYIMMV8Q8ZX653hZrBM2XlaUb1E9O3fw"}',
          'data:\n  jwks.json: |\n    {"keys": [{"crv": "Ed25519", "d": "w1S5qHVDzWl80WdiEWfAHz9ewGBKjcluaWCFWYycnkU", "x": "WxBCjc6q93ttLzvEIITlSdlTysETjysbQtZZ4jZcA6U", "kty": "OKP", "kid": "sig-2024"}]}',
        ],
        negative: [
          '{"kty":"EC","x":"pRN5CYZYcfzAaEljCxOWqmEPHR5EklXwuoquff4Ednc","y":"5IUDYSirLlxFaRRIBbHBdV6--zNk0u0C1bbJXLwbqLI","crv":"P-256"}',
          '{"kty": "RSA", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw", "e": "AQAB", "d": "..."}',
          'A JWK with "kty":"RSA" carries its private exponent in "d".',
          // RFC 7517 Appendix A.2
          '{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","d":"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE","use":"enc","kid":"1"}',
        ],
      },
    },
    pattern: /\{(?=[^{}]{0,4000}?\\{0,2}"kty\\{0,2}"\s*:\s*\\{0,2}"(?:RSA|EC|OKP|oct)\\{0,2}")[^{}]{0,8000}?\\{0,2}"(?:d|k)\\{0,2}"\s*:\s*\\{0,2}"([A-Za-z0-9_-]{22,})\\{0,2}"/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => !RFC_JWK_SAMPLES.some((sample) => s.startsWith(sample)),
  }),
];

export default rules;
