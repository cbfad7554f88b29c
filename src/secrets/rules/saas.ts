import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { charClasses, crc32, FILLER } from '../token-shape.js';

// Observability and developer SaaS: monitoring, error tracking and secret-management tokens.

/** The JSON object a base64 (or base64url) string decodes to, or undefined. */
function decodeJson(b64: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Grafana's service-account token checksum: CRC32 of "glsa_<secret>", little-endian bytes, lower-case hex. */
function grafanaChecksum(key: string): string {
  const c = crc32(key);
  return [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, c >>> 24].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0053',
      slug: 'datadog-api-key',
      title: 'Datadog API or application key',
      severity: 'high',
      description:
        'A Datadog API key (32 hex digits) or application key (40 hex digits) assigned to a Datadog-named setting: DD_API_KEY / DD_APP_KEY (including a Kubernetes env name/value pair), the DD-API-KEY header, datadog_api_key, or apiKey/appKey under a `datadog:` block as in the Helm chart values. An application key together with an API key reads and changes the whole organisation’s configuration.',
      remediation:
        'Revoke the key in Datadog (Organization Settings → API Keys / Application Keys), create a new one, and give the Agent and Helm chart an existing Kubernetes Secret (datadog.apiKeyExistingSecret, appKeyExistingSecret) instead of a literal value.',
      references: ['https://docs.datadoghq.com/account_management/api-app-keys/', 'https://docs.datadoghq.com/containers/kubernetes/installation/'],
      peers: [
        { tool: 'gitleaks', id: 'datadog-access-token' },
        { tool: 'trufflehog', id: 'DatadogToken' },
      ],
      keywords: ['datadog', 'dd_api', 'dd-api', 'dd_app', 'dd-app'],
      examples: {
        positive: [
          'DD_API_KEY=9eac252873b7f2569fbbc0825337a633',
          'datadog:\n  site: datadoghq.eu\n  apiKey: c66d67669a22878f48c6fbb294285b65\n  apiKeyExistingSecret: ""',
          'env:\n  - name: DD_APP_KEY\n    value: "9c72686e931b5e6beb8390a992f6c043b68afafd"',
          'curl -X GET "https://api.datadoghq.com/api/v1/validate" -H "DD-API-KEY: 9eac252873b7f2569fbbc0825337a633"',
        ],
        negative: [
          'DD_API_KEY=<DATADOG_API_KEY>',
          'datadog:\n  apiKeyExistingSecret: datadog-secret',
          'DD_API_KEY=00000000000000000000000000000000',
          'DD_API_KEY: ${DD_API_KEY}',
          'datadog_api_key = "9eac2528"',
        ],
      },
    },
    pattern:
      /(?:datadog|\bdd)[\w.-]{0,30}?(?::[ \t]*\r?\n(?:[ \t]+[^\r\n]*\r?\n){0,10}?[ \t]+)?(?:api|app(?:lication)?)[_.-]?key(?:['"]?[ \t]{0,3}[:=][ \t]{0,3}|['"]?[ \t]*\r?\n[ \t]*value:[ \t]*)['"]?([a-f0-9]{40}|[a-f0-9]{32})\b/i,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => /[0-9]/.test(s) && /[a-f]/i.test(s) && !FILLER.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0054',
      slug: 'new-relic-key',
      title: 'New Relic user, license or insert key',
      severity: 'high',
      description:
        'A New Relic user API key (NRAK-…, NerdGraph access with the user’s permissions), ingest license key (40 characters ending in NRAL) or Insights insert key (NRII-…). Browser keys (NRJS-) are public and not reported.',
      remediation:
        'Delete or rotate the key in New Relic (API keys UI, or NerdGraph apiAccessDeleteKeys / rotate the license key), check usage for unexpected data or queries, and give agents the key through a Kubernetes Secret (e.g. the nri-bundle chart’s customSecretName).',
      references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'],
      peers: [
        { tool: 'gitleaks', id: 'new-relic-user-api-key' },
        { tool: 'gitleaks', id: 'new-relic-insert-key' },
        { tool: 'trufflehog', id: 'NewRelicPersonalApiKey' },
      ],
      keywords: ['nrak-', 'nrii-', 'nral'],
      examples: {
        positive: [
          'NEW_RELIC_API_KEY=NRAK-LZW23FDTFWWAFNZFUOTERLLHPTW',
          'global:\n  cluster: prod-eu\n  licenseKey: 27431ab1435f40b3b4ea2283ec1356647a2fNRAL',
          'NEW_RELIC_INSERT_KEY: "NRII-AE4NzrYIbw-65jlx09fgXE6tMnj8jgIV"',
        ],
        negative: [
          'NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
          'NEW_RELIC_BROWSER_KEY=NRJS-1a2b3c4d5e6f7a8b9c0',
          'licenseKey: 000000000000000000000000000000000000NRAL',
          'User keys start with NRAK- and license keys end in NRAL.',
        ],
      },
    },
    pattern: /\b(NRAK-[A-Z0-9]{27}|NRII-[\w-]{32}|(?:eu01xx[a-f0-9]{30}|[a-f0-9]{36})NRAL)(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => {
      const body = s.endsWith('NRAL') ? s.slice(0, -4) : s.slice(5);
      return charClasses(body) >= 2 && !FILLER.test(body);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0055',
      slug: 'sentry-auth-token',
      title: 'Sentry auth token',
      severity: 'high',
      description:
        'A Sentry organization auth token (sntrys_ followed by base64 JSON naming the organization and region, then the secret) or user auth token (sntryu_ + 64 hex). They upload source maps and releases and, depending on scopes, read issues and event data. DSNs are not secrets and are not reported.',
      remediation:
        'Revoke the token in Sentry (Settings → Developer Settings → Organization Tokens, or User Settings → Auth Tokens), create a new one with the minimum scopes, and pass it to CI as a masked secret (SENTRY_AUTH_TOKEN).',
      references: ['https://docs.sentry.io/account/auth-tokens/'],
      peers: [
        { tool: 'gitleaks', id: 'sentry-org-token' },
        { tool: 'gitleaks', id: 'sentry-user-token' },
        { tool: 'trufflehog', id: 'SentryToken' },
      ],
      keywords: ['sntrys_', 'sntryu_'],
      examples: {
        positive: [
          'SENTRY_AUTH_TOKEN=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',
          '[auth]\ntoken=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',
        ],
        negative: [
          'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
          'SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000',
          'SENTRY_DSN=https://3f2a9c@o123456.ingest.sentry.io/4504',
          // Base64 that is not the token's JSON payload.
          'SENTRY_AUTH_TOKEN=sntrys_eyJub3RKc29uIGF0IGFsbCBqdXN0IHRleHQgaGVyZQ==_TYAlQdes19NvxIOAIAVl8M/31tWN0ZIhw1bTv2BSVk0',
        ],
      },
    },
    pattern: /\b(sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/]{20,600}={0,2}_[A-Za-z0-9+/]{43})(?![\w+/=-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      if (s.startsWith('sntryu_')) return !FILLER.test(s.slice(7));
      const payload = s.slice(7, s.lastIndexOf('_'));
      return decodeJson(payload)?.['iat'] !== undefined;
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0056',
      slug: 'grafana-token',
      title: 'Grafana service account, Cloud or API token',
      severity: 'high',
      description:
        'A Grafana service account token (glsa_<32>_<crc32>, checksum verified), a Grafana Cloud access policy token (glc_ + base64 JSON naming the org, token and region), or a legacy Grafana API key (base64 JSON {"k":…,"n":…,"id":…}). Power BI embed links, which share the eyJrIjoi prefix, are not reported.',
      remediation:
        'Delete the token (Administration → Users and access → Service accounts, or Grafana Cloud → Access Policies; migrate legacy API keys to service accounts), review the audit log, and provide the replacement through a secret (e.g. a Kubernetes Secret referenced by the Grafana Operator or Alloy).',
      references: [
        'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
        'https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/',
      ],
      peers: [
        { tool: 'gitleaks', id: 'grafana-service-account-token' },
        { tool: 'gitleaks', id: 'grafana-cloud-api-token' },
        { tool: 'gitleaks', id: 'grafana-api-key' },
        { tool: 'trufflehog', id: 'GrafanaServiceAccount' },
        { tool: 'trufflehog', id: 'Grafana' },
      ],
      keywords: ['glsa_', 'glc_', 'eyjrijoi'],
      examples: {
        positive: [
          'GRAFANA_TOKEN=glsa_l7M2VlVvvohr1Oqut2fS7oE4qZ0Vvpep_42e4e6f0',
          'grafana_cloud:\n  token: "glc_eyJvIjoiNjM4NTQ2IiwibiI6InN0YWNrLTEyMy1hbGxveS13cml0ZSIsImsiOiJCelV0R1VBanAxczVhZDdZZGRtQmk2RG8iLCJtIjp7InIiOiJwcm9kLWV1LXdlc3QtMiJ9fQ=="',
          'curl -H "Authorization: Bearer eyJrIjoiOERQZG5zM1kzNHo2WG5keXR6UmZHdURvcE5PRjQ1bDgiLCJuIjoiY2ktZGVwbG95IiwiaWQiOjF9" https://grafana.example.com/api/dashboards/db',
        ],
        negative: [
          // Right shape, wrong checksum.
          'GRAFANA_TOKEN=glsa_ABgRvZc5AGIe467EgSK2UluxHeRxLXqE_f14df1d5',
          'GRAFANA_TOKEN=glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx',
          // A Power BI embed link: same prefix, not a Grafana key.
          'https://app.powerbi.com/view?r=eyJrIjoiZWI0ZjA4NWMtNjM4Yy00YTRhLWI4ZTctMmZhNDdiYzEzMGU5IiwidCI6IjJkMGZjNzRkLTYzMjctNDdlMS1iN2RkLTgwMTQ0MmI0ZTI1YSIsImMiOjZ9',
          'GRAFANA_CLOUD_TOKEN=glc_',
        ],
      },
    },
    pattern: /\b(glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]{32,600}={0,2}|eyJrIjoi[A-Za-z0-9+/]{40,600}={0,2})(?![\w+/=-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      if (s.startsWith('glsa_')) return grafanaChecksum(s.slice(0, 37)) === s.slice(38);
      if (s.startsWith('glc_')) {
        const json = decodeJson(s.slice(4));
        return json !== undefined && 'k' in json && 'o' in json;
      }
      const json = decodeJson(s);
      return json !== undefined && 'k' in json && 'n' in json && 'id' in json;
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0057',
      slug: 'doppler-token',
      title: 'Doppler access token',
      severity: 'critical',
      description:
        'A Doppler token: personal (dp.pt.), CLI (dp.ct.), service (dp.st.[<config>.]), service account (dp.sa.), SCIM (dp.scim.) or audit (dp.audit.). Doppler holds other secrets, so its token reads every credential in its scope — typically cloud and database credentials.',
      remediation:
        'Revoke the token in the Doppler dashboard (project config → Access → Service Tokens, or Team → Service Accounts / Personal tokens), rotate the secrets it could read, and inject the replacement through the Doppler Kubernetes operator or CI integration rather than a file in the repository.',
      references: ['https://docs.doppler.com/reference-link/api'],
      peers: [
        { tool: 'gitleaks', id: 'doppler-api-token' },
        { tool: 'trufflehog', id: 'Doppler' },
      ],
      keywords: ['dp.pt.', 'dp.ct.', 'dp.st.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
      examples: {
        positive: [
          'DOPPLER_TOKEN=dp.pt.QAuX9eE6Plbw1QqwgsYPQGahPvX0HV3zrZXB0HYp2Ok',
          'kubectl create secret generic doppler-token-secret -n doppler-operator-system --from-literal=serviceToken=dp.st.prd.KIP41m0N5IBnMkbCcfvyiSDKuQCHdIWJbxu2hVBlMF4',
        ],
        negative: [
          'DOPPLER_TOKEN=dp.st.dev.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'Service tokens start with dp.st. and personal tokens with dp.pt.',
          'DOPPLER_TOKEN=dp.pt.QAuX9eE6Plbw1Qqwgs',
        ],
      },
    },
    pattern: /\b(dp\.(?:pt|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44}|dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![\w.-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      const random = s.slice(s.lastIndexOf('.') + 1);
      return charClasses(random) === 3 && !FILLER.test(random);
    },
  }),
];

export default rules;
