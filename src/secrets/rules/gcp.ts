import { defineSecretRule, type SecretRule } from '../define-rule.js';

/**
 * True when a PEM body (base64, possibly with literal `\n` escapes or line breaks) decodes to one DER SEQUENCE whose
 * declared length is exactly the decoded size and whose first element is an INTEGER (the version field): the shape
 * shared by PKCS#1, SEC1 and PKCS#8 private keys. Placeholders (`XXXX`, `...`, truncated samples) fail it.
 */
export function isDerPrivateKeyBody(pemBody: string): boolean {
  const body = pemBody.replace(/\\+[nr]|\s/g, '');
  if (body.length < 80 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  const der = Buffer.from(body, 'base64');
  if (der[0] !== 0x30) return false;
  let len = der[1] ?? 0;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 3) return false;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (der[2 + i] ?? 0);
    header = 2 + n;
  }
  return header + len === der.length && der[header] === 0x02;
}

// Fabricated for the examples: random bytes behind a PKCS#8 header (not a usable key, and no account behind it).
const FAKE_PKCS8_2048 =
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKeD84G/TIRHwR5HK1PGUstefamG0UlOXK+PvIZjt+TnnyuvmxfbfLEvXFgWNxAZia8z4V87c0CYficrQ19HlbYtYnhMGFga7JdYh+u53b0POa1glocWOrtl6mn0xROwIyQkFfRhNkEA+3dykpNr6NikU1ksdYl9MG+y4sh5FtEGmVum1wyd/TXWfrV3jFWVKMVqXlObasLn1s/XMgSEqPGAM36y4JQkTT/z5jbFbISu1TSf+yeDb6icMlJW5M1eK1ZwGe1VrWvpCokjaSXfeEFcYw8ppyDAs9CkVLImJEjGyBVWyR2rall1UPgZ3Y5OdvaB28usaRBl29irHDF0xE/AymSnN2aAt/vCcEq7GLcwiuxA8pEMBAtcZD8j2nlWj8DCmuWOfDZ40YF4wsbXS7Xsbcc9H1CWN7jM4w1QeuLuXavjAmsngW5mpH1bEEcKGzCnvggLyyzW9ZCrjyFTWiXm+My2EAKExDMCooXfhtNK/dUd/kdccnug8XOOQsyrLlwRmja9Mz9K8vhhiYtqTHAPk6fd3jGDKqTS17WFRwTxqKNylvsAv9KpLZCLRvvH6GzjZDmzDNBd4T0H4e0e9fPBhRJd86wp9FFRcA4bI8fqEQ/BrHEAFiS8img4pMTmstNWzXtyi2zGEOVAoBbe6b/5/CS69znemC+coLo+euYPG+Q6i/1/a53fvSCmKdWtZvJieTRIp9cW2tbq3SaO6UUOBox0g6bXR4eX3/IY0O9bJDurGiiGUqH0CEpiDGRqVjlTDKcMyarJWEzN/Y85OdRWCd9K+JXrzV0qbiZLY914g0EuIZoFrtEXs5hTXm92SL9oOkvuh2/Au5UEvaF4pC5yYSD52wvaI6Z4YH4u68fgrtr0PBWhaP+Yfhq5v14h8xHshEUaYVFP6X3cz7RKvoQGwTSm+dyfpWEq6XTkohyNZ+K6kFbL8Q8HA5bqOooIq1QOfzYfeX7MqtwTGht4yrui7qPsXubYer+h3WVSuAiqce0YgJZjhkfCKcSptHCLUXNafeJGXxPpH+O9+E1E442t2eiEpANua0vh9gZxAmFZamubQcFzqTbJjTZcOKUT7oWGr28rplV3i5qeVvEo6D7esyiUu1ZqHgryz+goeacYLAyq2dOXk7oXK2YYs3Ips2mOpm6GISxJYkMLrx2FYR/tRWFclKulUnVRrRTQ5l7z8Ec1I0lk/PfcS0BaN6KPZEepY3mlFWCX75TNsj1xpBS+nbIZH/NefHOzfhGLdGDt65Vm+aE3Y5ilgDxgWso1f62IKGcym/Xwoigksz8tHz9JXsbwnT2Y9sx3nlKGYv4yMnlG5hvtVMtv3sku9C0BpDZjkiHflBRtpHZdGFZiideevG+k4NkVR9ezHicLApB0lCdJYDnd9zM3OKtPI6yOLSc+7YjgGMJKst7HZnHjcvjWM7GKFtBsVJSBFpXze0wxTKPOCq3Oiloavj2nGgz8c2PsCOK6BBw+1TAO4QYnVVUeLkxgBik0kvqmNF9FVMyUdcH5VTQ0sng86bwHqukGSoxt7231mOtPO8gKinVFaer9r267/mVT+PeGMq8IaIzwt2tDZNcnv/8=';
const FAKE_PKCS8_1024 =
  'MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmClYA5GKn+sySqgwC70Oyocq8d+0o52RysXwfthOADI0p4gB4bjYwgdPJPD/sg/PtChcekLpm4m6EpfNkpvP29WDZbFEH6Sg+5ppNqUb8JCZwuxBzAGjq/OSDer507V5ZANH5EgFC7si77iiiWe7TNzVrG/W1CEDo6CKvP/8tEIYTM0udkt9tWaKn160v8+tLXiEAVPCkStbExqbVWTz2gZZbpN1sQ79t+krjeh+I2B/Fe3leW6xPMTkhFtnfn3B8YT2hOo4sWLKNFPMJFKs68/4uCcLb8utqa/QIuD0nGc7pMMLlA7CO3W5w+T6B83L3X4gfPKmES4f43O6qHDSso9+xXZt4B1ev2yj1fxsWD+Ng01Vzq7ZdOEeEit6UVjET+ormsMnE0zXeufLl39XaMwHOTxc2maTleoTED0YBOoLCAH2gusCvmhwYayzerMFKHHUOvf7uMuv2+ZFBg3u4fLh1p/O4LT3W1/qMxCdUzpkuv8K4AhsCKp+bOyr67IzIbnvpB/Wz3QSld31zQpZtTvVr5d1CTZOOEiUoWSA9kyjafebt7WmPNT36x5SKcjFPoyvvBnwDiVvOZ7Z5cIEF7AlOilNC+VID5IVDzQI9VUMepC8YVTILkfKWr4PJdyyaB9i1ezO6vAIwRZ1cD5Phskm4xF6kt92KIiwOGoCHCRjSIsgT9hNhK7ujuN3Oo/dKuQYu7MSM/a9KWzgzdIMMAWCRQPDiWfh3z44lL0Z4iXr7df8i+6qImt9bElX25tPl0H9rw7ijz+1n8YZzw+WdXIMulyu1vPTtELMPYgtveblQ==';

