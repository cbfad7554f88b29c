/**
 * Heuristics shared by the checks that look for credentials written into manifests (env values, ConfigMaps).
 * Names are split into words (`DB_PASSWORD`, `dbPassword`, `db-password` → db, password) so that words that merely
 * contain a credential word (`TOKENIZER`, `PASSENGER`) do not match. Nothing here ever returns the value itself:
 * callers must not put values into messages.
 */

/** Words that name a credential on their own. */
const CREDENTIAL_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'token',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'privatekey',
  'accesskey',
  'secretkey',
  'signingkey',
  'encryptionkey',
  'masterkey',
  'licensekey',
  'clientsecret',
  'authtoken',
  'accesstoken',
  'refreshtoken',
  'bearertoken',
]);

/** Suffixes that make a single glued word a credential: `dbpassword`, `githubtoken`, `jwtsecret`. */
const CREDENTIAL_SUFFIXES = ['password', 'passwd', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'credentials', 'privatekey', 'accesskey', 'secretkey'];

/** `<word> key` pairs that are credentials (API_KEY, ACCESS_KEY, PRIVATE_KEY, …). A bare `key` is not. */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'private',
  'secret',
  'encryption',
  'signing',
  'sign',
  'master',
  'license',
  'licence',
  'auth',
  'session',
  'shared',
  'account',
  'storage',
  'subscription',
  'hmac',
  'jwt',
]);

/**
 * Words that make a name a credential only when they come last: BASIC_AUTH, PROXY_AUTHORIZATION, DB_PASS, SMTP_PW.
 * Elsewhere they are too vague (AUTH_METHOD, PASS_THROUGH).
 */
const TRAILING_CREDENTIAL_WORDS = new Set(['auth', 'authorization', 'pass', 'pw']);

/**
 * Words that, after the credential word, say the variable is about the credential rather than the credential:
 * DB_PASSWORD_FILE, SECRET_NAME, TOKEN_TTL, AUTH_ENABLED, PASSWORD_MIN_LENGTH, TOKEN_URL.
 */
const DESCRIPTOR_WORDS = new Set([
  'file',
  'files',
  'path',
  'dir',
  'directory',
  'name',
  'names',
  'ref',
  'reference',
  'enabled',
  'enable',
  'disabled',
  'disable',
  'required',
  'ttl',
  'expiry',
  'expiration',
  'expires',
  'expire',
  'lifetime',
  'length',
  'len',
  'size',
  'timeout',
  'url',
  'uri',
  'endpoint',
  'host',
  'hostname',
  'port',
  'header',
  'type',
  'mode',
  'algorithm',
  'alg',
  'format',
  'policy',
  'min',
  'max',
  'count',
  'limit',
  'id',
  'version',
  'rotation',
  'provider',
  'source',
  'store',
  'location',
  'mount',
  'volume',
  'field',
  'selector',
  'prefix',
  'suffix',
  'regex',
  'pattern',
  'seconds',
  'secs',
  'minutes',
  'hours',
  'days',
  'ms',
  'interval',
  'period',
  'duration',
  'retries',
  'attempts',
  'strength',
  'complexity',
  'backend',
  'manager',
  'engine',
  'namespace',
  'kind',
  'class',
  'label',
  'annotation',
  'template',
  'env',
  'var',
  'variable',
  'generator',
  'command',
  'cmd',
  'script',
  'hint',
  'salt',
  'rounds',
  'iterations',
  'audience',
  'issuer',
  'scope',
  'scopes',
  'lookup',
]);

/** Words that make the whole name non-secret wherever they appear (PUBLIC_KEY, existingSecret). */
const NON_SECRET_WORDS = new Set(['public', 'publishable', 'pub', 'existing']);

/** Splits `DB_PASSWORD`, `dbPassword`, `db-password`, `APIKey` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

function isCredentialWord(w: string): boolean {
  if (CREDENTIAL_WORDS.has(w)) return true;
  return CREDENTIAL_SUFFIXES.some((s) => w.length > s.length && w.endsWith(s));
}

/**
 * True when a variable or key name looks like it holds a credential: PASSWORD, DB_PASSWD, JWT_SECRET, GITHUB_TOKEN,
 * API_KEY, apiKey, AWS_SECRET_ACCESS_KEY, PRIVATE_KEY, CREDENTIALS, BASIC_AUTH. Names that describe a credential
 * instead of holding it (…_FILE, …_PATH, …_SECRET_NAME, …_SECRET_REF, …_ENABLED, …_TTL, PUBLIC_KEY) do not match.
 */
export function looksLikeCredentialName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words.some((w) => NON_SECRET_WORDS.has(w))) return false;
  // The last credential word decides; anything after it must not turn the name into a descriptor.
  let hit = -1;
  words.forEach((w, i) => {
    const next = words[i + 1];
    if (isCredentialWord(w)) hit = i;
    else if (KEY_QUALIFIERS.has(w) && next === 'key') hit = i + 1;
    else if (TRAILING_CREDENTIAL_WORDS.has(w) && i === words.length - 1) hit = i;
  });
  if (hit < 0) return false;
  return !words.slice(hit + 1).some((w) => DESCRIPTOR_WORDS.has(w));
}

