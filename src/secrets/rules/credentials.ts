import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { unleet } from '../token-shape.js';
import { shannonEntropy } from '../entropy.js';

/*
 * Credentials in their usual carriers: userinfo in URLs, HTTP Authorization headers, .netrc entries. Each rule reports
 * the password/token itself. Documentation values (placeholders, variables, template expressions, "password",
 * user = password defaults, example domains) are skipped, and so are values that carry a provider's token prefix:
 * this file runs before the provider files, and a GitHub or Slack token in a URL is better reported by its own rule.
 */

/** Tokens with a provider prefix that a provider rule reports with better remediation. */
const PROVIDER_PREFIX = /^(?:gh[pousr]_|github_pat_|glpat-|gldt-|glrt-|xox[abposr]-|xapp-|sk-|sk_live_|rk_live_|sk_test_|AKIA|ASIA|AIza|ya29\.|npm_|pypi-|hf_|eyJ|SG\.|dop_v1_|doo_v1_|shp(?:at|ca|pa|ss)_|hvs\.|hvb\.|ATATT3|AKCp|dapi|AGE-SECRET-KEY-1)/;

/** Values that are words people write in documentation instead of a password. */
const DOC_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'changeme', 'changeit', 'admin', 'root', 'guest', 'user', 'username',
  'test', 'example', 'sample', 'dummy', 'fake', 'foo', 'bar', 'baz', 'foobar', 'qwerty', 'letmein', 'default', 'none', 'null',
  'redacted', 'hidden', 'masked', 'placeholder', 'xxx', 'abc', 'abc123', '123', '1234', '12345', '123456', '12345678', 'mypassword',
  'mysecret', 'mytoken', 'yourpassword', 'yoursecret', 'yourtoken', 'apikey', 'api_key', 'key', 'value', 'string', 'secretpassword',
]);

/** A variable, template expression, placeholder or documentation word rather than a credential. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^[$%@&]/.test(v) || /\$\{|\$\(|\{\{|\}\}|<[^>]*>|%\(|#\{|\[\[|^\{[\w.-]*\}$|^__[\w-]+__$/.test(v)) return true;
  if (/^(?:x+|X+|\*+|\.+|#+|-+|_+|0+|\?+|•+)$/.test(v)) return true;
  const lower = v.toLowerCase();
  if (/^(?:your|my|the|some|example|sample|dummy|fake|test|insert|enter|put|replace|change)[-_]?(?:own[-_]?)?(?:pass|pwd|secret|token|key|api|user|password)/.test(lower)) return true;
  if (/x{4,}|\*{3,}|changeme|change_me|example|placeholder|redacted|replace[-_]?me/.test(lower)) return true;
  return DOC_WORDS.has(lower) || DOC_WORDS.has(unleet(lower)) || DOC_WORDS.has(unleet(lower).replace(/\d+$/, ''));
}

/** `user@`-style URL parts are percent-encoded; compare and check the decoded text. */
function urlDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Reserved documentation domains (RFC 2606 / RFC 6761). */
const EXAMPLE_HOST = /(?:^|\.)(?:example(?:\.(?:com|org|net))?|invalid|test|localdomain\.example)$/i;

/** The password of a `scheme://user:password@host` match: not a placeholder, not the user name, not an example host. */
function urlPasswordOk(password: string, m: RegExpExecArray): boolean {
  const user = urlDecode(m[1] ?? '');
  const pass = urlDecode(password);
  const host = m[3] ?? '';
  if (pass.length < 3 || isPlaceholder(pass) || isPlaceholder(user) && /^(?:pass|pwd|secret|token)/i.test(pass)) return false;
  if (pass === user || EXAMPLE_HOST.test(host)) return false;
  return !PROVIDER_PREFIX.test(pass);
}

/** Sequences typed by hand in examples. */
const SEQUENTIAL = /abcdef|bcdefg|123456|234567|qwerty|asdfgh|zxcvbn|0123456|9876543/i;