/** A PEM as it appears inside a JSON string: line breaks written as `\n` escapes. */
const jsonPem = (b64: string): string =>
  `-----BEGIN PRIVATE KEY-----\\n${(b64.match(/.{1,64}/g) ?? []).join('\\n')}\\n-----END PRIVATE KEY-----\\n`;

const SA_JSON = [
  '{',
  '  "type": "service_account",',
  '  "project_id": "billing-etl-prod",',
  '  "private_key_id": "d6d8f5e6a7e0dcee121694dc78eed277d31e2bd3",',
  `  "private_key": "${jsonPem(FAKE_PKCS8_2048)}",`,
  '  "client_email": "etl-runner@billing-etl-prod.iam.gserviceaccount.com",',
  '  "client_id": "197046587105362285704",',
  '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
  '  "token_uri": "https://oauth2.googleapis.com/token",',
  '  "universe_domain": "googleapis.com"',
  '}',
].join('\n');

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0003',
      slug: 'gcp-service-account-key',
      title: 'Google Cloud service account private key',
      severity: 'critical',
      description:
        'The private key of a Google Cloud service account key file (a JSON object with "type": "service_account" and a "private_key" PEM). Anyone holding it can mint access tokens as that service account until the key is deleted.',
      remediation:
        'Delete the key in IAM & Admin > Service Accounts > Keys (gcloud iam service-accounts keys delete KEY_ID --iam-account=SA_EMAIL), review Cloud Audit Logs for its use, and switch to Workload Identity Federation or attached service accounts instead of key files.',
      references: [
        'https://cloud.google.com/iam/docs/service-account-creds#key-types',
        'https://cloud.google.com/iam/docs/keys-create-delete',
      ],
      peers: [
        { tool: 'gitleaks', id: 'gcp-service-account-key' },
        { tool: 'trufflehog', id: 'GCP' },
      ],
      keywords: ['service_account'],
      examples: {
        positive: [
          SA_JSON,
          `GOOGLE_CREDENTIALS='{"type":"service_account","project_id":"ci-deployer","private_key_id":"fbf3fb14f82d419723ecab45b1f72725ac035293","private_key":"${jsonPem(FAKE_PKCS8_1024)}","client_email":"deployer@ci-deployer.iam.gserviceaccount.com"}'`,
        ],
        negative: [
          SA_JSON.replace(jsonPem(FAKE_PKCS8_2048), '-----BEGIN PRIVATE KEY-----\\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\\n-----END PRIVATE KEY-----\\n'),
          SA_JSON.replace('"service_account"', '"authorized_user"'),
          '{"type": "service_account", "project_id": "demo", "private_key": "<your private key>"}',
        ],
      },
    },
    pattern: /\\?"private_key\\?"\s*:\s*\\?"(-----BEGIN PRIVATE KEY-----(?:\\{1,2}[nr]|[A-Za-z0-9+/=\s])+?-----END PRIVATE KEY-----)/,
    secretGroup: 1,
    validate: (secret, m) => {
      // The same JSON object must declare itself a service account key (the field may come before or after).
      const from = Math.max(0, m.index - 4000);
      const around = m.input.slice(from, m.index + m[0].length + 4000);
      if (!/\\?"type\\?"\s*:\s*\\?"service_account\\?"/.test(around)) return false;
      return isDerPrivateKeyBody(secret.slice('-----BEGIN PRIVATE KEY-----'.length, -'-----END PRIVATE KEY-----'.length));
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0004',
      slug: 'google-api-key',
      title: 'Google API key',
      severity: 'high',
      description:
        'A Google Cloud / Firebase API key (AIza followed by 35 characters). Keys without application and API restrictions can be used by anyone to call billable Google APIs on the project.',
      remediation:
        'Regenerate or delete the key in APIs & Services > Credentials (gcloud services api-keys delete), then restrict its replacement to the APIs and referrers, IPs or app IDs that need it.',
      references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cloud.google.com/api-keys/docs/add-restrictions-api-keys'],
      peers: [{ tool: 'gitleaks', id: 'gcp-api-key' }],
      keywords: ['aiza'],
      examples: {
        positive: ['GOOGLE_MAPS_API_KEY=AIzaSylzbK4_H4dxXKHOpDl5VcpFjv81tF04rvR', '  <string name="google_api_key" translatable="false">AIzaSy74Frj7XiXESb_rE5JunB_PFBVDp6-KGvC</string>'],
        negative: [
          'apiKey: "AIzaSyabcdefghijklmnopqrstuvwxyz1234567"',
          'apiKey: "AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
          'key = AIzaSylzbK4_H4dxXKHOpDl5VcpFjv81tF04rv',
          'Browser keys start with AIza and are meant to be restricted.',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    // Documentation keys are built from runs of the alphabet or digits.
    validate: (s) => !/abcdefgh|ABCDEFGH|12345678/.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0005',
      slug: 'google-oauth-client-secret',
      title: 'Google OAuth client secret',
      severity: 'high',
      description:
        'A Google OAuth 2.0 client secret (GOCSPX- followed by 28 characters). With the client ID it lets anyone impersonate the application in OAuth flows and exchange authorization codes for tokens.',
      remediation:
        'Add a new secret to the OAuth client in APIs & Services > Credentials, deploy it, then disable and delete the leaked one; keep client secrets out of source and out of installed (public) apps.',
      references: ['https://developers.google.com/identity/protocols/oauth2', 'https://support.google.com/cloud/answer/6158849'],
      peers: [{ tool: 'trufflehog', id: 'GoogleOauth2ClientCredentials' }],
      keywords: ['gocspx-'],
      examples: {
        positive: ['GOOGLE_CLIENT_SECRET=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', '{"web":{"client_id":"1234.apps.googleusercontent.com","client_secret":"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"}}'],
        negative: ['client_secret: GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'client_secret: GOCSPX-1qCdFfpnIt3Hgb9X0gBX1KoG2KT', 'Secrets created since 2021 start with GOCSPX- .'],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 3.5,
  }),
];

export default rules;
