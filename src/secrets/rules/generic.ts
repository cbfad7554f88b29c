import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { unleet } from '../token-shape.js';
import { shannonEntropy } from '../entropy.js';

/*
 * The generic keyword + entropy rule. It runs after every provider rule (the index puts generic.ts last), so it only
 * sees what no specific rule claimed. It finds an assignment whose key names a credential and reports the value when
 * the value looks like a credential and not like documentation, a reference or a name.
 *
 * Forms: `key: value` (YAML), `key = value` (HCL, INI, TOML, properties), `"key": "value"` (JSON), `KEY=value`
 * (.env, shell, Dockerfile ENV, CLI `--password=…`), `key => 'value'`, `key := value`, Dockerfile `ENV KEY value`, and
 * the Kubernetes/Compose env pair `- name: DB_PASSWORD` followed by `value: …` on the next line.
 */

const KEYWORD = String.raw`(?:[pP][aA][sS][sS][wW](?:[oO][rR])?[dD]|[pP][wW][dD]|[sS][eE][cC][rR][eE][tT]|[tT][oO][kK][eE][nN]|[aA][pP][iI][_.-]?[kK][eE][yY]|[aA][cC][cC][eE][sS][sS][_.-]?[kK][eE][yY]|[pP][rR][iI][vV][aA][tT][eE][_.-]?[kK][eE][yY]|[aA][uU][tT][hH])`;
/**
 * The pattern starts at the keyword (cheap to find: the lookahead fails fast, so the lookbehind that captures the rest
 * of the key only runs where a keyword starts).
 * Group 1: the key before the keyword; group 2: the key from the keyword on; group 3: the assignment operator (`>` for
 * an XML element such as Maven's `<password>…</password>`);
 * group 4: the line break of an env pair (`- name: KEY` / `value: …`); group 5: the space of `ENV KEY value`;
 * group 6: the quote; group 7: the value (the secret). The value may not contain whitespace or quotes.
 */
const PATTERN = new RegExp(
  String.raw`(?=${KEYWORD})(?<=(?<![\w.-])([\w.-]{0,40}))(${KEYWORD}[\w.-]{0,40})["']?` +
    String.raw`(?:[ \t]*(:=|=>|\?=|[:=>])|[ \t]*(\r?\n)[ \t]*-?[ \t]*value:|([ \t]+)(?=[^\s=]+[ \t]*$))` +
    String.raw`[ \t]*(["'\x60]?)([^\s"'\x60]{8,200}?)\6(?:(?<=["'\x60])|(?=[\s,;)}\]<]|$))`,
  'm',
);