/** Characters allowed in the userinfo of a URL as found in text (no spaces, quotes, delimiters or escapes). */
const USER = String.raw`([^\s:@/?#"'<>\x60\\]{1,100})`;
const PASS = String.raw`([^\s@/?#"'<>\x60\\]{1,200})`;
const HOST = String.raw`([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{0,62}|\[[0-9A-Fa-f:.]+\])`;

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0080',
      slug: 'url-basic-auth-password',
      title: 'Password in an HTTP, FTP, SSH or Git URL',
      severity: 'high',
      description: 'A `scheme://user:password@host` URL for http(s), ftp(s), sftp, ssh, git (git+ssh, git+https), svn, rsync or WebDAV with a literal password, e.g. a Git remote, a private package index or an artifact download in a Dockerfile. Variables (`$PASS`, `${…}`, `$(…)`, `{{ … }}`), placeholders, user = password defaults and example domains are skipped.',
      remediation: 'Change the password (or revoke the token used as one) on that host, remove the URL from the file and its history, and pass credentials at run time: a credential helper, a .netrc or Docker build secret (`RUN --mount=type=secret`), or environment variables from a Kubernetes Secret.',
      references: ['https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1', 'https://docs.docker.com/build/building/secrets/', 'https://git-scm.com/docs/gitcredentials'],
      peers: [
        { tool: 'trufflehog', id: 'URI' },
        { tool: 'trufflehog', id: 'FTP' },
      ],
      keywords: ['http://', 'https://', 'ftp://', 'ftps://', 'sftp://', 'ssh://', 'git://', 'svn://', 'rsync://', 'dav://', 'davs://'],
      examples: {
        positive: [
          'RUN pip install --index-url https://deploy:Wq8v2LxT9mZr@pypi.internal.acme.io/simple/ acme-sdk',
          'git remote add origin https://ci-bot:7pUq3Rm9Xw2Kd8Ls@git.acme.io/platform/infra.git',
          'env:\n  - name: ARTIFACTS\n    value: "ftp://uploader:R4t%21pL9qz@files.acme.io:21/builds"',
        ],
        negative: [
          'repo: https://${GIT_USER}:${GIT_TOKEN}@github.com/acme/infra.git',
          'url: https://$(ES_USER):$(ES_PASSWORD)@localhost:9200',
          'url: https://user:password@example.com/path',
          'url: https://admin:admin@localhost:8080',
          'url: https://myacct:mypass@localhost:4430',
          'see https://acme.io:8443/path@v2 and http://host/user:pass@x',
          'remote: https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/acme/infra.git',
          'url: http://<username>:<password>@registry.local/',
          'Format: scheme://[username:passwd@]host[:port]',
        ],
      },
    },
    pattern: new RegExp(String.raw`\b(?:https?|ftps?|sftp|ssh|git(?:\+(?:ssh|https?))?|svn(?:\+ssh)?|rsync|davs?)://${USER}:${PASS}@${HOST}`),
    secretGroup: 2,
    validate: urlPasswordOk,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0081',
      slug: 'mail-ldap-url-password',
      title: 'Password in an SMTP, IMAP, POP3 or LDAP URL',
      severity: 'high',
      description: 'A mail (smtp, smtps, submission, imap(s), pop3(s)) or directory (ldap, ldaps) URL with a literal `user:password@`: an SMTP relay login or an LDAP bind password in application or alerting configuration (e.g. an email backend URL, Alertmanager or Grafana SMTP settings, an LDAP auth URL).',
      remediation: 'Change the mailbox or bind-account password (or revoke the app password), remove the URL from the file and its history, and provide it from a Kubernetes Secret or a secret store at run time.',
      references: ['https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1', 'https://www.rfc-editor.org/rfc/rfc4516', 'https://kubernetes.io/docs/concepts/configuration/secret/'],
      peers: [],
      keywords: ['smtp', 'submission://', 'imap', 'pop3', 'ldap'],
      examples: {
        positive: [
          'EMAIL_URL=smtp+tls://alerts%40acme.io:vK7rQ2xLp9Zm@smtp.mailgun.org:587',
          'auth:\n  ldap:\n    url: "ldaps://svc-grafana:N3wB1nd-9xQr@ldap.corp.acme.io:636/dc=acme,dc=io"',
        ],
        negative: [
          'EMAIL_URL=smtp://user:password@smtp.example.com:587',
          'url: ldap://cn=admin,dc=acme,dc=io:${LDAP_PASSWORD}@ldap:389',
          'EMAIL_URL=smtp://smtp.acme.io:587',
        ],
      },
    },
    pattern: new RegExp(String.raw`\b(?:smtps?|smtp\+tls|smtp\+ssl|submission|imaps?|pop3s?|ldaps?)://${USER}:${PASS}@${HOST}`),
    secretGroup: 2,
    validate: urlPasswordOk,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0082',
      slug: 'http-basic-auth-header',
      title: 'HTTP Basic Authorization header with credentials',
      severity: 'high',
      description: 'An `Authorization: Basic <base64>` header written out in configuration or code (curl commands, nginx `proxy_set_header`, HTTP client headers, probe headers). The value must decode to `user:password` with a real password, or to a token used as the user name (e.g. `sk_live_…:`).',
      remediation: 'Base64 is not encryption: change the password or revoke the token on the target service, remove the header from the file and its history, and build it at run time from a secret (an environment variable from a Kubernetes Secret, a CI secret).',
      references: ['https://www.rfc-editor.org/rfc/rfc7617', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Authorization'],
      peers: [{ tool: 'gitleaks', id: 'curl-auth-header' }],
      keywords: ['authorization'],
      examples: {
        positive: [
          'curl -H "Authorization: Basic Y2ktZGVwbG95OlRtOHFXMnZSeDdMcFo0" https://nexus.acme.io/repository/releases/',
          'proxy_set_header Authorization "Basic bWV0cmljczpnN0JxWnIyTHhXOXZQ";',
          'httpHeaders:\n  - name: Authorization\n    value: Basic YWRtaW46VjlxVHI0bVpwTDJ4',
          '{"headers": {"Authorization": "Basic c2tfbGl2ZV81MVR4OVJxTjJtUGs3THdaM3ZCOHk0Ung6"}}',
        ],
        negative: [
          'Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=',
          'curl -H "Authorization: Basic YWRtaW46YWRtaW4=" http://localhost:8080',
          'Authorization: Basic <base64 of user:password>',
          'Authorization: Basic $(echo -n "$USER:$PASS" | base64)',
          'Authorization: Basic aGVsbG8gd29ybGQ=',
          'supported authorization schemes: Basic, Bearer',
        ],
      },
    },
    // `httpHeaders: - name: Authorization / value: Basic …` (Kubernetes probes) has the value on the next line.
    pattern: /\b(?:proxy-)?authorization["']?(?:[ \t]*(?:[:=,]|=>)?|[ \t]*\r?\n[ \t]*value:)[ \t]*["']?basic[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/i,
    secretGroup: 1,
    validate: (s) => {
      const text = Buffer.from(s, 'base64').toString('utf8');
      if (!/^[\x20-\x7e]+$/.test(text)) return false;
      const colon = text.indexOf(':');
      if (colon < 1) return false;
      const user = text.slice(0, colon);
      const pass = text.slice(colon + 1);
      if (pass === '') return user.length >= 16 && shannonEntropy(user) >= 3.5 && !isPlaceholder(user);
      if (pass.length < 4 || pass === user || isPlaceholder(pass)) return false;
      return !PROVIDER_PREFIX.test(pass);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0083',
      slug: 'http-bearer-auth-header',
      title: 'HTTP Bearer Authorization header with a token',
      severity: 'high',
      description: 'An `Authorization: Bearer <token>` header with a literal, random-looking token (16+ characters, high entropy) in configuration or code. JWTs and tokens with a known provider prefix are left to their own rules; variables and placeholders are skipped.',
      remediation: 'Revoke the token with the service that issued it and issue a new one, remove the header from the file and its history, and inject the token at run time from a secret store or a Kubernetes Secret.',
      references: ['https://www.rfc-editor.org/rfc/rfc6750#section-2.1', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Authorization'],
      peers: [{ tool: 'gitleaks', id: 'curl-auth-header' }],
      keywords: ['bearer'],
      examples: {
        positive: [
          'curl -s -H "Authorization: Bearer OOfmoIKSDr3AwhXeJ6QW5K5Ejw1Rxs3.HSKZ7BYp" https://api.acme.io/v2/releases',
          'headers:\n  Authorization: Bearer WdICb5THX9ItMASBvw3X8pnQVM9DjH1E',
          'httpHeaders:\n  - name: Authorization\n    value: "Bearer 9f3b7c1e6a2d48f0b5e7c9a1d3f6b8e2"',
        ],
        negative: [
          'Authorization: Bearer $TOKEN',
          'Authorization: Bearer ${{ secrets.API_TOKEN }}',
          'Authorization: Bearer YOUR_ACCESS_TOKEN',
          'Authorization: Bearer <token>',
          'Authorization: Bearer abcdef1234567890abcdef',
          'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://run.googleapis.com/',
          'Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a',
          'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.x',
        ],
      },
    },
    pattern: /\b(?:proxy-)?authorization["']?(?:[ \t]*(?:[:=,]|=>)?|[ \t]*\r?\n[ \t]*value:)[ \t]*["']?bearer[ \t]+([A-Za-z0-9._~+/-]{16,}={0,2})(?![A-Za-z0-9._~+/=-])/i,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      if (PROVIDER_PREFIX.test(s) || isPlaceholder(s) || SEQUENTIAL.test(s)) return false;
      // Random tokens mix digits with letters (or both cases over a long string); ACCESS_TOKEN_HERE does not.
      return /\d/.test(s) ? /[A-Za-z]/.test(s) : /[a-z]/.test(s) && /[A-Z]/.test(s) && s.length >= 24;
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0084',
      slug: 'netrc-password',
      title: '.netrc password',
      severity: 'high',
      description: 'A `.netrc` entry (`machine <host> login <user> password <secret>`, on one line or several), as written by CI scripts and Dockerfiles for Git, pip, curl or Heroku. Variables and placeholders are skipped.',
      remediation: 'Change the password or revoke the token on that host, remove the entry from the file and its history, and create .netrc at run time from a secret (e.g. a Docker build secret mounted at ~/.netrc, a CI secret).',
      references: ['https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html', 'https://docs.docker.com/build/building/secrets/'],
      peers: [],
      keywords: ['machine'],
      examples: {
        positive: [
          'RUN echo "machine git.acme.io login ci-bot password q7Rt2mXv9LpZ4wKs" > /root/.netrc',
          'machine api.heroku.com\n  login ops@acme.io\n  password 4f8a1c2e-9b7d-4e3f-a6c5-0d2b8e1f7a93',
        ],
        negative: [
          'RUN echo "machine github.com login x-access-token password ${GITHUB_TOKEN}" > ~/.netrc',
          'machine github.com login $GIT_USER password $GIT_TOKEN',
          'machine example.com login user password secret',
          'The build machine running password managers is not affected.',
        ],
      },
    },
    pattern: /\bmachine[ \t\r\n]+(?:(?:[\w-]+\.)+[\w-]+|localhost)(?::\d+)?(?:\s+(?:login|account|port)\s+[^\s"'\x60]+){0,3}\s+password\s+([^\s"'\x60]+)/,
    secretGroup: 1,
    validate: (s, m) => {
      if (s.length < 4 || isPlaceholder(s) || PROVIDER_PREFIX.test(s) || /^[a-z]+$/.test(s)) return false;
      return !EXAMPLE_HOST.test(/machine\s+([^\s:]+)/.exec(m[0])?.[1] ?? '');
    },
  }),
];

export default rules;