const BOOLEANISH = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'null', 'none', 'nil', '~', 'n/a', 'redacted']);

/** References to a secret store that a tool resolves at deploy or run time, never the secret itself. */
const SECRET_STORE_REF = /^(?:vault|ref\+[a-z0-9]+|sm|gcpsm|awssm|awssecrets|azkv|akv|op|bws|doppler|secretsmanager|ssm|sops|k8s-secret|secret):\/{0,2}\S+$|^arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):/i;

/**
 * True when a value is evidently not a literal secret: empty, masked (`****`), boolean-like, a reference to another
 * variable (`$(VAR)`, `${VAR}`), an unrendered template (`{{ .Values.x }}`, `<password>`), a file path, or a
 * reference to a secret store (`vault:…`, `arn:aws:secretsmanager:…`, `op://…`).
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (BOOLEANISH.has(v.toLowerCase())) return true;
  if (/^[*xX.•#-]+$/.test(v)) return true;
  if (/\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}/.test(v)) return true;
  if (/\{\{.*\}\}|\{%.*%\}/.test(v)) return true;
  // Grafana-style expansion: $__file{/path}, $__env{VAR}, $__vault{…}
  if (/\$__[a-z]+\{[^}]*\}/.test(v)) return true;
  if (/^<[^<>]+>$/.test(v) || /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v)) return true;
  if (/^(?:\/|\.\.?\/|~\/|file:\/\/)\S*$/.test(v) || /^[A-Za-z]:\\\S*$/.test(v)) return true;
  if (SECRET_STORE_REF.test(v)) return true;
  return false;
}

const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** scheme://user:password@host — a password in a URL's user info. */
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@[^\s/]/i;
/** `key = value`, `key: value`, `- key: value`, `"key": "value",`, `export KEY=value` on one line. */
const ASSIGNMENT = /^\s*(?:-\s+)?(?:export\s+)?["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*(.*?)\s*[,;]?\s*$/;

export type InlineCredential =
  | { kind: 'private-key' }
  | { kind: 'url-password' }
  | { kind: 'assignment'; keys: string[] };

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

/** The password part of a `scheme://user:password@host` URL in `value`, when it is a literal. */
function hasUrlPassword(value: string): boolean {
  const m = URL_WITH_PASSWORD.exec(value);
  return m !== null && !isPlaceholderValue(m[1]!);
}

export function containsPrivateKey(value: string): boolean {
  return PEM_PRIVATE_KEY.test(value);
}

/** `key=value` pairs inside a line: connection strings (`Server=db;Password=…;`), query strings, `-Dkey=value`. */
const INLINE_PAIR = /(?:^|[;&?\s,])(?:-D|-{1,2})?([A-Za-z0-9_.-]+)\s*=\s*([^;&\s,]+)/g;

/** The `key`/`value` pairs of one line; a value of `undefined` means "nothing to judge here" (a block opens). */
function assignmentsIn(line: string): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  const m = ASSIGNMENT.exec(line);
  // `a=1;b=2` and `a=1&b=2` are lists of pairs (connection and query strings), read pair by pair below.
  if (m && !/[;&]\s*[A-Za-z0-9_.-]+\s*=/.test(m[2]!)) {
    const val = unquote(m[2]!);
    // `key: |`, `key: {` or `"key": [`: a block opens, its own lines are looked at one by one.
    out.push([m[1]!, /^(?:[[{]|[|>][-+0-9]*)$/.test(val) ? undefined : val]);
  }
  for (const p of line.matchAll(INLINE_PAIR)) {
    // The whole-line reading wins for its key: `secret = {{ .Values.x }}` must not be re-read as `secret={{`.
    if (!out.some(([k]) => k === p[1])) out.push([p[1]!, unquote(p[2]!)]);
  }
  return out;
}

/**
 * Credentials written inside a longer value (a config file in a ConfigMap, a connection string): a PEM private key,
 * a password in a URL, or `password = …` / `apiKey: …` / `…;Password=…;` whose value is a literal. Comment lines
 * are skipped.
 */
export function findInlineCredentials(value: string): InlineCredential[] {
  const out: InlineCredential[] = [];
  if (containsPrivateKey(value)) out.push({ kind: 'private-key' });
  if (hasUrlPassword(value)) out.push({ kind: 'url-password' });
  const keys: string[] = [];
  for (const line of value.split(/\r?\n/)) {
    if (/^\s*(?:#|;|\/\/|<!--|\*)/.test(line)) continue;
    for (const [key, val] of assignmentsIn(line)) {
      if (val === undefined || keys.includes(key) || !looksLikeCredentialName(key) || isPlaceholderValue(val)) continue;
      keys.push(key);
    }
  }
  if (keys.length > 0) out.push({ kind: 'assignment', keys });
  return out;
}

/** Human text for a finding: never includes the value. */
export function describeInline(found: readonly InlineCredential[]): string {
  return found
    .map((f) => {
      switch (f.kind) {
        case 'private-key':
          return 'a PEM private key';
        case 'url-password':
          return 'a URL with an embedded password';
        case 'assignment':
          return `a literal value for ${f.keys.map((k) => `"${k}"`).join(', ')}`;
      }
    })
    .join(' and ');
}