/** The text of the line before the key. */
function lineBefore(m: RegExpExecArray): string {
  const keyStart = m.index - (m[1]?.length ?? 0);
  return m.input.slice(m.input.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
}

/** Key endings that name something about a credential, not the credential: its file, URL, name, ID, length, TTL… */
const KEY_SUFFIX =
  /(?:file|files|path|paths|dir|directory|url|uri|urls|endpoint|host|hostname|server|name|names|ref|reference|id|ids|arn|enabled|enable|disabled|required|length|len|size|count|min|max|ttl|expiry|expires|expiration|lifetime|duration|timeout|interval|period|age|type|mode|policy|method|algorithm|alg|header|prefix|suffix|format|version|field|label|env|var|variable|source|provider|store|template|pattern|regex|rotation|scope|scopes|audience|audiences|issuer|hash|salt|encoding|command|cmd|script|class|mount|volume|selector|kind|location|user|username|login|email)$/;
/** Keys that contain a keyword without naming a credential. */
const KEY_NOT =
  /public|csrf|xsrf|tokeni[sz]|(?:^|[^a-z])(?:max|min|num|total|output|input|prompt|completion)[_.-]?tokens?|tokens?[_.-]?(?:count|limit|usage|per)|existing|secretkeyref|secretref|secretstore|secretprovider|externalsecret|sealedsecret|placeholder|description|example|sample|key[_.-]?(?:id|name|ref|file|path|vault|ring|store|size|length|usage|pair|alias|type)/;
/** Keywords that name a credential on their own; `auth` alone is weaker (auth_type, oauth_scopes, authorization_mode). */
const STRONG_KEYWORD = /passw(?:or)?d|pwd|secret|token|api[_.-]?key|access[_.-]?key|private[_.-]?key/;
/** With only `auth` in it, the key must name the credential itself: `auth`, `_auth` (.npmrc), `authKey`, `basic_auth`… */
const AUTH_KEY = /(?:^|[^a-z])auth$|auth(?:key|code|string|value|pass|cred|creds|credentials|header)$|^auth$/;

/** Words that documentation and defaults use in place of a credential (compared after undoing 0→o, @→a, $→s…). */
const DOC_WORDS = /(?:example|sample|dummy|fake|test|placeholder|changeme|change[_.-]?me|changeit|redacted|replace|insert|your|secret|passw(?:or)?d|token|xxxx|todo|fixme|foobar|lorem|ipsum|qwerty|letmein|abcdef|123456|notreal|notasecret|not[_.-]?a[_.-]?real|default)/;

/** Known public sample credentials (documentation keys that are format-valid). */
const KNOWN_PUBLIC = new Set(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPLE', 'minioadmin', 'minio123', 'ZXhhbXBsZQ==']);

/** A value that is a variable, template, reference, path, URL, name, number or documentation word. */
function notACredential(value: string, quoted: boolean): boolean {
  const v = value;
  const lower = v.toLowerCase();
  if (KNOWN_PUBLIC.has(v)) return true;
  // Variables, templates and interpolation: $VAR ${VAR} $(cmd) {{ x }} %VAR% #{x} @VAR@ <x> [[x]] __X__
  if (/^[$%@&<*]|\$\{|\$\(|\{\{|\}\}|#\{|\[\[|^__\w+__$|<[^>]*>|^\{[\w.-]*\}$/.test(v)) return true;
  // Unquoted values in code: calls, indexing, dotted member access (var.x, random_password.db.result, os.environ).
  if (!quoted && /[(){}[\]<>]/.test(v)) return true;
  if (/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+$/.test(v) && !/\d/.test(v.split('.').pop() ?? '')) return true;
  // URLs, references and secret-manager paths: op://, vault:, arn:aws:, projects/…/secrets/…, k8s secret refs.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(?:arn|vault|ref\+\w+|awssm|gcpsm|azkv|sm|ssm|secretsmanager|keyvault|env|file):/i.test(v)) return true;
  if (/(?:^|\/)projects\/[^/]+\/secrets\//.test(v)) return true;
  // Digests (sha256:…, md5:…) identify content; they are not credentials.
  if (/^(?:sha(?:1|224|256|384|512)|md5|blake2b|sha3-\d+)[:=-][0-9a-f]{16,}$/i.test(v)) return true;
  // Paths: absolute, home, relative with a file extension or several lowercase segments; Windows paths.
  if (/^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\)/.test(v) || /^[\w.-]+(?:\/[\w.-]+)+\.[a-z]{1,5}$/.test(v) || /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+\/?$/.test(v)) return true;
  // A PEM block is reported by the private-key rules.
  if (v.startsWith('-----')) return true;
  // Numbers, versions and version ranges (npm:^4.0.0, >=2.1,<3, 1.0.0-alpha.2), dates, IPs, durations; booleans and words.
  if (/^[\d.:,_/+-]+[a-z]{0,2}$/i.test(v)) return true;
  if (/^(?:[a-z]+:)?[\^~<>=!]*v?\d+(?:\.\d+)+/i.test(v)) return true;
  // Lists (a,b,c) and build coordinates (group:artifact:version).
  if (v.split(',').filter((p) => /^[A-Za-z][\w.:/-]*$/.test(p)).length >= 2) return true;
  if (/^[\w.:/-]*[A-Za-z]{3}[\w.:/-]*=[\w.:/-]*[A-Za-z]{3}[\w.:/-]*$/.test(v) || /^[\w.-]+:[\w.-]+:v?\d/.test(v)) return true;
  if (/^(?:true|false|yes|no|on|off|null|nil|none|undefined|required|optional|enabled|disabled|empty|unset|n\/a)$/i.test(v)) return true;
  // Names: lowercase words joined by separators (secret names, resource names), CONSTANT_NAMES, camelCase identifiers.
  if (/^[A-Za-z]+(?:[-_.:][A-Za-z]+)*$/.test(v) && !(v.length >= 24 && shannonEntropy(v) >= 4.0)) return true;
  if (/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/.test(v)) {
    const parts = v.split(/[-_]/);
    if (parts.filter((p) => /^[a-z]{2,}$/.test(p)).length * 2 >= parts.length) return true;
  }
  // Documentation words and placeholders, also inside a value and in leetspeak.
  if (/^(?:x+|\*+|\.+|#+|-+|_+|0+|\?+)$/i.test(v) || /x{4,}|\*{3,}|\.{3,}/i.test(v)) return true;
  if (DOC_WORDS.test(lower) || DOC_WORDS.test(unleet(lower))) return true;
  if (/^(?:my|your|the|some|our|default)[-_.]/.test(lower)) return true;
  return false;
}

/** The value decoded when it is base64 of printable text (Kubernetes Secret `data`), else undefined. */
function decodedBase64(v: string): string | undefined {
  if (v.length < 8 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('utf8').replace(/\r?\n$/, '');
  return /^[\x20-\x7e]{4,}$/.test(text) ? text : undefined;
}

/** After a bare value, the line must end (or go on with a comment or the next flow item): `= !a && b ? x : y` is code. */
function restOfLineOk(m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  const eol = m.input.indexOf('\n', end);
  const rest = m.input.slice(end, eol < 0 ? undefined : eol).trim();
  return rest === '' || /^(?:#|\/\/|[,;})\]])/.test(rest);
}

/** Entropy a value of this length needs: long values must look random; short ones need variety. */
function looksRandom(v: string): boolean {
  const h = shannonEntropy(v);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  if (v.length >= 20) return h >= 3.5;
  if (v.length >= 12) return h >= 3.0 && classes >= 2;
  return h >= 2.5 && classes >= 2;
}

function keyOk(key: string): boolean {
  const k = key.toLowerCase();
  const bare = k.replace(/[^a-z0-9]/g, '');
  if (KEY_NOT.test(k) || KEY_NOT.test(bare)) return false;
  // `pwd` is also the working directory (PWD, OLDPWD).
  if (/^(?:old)?pwd$/.test(bare)) return false;
  if (!STRONG_KEYWORD.test(k) && !(AUTH_KEY.test(k) || AUTH_KEY.test(bare))) return false;
  return !KEY_SUFFIX.test(bare);
}

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0090',
      slug: 'generic-secret',
      title: 'Hard-coded secret in a credential-named setting',
      severity: 'medium',
      description: 'A literal value assigned to a setting whose name says it is a credential (password, passwd, pwd, secret, token, api key, access key, private key, client secret, auth) in YAML, JSON, HCL, .env, shell, Dockerfile or Kubernetes env entries, when no provider-specific rule claimed it. Values that are variables, templates, references (secretKeyRef, ARNs, vault paths), paths, URLs, names, numbers, documentation words or too regular to be random are skipped; base64 values (Kubernetes Secret data) are decoded and checked the same way.',
      remediation: 'Move the value to a secret store or a Kubernetes Secret and reference it (valueFrom.secretKeyRef, a CSI secret volume, a Terraform variable marked sensitive or a data source); if the value was a real credential, rotate it with the system it belongs to, since it stays in the repository history.',
      references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
      peers: [{ tool: 'gitleaks', id: 'generic-api-key' }],
      keywords: ['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'api.key', 'accesskey', 'access_key', 'access-key', 'access.key', 'privatekey', 'private_key', 'private-key', 'private.key', 'auth'],
      examples: {
        positive: [
          'DB_PASSWORD=Tq7vR2mZx9Lp',
          'env:\n  - name: POSTGRES_PASSWORD\n    value: "k8Hs2Qw9zLx4Rv"',
          'spring:\n  datasource:\n    password: Zr4!qT9w#Lm2',
          '{"apiKey": "f3c9a1e7b25d48c6a0e9d7b1c4f28a63", "region": "eu-west-1"}',
          'resource "aws_db_instance" "main" {\n  password = "x7Vq2RtL9mZpW4s"\n}',
          'ENV ADMIN_TOKEN 4d9Fq2XzR7vLm8Tp',
          'apiVersion: v1\nkind: Secret\ndata:\n  client-secret: cVc3bVI0dFg5elAydkw2aw==',
          'python manage.py createsuperuser --password=Hx8Lr2Wq6Tz',
          '<server>\n  <id>releases</id>\n  <username>deployer</username>\n  <password>Vb7xQ2mL9rTz</password>\n</server>',
        ],
        negative: [
          'password: ${DB_PASSWORD}',
          'password: "{{ .Values.db.password }}"',
          'DB_PASSWORD=changeme',
          'password = var.db_password',
          'password = random_password.master.result',
          'secretName: postgres-credentials',
          'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password',
          'password_file: /run/secrets/db_password',
          'token_url: https://oauth2.googleapis.com/token',
          'api_key: your-api-key-here',
          'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          'token_ttl: 3600000000',
          'public_key: AAAAC3NzaC1lZDI1NTE5AAAAIJOPiKnIQVisY9WVLDb6swW74IPCdwHrS5HVUiAi',
          'data:\n  password: cGFzc3dvcmQxMjM=',
          'password: P@ssw0rd123',
          'authorization_mode: Node,RBAC',
          'existingSecret: pg-creds-v2',
          'token = os.environ.get("API_TOKEN")',
          'secret: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf',
          'client_secret: <client-secret>',
          'password: xxxxxxxxxxxx',
          '<password>${env.NEXUS_PASSWORD}</password>',
          'if (token > threshold1) {',
        ],
      },
    },
    pattern: PATTERN,
    secretGroup: 7,
    validate: (value, m) => {
      if (!keyOk((m[1] ?? '') + (m[2] ?? ''))) return false;
      // The env pair needs `name:` before the key; `ENV KEY value` needs the Dockerfile instruction.
      if (m[4] !== undefined && !/\b[nN]ame:[ \t]*["']?$/.test(lineBefore(m))) return false;
      if (m[5] !== undefined && !/^[ \t]*ENV[ \t]+$/.test(lineBefore(m))) return false;
      const quoted = (m[6] ?? '') !== '';
      if (m[3] === '>') {
        // <password>value</password>
        if (!lineBefore(m).endsWith('<') || !m.input.startsWith(`</${m[1] ?? ''}${m[2] ?? ''}>`, m.index + m[0].length)) return false;
      } else if (!quoted && !restOfLineOk(m)) return false;
      if (notACredential(value, quoted)) return false;
      // Kubernetes Secret `data` is base64: judge the decoded text (a sentence, a short or a documentation value is not reported).
      const decoded = decodedBase64(value);
      if (decoded !== undefined) return decoded.length >= 8 && !/\s/.test(decoded) && !notACredential(decoded, true) && looksRandom(decoded);
      return looksRandom(value);
    },
  }),
];

export default rules;
