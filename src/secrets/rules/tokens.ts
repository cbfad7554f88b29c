import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { shannonEntropy } from '../entropy.js';

/**
 * The text just before a match ends with this context. Patterns anchor on the token's own prefix (fast to find) and
 * check the key or parameter in front of it here.
 */
function contextBefore(m: RegExpExecArray, context: RegExp): boolean {
  return context.test(m.input.slice(Math.max(0, m.index - 120), m.index));
}

/** An assignment to a key naming the token: `key: `, `key = "`, `"key": "`, `KEY=`, `key => '`. */
const assignedTo = (words: string): RegExp => new RegExp(String.raw`(?:^|[^\w.-])[\w.-]{0,40}?(?:${words})[\w.-]{0,30}["']?[ \t]*(?:[:=]|=>|:=)[ \t]*["']?$`, 'i');

const META_CONTEXT = new RegExp(String.raw`${assignedTo('token|access|key|secret|facebook|fb|meta|instagram|whatsapp|graph').source}|[?&]access_token=$|bearer[ \t]+$`, 'i');
const REFRESH_CONTEXT = new RegExp(String.raw`${assignedTo('refresh|token').source}|[?&]refresh_token=$`, 'i');

/** JSON decoded from a base64url segment, or undefined. */
function jsonSegment(seg: string): unknown {
  try {
    const text = Buffer.from(seg, 'base64url').toString('utf8');
    if (!text.startsWith('{')) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Signature sizes in bytes per JWS algorithm (RFC 7518 §3, RFC 8037); RSA: at least a 1024-bit modulus. */
function signatureFits(alg: string, bytes: number): boolean {
  const hs = /^HS(256|384|512)$/.exec(alg);
  if (hs) return bytes === Number(hs[1]) / 8;
  if (/^(?:RS|PS)(?:256|384|512)$/.test(alg)) return bytes >= 128 && bytes <= 1024;
  const es: Record<string, number> = { ES256: 64, ES256K: 64, ES384: 96, ES512: 132, EdDSA: 64, Ed25519: 64, Ed448: 114 };
  const want = es[alg];
  return want === undefined ? bytes >= 16 : bytes === want;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A signed JWT: header and payload decode to JSON objects, the header names an algorithm other than `none`, and the
 * signature has the size that algorithm produces. jwt.io's sample token (John Doe, sub 1234567890) is documentation.
 */
function validJwt(token: string): boolean {
  const [h, p, sig] = token.split('.');
  if (h === undefined || p === undefined || sig === undefined) return false;
  const header = jsonSegment(h);
  const payload = jsonSegment(p);
  if (!isObject(header) || !isObject(payload)) return false;
  const alg = header['alg'];
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') return false;
  if (payload['sub'] === '1234567890' && payload['name'] === 'John Doe') return false;
  return signatureFits(alg, Buffer.from(sig, 'base64url').length);
}

const JWT_HS256 =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtZGVwbG95ZXIiLCJpc3MiOiJodHRwczovL2F1dGguaW50ZXJuYWwuYWNtZS5pbyIsImlhdCI6MTcxNzAwMDAwMCwiZXhwIjoxOTE3MDAwMDAwLCJzY29wZSI6ImRlcGxveSJ9.3TrpK7_np0gUlC-AhoD7TQl2_p2CKVHRel91nyA3f8w';
const JWT_ES256 =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y2k6YnVpbGRlciIsImF1ZCI6WyJodHRwczovL2t1YmVybmV0ZXMuZGVmYXVsdC5zdmMiXX0.iwuvc0L6SwVf6Nj_CyNRh8MrFezmF5z68ppjx9gBbXiJ4Lk49b55Xj0mk7lBXDFrLXiWnmZ98Tm0D6B-C3PWcA';
const JWT_HS512 =
  'eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJzdWIiOiI4ODQyIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzE3MDAxMjM0fQ.wrCCZ4XWx-VsEr-Bt-jHGwwdvewL4Atqnq7m4AxpQozTe3xbCigu7e9XGFk6cIT28_T0hUg-jwx5AR6gXUXDkw';
const b64u = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Twitter's documentation sample bearer token (developer.twitter.com). */
const TWITTER_DOCS_TOKEN_PREFIX = 'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0075',
      slug: 'jwt',
      title: 'JSON Web Token',
      severity: 'medium',
      description: 'A signed JSON Web Token (`eyJ….eyJ….sig`): the header must decode to JSON naming an algorithm other than `none` and the signature must have that algorithm\'s size. Until it expires, a JWT is a bearer credential for whatever its audience accepts (a Kubernetes service-account token, an API session). Medium: many are short-lived or test tokens.',
      remediation: 'Treat the token as leaked: revoke it or the session/service account behind it (for a Kubernetes service-account token, delete the token Secret or rotate the service account), and if its signing key may be exposed, rotate the key. Prefer short-lived tokens requested at run time (projected service-account tokens, OIDC) over stored ones.',
      references: ['https://www.rfc-editor.org/rfc/rfc7519', 'https://www.rfc-editor.org/rfc/rfc7515#section-7.1', 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/'],
      peers: [
        { tool: 'gitleaks', id: 'jwt' },
        { tool: 'trufflehog', id: 'JWT' },
      ],
      keywords: ['eyj'],
      examples: {
        positive: [`curl -H "Authorization: Bearer ${JWT_HS256}" https://api.acme.io/v1/deploy`, `users:\n- name: ci\n  user:\n    token: ${JWT_ES256}\n`, `API_TOKEN=${JWT_HS512}`],
        negative: [
          // jwt.io's sample token
          'token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
          // alg none (unsigned)
          `token: ${b64u({ alg: 'none', typ: 'JWT' })}.${b64u({ sub: 'svc-deployer', role: 'admin' })}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
          // a signature that is not an HS256 MAC
          `token: ${JWT_HS256.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJlLWdvZXMtaGVyZQ`,
          'token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIuLi4ifQ.<signature>',
          'Tokens look like eyJhbGciOi….eyJzdWIiOi….signature',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    validate: (s) => validJwt(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0076',
      slug: 'firebase-cloud-messaging-server-key',
      title: 'Firebase Cloud Messaging legacy server key',
      severity: 'high',
      description: 'A legacy FCM / Google Cloud Messaging server key (`AAAA…:APA91b…`, 152 characters). It lets anyone send push notifications to every installation of the app. Device registration tokens, which share the `:APA91b` part but not the `AAAA` project prefix, are not reported.',
      remediation: 'Delete the server key in the Firebase console (Project settings → Cloud Messaging) or restrict/delete the matching API key in Google Cloud, and move senders to the FCM HTTP v1 API with short-lived OAuth tokens from a service account.',
      references: ['https://firebase.google.com/docs/cloud-messaging/migrate-v1', 'https://firebase.google.com/docs/cloud-messaging/auth-server'],
      peers: [],
      keywords: ['apa91b'],
      examples: {
        positive: [
          'FCM_SERVER_KEY=AAAAd3ODTTJ:APA91bU0XHy8flpyjn747jI23IL2qTYKiMdRZ_urdxBYTjxvrUNGPL7lu8FQv_6Ux3m3YblRx74LudxgiBp2LXF9DRGj9ZQ4uCksrluur5nn5luauIJgnMFiaal_B1UY6OG8g-0_rclE',
          '{"headers": {"Authorization": "key=AAAA2k7p_yy:APA91bHglag1VPc8fWvzWQnsnLMTg836VXoXqGtMIc5gwi2ReJaxYu1GVBt65bHz1TgD1MBy6IrmyGVvfw8YP8xFayGKo5GHfYt-jHzhUOOlW-DfzlPzhehFn07IEHb8IkRexg-WJJ8x"}}',
        ],
        negative: [
          // a device registration token, not a server key
          'registration_ids: ["fMFuUeHkR_E:APA91bHglag1VPc8fWvzWQnsnLMTg836VXoXqGtMIc5gwi2ReJaxYu1GVBt65bHz1TgD1MBy6IrmyGVvfw8YP8xFayGKo5GHfYt-jHzhUOOlW-DfzlPzhehFn07IEHb8IkRexg-WJJ8x"]',
          'FCM_SERVER_KEY=AAAAxxxxxxx:APA91bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'FCM_SERVER_KEY=AAAAd3ODTTJ:APA91bU0XHy8flpyjn747jI23IL2qTYKiMdRZ_urdxBYTjxvrUNGPL7lu8FQv_6Ux3m3YblRx74Lu',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 4.0,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0077',
      slug: 'meta-access-token',
      title: 'Facebook / Meta access token',
      severity: 'high',
      description: 'A Meta Graph API access token (`EAA…`, 90+ alphanumerics: user, page, system-user or WhatsApp Business tokens) assigned to a token-, key-, facebook-, meta-, instagram- or whatsapp-named key, passed as `access_token=`, or sent as a Bearer token. Square access tokens (`EAAA…`, 64 characters) are too short to match.',
      remediation: 'Invalidate the token (change the app secret, remove the app from the user/page, or revoke the system-user token in Business Settings), review the app\'s activity, and load tokens from a secret store; prefer short-lived tokens.',
      references: ['https://developers.facebook.com/docs/facebook-login/guides/access-tokens', 'https://developers.facebook.com/docs/whatsapp/business-management-api/get-started'],
      peers: [{ tool: 'gitleaks', id: 'facebook-page-access-token' }],
      keywords: ['eaa'],
      examples: {
        positive: [
          'FACEBOOK_PAGE_ACCESS_TOKEN=EAAIErnA83TZypxnlKNvMeXpFBKMjwGwEL4R0AnMx9AppUzHXFFxBiEDGTGkVmRY0ESkGtsAQntNHNbjPgXsbPDQxtvLko1DTaCHUkBxUfgh9zm5HVQCbCj28IEqGVBt4gXK7kjaueaOZVGe4CAwWWyHOdicq6bign2J',
          'whatsapp:\n  token: "EAAG8tj1gvMnjBpnCxxJdhuTrnEzxtfBh5aWx0EHo3jQG8H2hoWuHinP9lpqLWt2J19EG7fHuYJ7NZoOApOTXVKNo7koJ8bx6aFW9eFJ8zYQRqutv5Pz42v3ZmtIPl6kvCyNDB3OUVFNPKPIja4lI6AETxpZX8x18brJyHSoqyN5xyjHcHhYYVzVAtmf5SSG2M"',
          'curl "https://graph.facebook.com/v19.0/me?access_token=EAAIErnA83TZypxnlKNvMeXpFBKMjwGwEL4R0AnMx9AppUzHXFFxBiEDGTGkVmRY0ESkGtsAQntNHNbjPgXsbPDQxtvLko1DTaCHUkBxUfgh9zm5HVQCbCj28IEqGVBt4gXK7kjaueaOZVGe4CAwWWyHOdicq6bign2J"',
        ],
        negative: [
          'SQUARE_ACCESS_TOKEN=EAAAEOuLQObrVwJvCvoio9gWs4zKqEIdAbZhxlrnxkvmWUYiUaZbVSQKuLcbIhfk',
          'FACEBOOK_ACCESS_TOKEN=EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'blob: QUFBQUFBQUFB+EAAIErnA83TZypxnlKNvMeXpFBKMjwGwEL4R0AnMx9AppUzHXFFxBiEDGTGkVmRY0ESkGtsAQntNHNbjPgXsbPDQxtvLko1DTaCHUkBxUfgh9zm5HVQCbCj28IEqGVBt4gXK7kjaueaOZVGe4CAwWWyHOdicq6bign2J',
          'Page tokens start with EAA and are long.',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9])(EAA[A-Za-z0-9]{90,300})(?![A-Za-z0-9])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (_s, m) => contextBefore(m, META_CONTEXT),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0078',
      slug: 'twitter-bearer-token',
      title: 'Twitter / X API bearer token',
      severity: 'high',
      description: 'A Twitter / X app-only bearer token (21+ leading `A`s followed by the app part). Reported in its URL-encoded form (with `%2B`/`%2F`/`%3D`, as the developer portal shows it) anywhere, and in any form next to a twitter/bearer/x-api context.',
      remediation: 'Regenerate the bearer token (and the API key and secret it derives from) in the X developer portal (Projects & Apps → Keys and tokens), and load it from a secret store.',
      references: ['https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens', 'https://developer.x.com/en/docs/authentication/oauth-2-0/application-only'],
      peers: [
        { tool: 'gitleaks', id: 'twitter-bearer-token' },
        { tool: 'trufflehog', id: 'Twitter' },
      ],
      keywords: ['aaaaaaaaaaaaaaaaaaaaa'],
      examples: {
        positive: [
          'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAAGR9uAAAAAAAqgmuqZ13%2BQpvsictjbc%2Fy4FwVFyu0TWNdjslhLLF%3DlD53VVCAKHhMKa6xresU6aO6DPO5ONgLaJuxNjghhqGvRDPWNf',
          'x_api:\n  bearer_token: "AAAAAAAAAAAAAAAAAAAAAAAdvRgAAAAAAAySbMI2A1APB6wMQgZkUkmpnYYLIg66%3DC9p3HqbEDCt1ijC5oZ8Qf859wLSbHC3sfcld9YzvlplFhsUvcw"',
        ],
        negative: [
          // Twitter's documentation sample
          'BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F',
          'BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          `data: ${'A'.repeat(40)}${'QkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEy'}`,
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9%+/])(A{21}[A-Za-z0-9%]{60,140})(?![A-Za-z0-9%+/=])/,
    secretGroup: 1,
    validate: (s, m) => {
      if (s.startsWith(TWITTER_DOCS_TOKEN_PREFIX)) return false;
      const rest = s.replace(/^A+/, '');
      if (rest.length < 50 || shannonEntropy(rest) < 4.2) return false;
      if (/%[0-9A-F]{2}/.test(rest)) return true;
      const before = m.input.slice(Math.max(0, m.index - 80), m.index).toLowerCase();
      return /twitter|bearer|\bx[_-]?api|\btw[_-]/.test(before);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0079',
      slug: 'google-oauth-refresh-token',
      title: 'Google OAuth refresh token',
      severity: 'high',
      description: 'A Google OAuth 2.0 refresh token (`1//0…`) assigned to a refresh/token-named key or passed as `refresh_token=`, e.g. in gcloud application-default credentials, rclone or CI configuration. It mints access tokens for the user\'s granted scopes until revoked.',
      remediation: 'Revoke the token (https://myaccount.google.com/permissions for the user, or POST it to https://oauth2.googleapis.com/revoke), re-authorize, and prefer service-account impersonation or Workload Identity Federation over stored user refresh tokens.',
      references: ['https://developers.google.com/identity/protocols/oauth2#expiration', 'https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke'],
      peers: [],
      keywords: ['1//0'],
      examples: {
        positive: [
          '{\n  "client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",\n  "refresh_token": "1//04UfFmpchv6QGtvbODvA63LL249y3JSHcdcf44-dys0iHO6ho3ZZJ5E0LDwDs739DmkInb8tovy4Fz7pWNhW4ID011a468ZzlYCu",\n  "type": "authorized_user"\n}',
          'GOOGLE_REFRESH_TOKEN=1//03EAnRbZQT7XseXFH5AZRLUANhr59KndrVTRy0EhBiyEzZ-mPqtNNyOODrDA0wahQkwwVOol8j8Jdc7oFx8zRbG8kepOmJY9u9fV',
        ],
        negative: [
          'refresh_token: 1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'refresh_token: "1//0..."',
          'see http://1//04UfFmpchv6QGtvbODvA63LL249y3JSHcdcf44-dys0iHO6ho3ZZJ5E0LDwDs739DmkInb8tovy4Fz7pWNhW4ID011a468ZzlYCu',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_/-])(1\/\/0[A-Za-z0-9_-]{40,250})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (_s, m) => contextBefore(m, REFRESH_CONTEXT),
  }),
];

export default rules;
