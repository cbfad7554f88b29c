import { defineSecretRule, type SecretRule } from '../define-rule.js';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0012',
      slug: 'digitalocean-token',
      title: 'DigitalOcean API token',
      severity: 'critical',
      description:
        'A DigitalOcean personal access token (dop_v1_), OAuth access token (doo_v1_) or OAuth refresh token (dor_v1_), each followed by 64 hex characters. It acts on the team\'s droplets, databases, Spaces and DNS with the scopes it was granted.',
      remediation:
        'Delete the token in the control panel (API > Tokens, or revoke the OAuth application\'s authorization; POST /v1/oauth/revoke for OAuth tokens), review the team\'s security history, and keep tokens in a secret store.',
      references: [
        'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
        'https://docs.digitalocean.com/reference/api/oauth/',
      ],
      peers: [
        { tool: 'gitleaks', id: 'digitalocean-pat' },
        { tool: 'gitleaks', id: 'digitalocean-access-token' },
        { tool: 'gitleaks', id: 'digitalocean-refresh-token' },
        { tool: 'trufflehog', id: 'DigitalOceanV2' },
      ],
      keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
      examples: {
        positive: [
          'export DIGITALOCEAN_ACCESS_TOKEN=dop_v1_e433db0609230aa115498b3644533cc8525c2f8e4e15285fc1e68d5f53158dd1',
          'provider "digitalocean" {\n  token = "doo_v1_7b1d4aabe07146eee97a14416fa4cd544f86ef462042e196576d493df8202375"\n}',
          '{"refresh_token": "dor_v1_4c43a089a0ec6aec23d25a81d91f45b3c84b9afaf4d50a6c63b0f393c302b650"}',
        ],
        negative: [
          'DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'DIGITALOCEAN_TOKEN=dop_v1_0000000000000000000000000000000000000000000000000000000000000000',
          'DIGITALOCEAN_TOKEN=dop_v1_e433db0609230aa115498b3644533cc8525c2f8e4e15285fc1e68d5f53158dd',
          'Personal access tokens start with dop_v1_.',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_])(do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    secretGroup: 1,
    minEntropy: 3.0,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0013',
      slug: 'alibaba-cloud-access-key-id',
      title: 'Alibaba Cloud AccessKey ID',
      severity: 'high',
      description:
        'An Alibaba Cloud AccessKey ID (LTAI followed by 12-20 letters and digits). It names a RAM user\'s AccessKey pair; next to its AccessKey secret it grants that user\'s access to the account.',
      remediation:
        'Disable and delete the AccessKey pair in the RAM console (AccessKey management), review ActionTrail for its use, and use RAM roles with STS tokens or instance RAM roles instead of long-term keys.',
      references: [
        'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
        'https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-deleteaccesskey',
      ],
      peers: [
        { tool: 'gitleaks', id: 'alibaba-access-key-id' },
        { tool: 'trufflehog', id: 'Alibaba' },
      ],
      keywords: ['ltai'],
      examples: {
        positive: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIU3wfjFBGWztd1n1VyiLc', 'accessKeyId: "LTAIWDniWxvNAw5k0exoWvsd"'],
        negative: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxxxxxx', 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIU3wfjFB', 'id: XLTAIU3wfjFBGWztd1n1VyiLc', 'AccessKey IDs begin with LTAI.'],
      },
    },
    pattern: /(?<![A-Za-z0-9])(LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])/,
    secretGroup: 1,
    minEntropy: 3.0,
    // Random IDs mix digits and lower-case letters; words and placeholders do not.
    validate: (s) => /\d/.test(s.slice(4)) && /[a-z]/.test(s.slice(4)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0014',
      slug: 'heroku-api-key',
      title: 'Heroku API key',
      severity: 'critical',
      description:
        'A Heroku Platform API key or OAuth token in the current format (HRKU- followed by 60 characters). It controls the owner\'s apps: config vars (and the secrets in them), deploys, add-ons and collaborators.',
      remediation:
        'Revoke it with heroku authorizations:revoke ID (or regenerate the account API key under Account settings), review the apps\' activity, and use per-app authorizations with minimal scope for automation.',
      references: ['https://devcenter.heroku.com/articles/authentication', 'https://devcenter.heroku.com/articles/platform-api-reference#authorization'],
      peers: [{ tool: 'gitleaks', id: 'heroku-api-key-v2' }],
      keywords: ['hrku-'],
      examples: {
        positive: [
          'HEROKU_API_KEY=HRKU-AAnlSf14V9tzDiyCNf1yiQv_GNOk9-px6wIW3z51jyJW4CJZ8-ZBMmmEMVHE',
          '      - uses: akhileshns/heroku-deploy@v3\n        with:\n          heroku_api_key: "HRKU-AAi8CelALSV0WLwvYpXnJVkBwIr3ucBHxF68JY0XKkPOqvI11plmBu3vbGOf"',
        ],
        negative: [
          'HEROKU_API_KEY=HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'HEROKU_API_KEY=HRKU-AAnlSf14V9tzDiyCNf1yiQv_GNOk9',
          'Tokens now start with HRKU- so scanners can find them.',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(HRKU-[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 3.5,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0015',
      slug: 'cloudflare-api-credential',
      title: 'Cloudflare API token or Global API Key',
      severity: 'critical',
      description:
        'A Cloudflare API token: the self-identifying user / account token format (cfut_ / cfat_, 40 characters and an 8-hex suffix) anywhere, or a legacy 40-character token or 37-hex Global API Key assigned to a Cloudflare-named setting (CLOUDFLARE_API_TOKEN, CF_API_KEY, X-Auth-Key, …). The Global API Key has every permission of the user; tokens have the permissions they were created with.',
      remediation:
        'Roll or delete the API token under My Profile > API Tokens, or roll the Global API Key (View > Roll), review the account audit log, and use narrowly scoped API tokens instead of the Global API Key.',
      references: [
        'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
        'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
        'https://developers.cloudflare.com/fundamentals/api/get-started/account-owned-tokens/',
      ],
      peers: [
        { tool: 'gitleaks', id: 'cloudflare-api-key' },
        { tool: 'gitleaks', id: 'cloudflare-global-api-key' },
        { tool: 'trufflehog', id: 'CloudflareApiToken' },
        { tool: 'trufflehog', id: 'CloudflareGlobalApiKey' },
      ],
      keywords: ['cfut_', 'cfat_', 'cloudflare', 'cf_api', 'cf-api', 'x-auth-key'],
      examples: {
        positive: [
          'CLOUDFLARE_API_TOKEN=1BdOU3ECVCr9jy-mCKXWX_TdPwXMil_5XMI1acjw',
          'curl https://api.cloudflare.com/client/v4/zones -H "X-Auth-Email: ops@example.org" -H "X-Auth-Key: 0075b15c13a124cfec63e4f246d5ef9e52a5d"',
          'wrangler:\n  env:\n    API_TOKEN: cfut_EsA9uizSbsKaPIDMIVrwM7pP1X3soKFQE7g0eGfm9b1731b6',
          'export CF_TOKEN=cfat_yxynlwzHjPkx3iNbdCnOQ7dLN4re9Vjp8oBrMsy1eeba07a8',
        ],
        negative: [
          'CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}',
          'cloudflare_worker_commit: 3f786850e387550fdab836ed7e6dc881de23001b',
          'cloudflare_zone_id = "023e105f4ecef8ad9ca31a8372d0c353"',
          'api_token = 1BdOU3ECVCr9jy-mCKXWX_TdPwXMil_5XMI1acjw',
          'token: cfut_EsA9uizSbsKaPIDMIVrwM7pP1X3soKFQE7g0eGfm9b17',
          'cloudflare_api_token: cfut_EsA9uizSbsKaPIDMIVrwM7pP1X3soKFQ',
        ],
      },
    },
    // Either a Cloudflare-named setting before the value, or (zero-width) the start of a prefixed token.
    pattern:
      /(?:(?:cloudflare[\w.-]{0,40}?|(?<![A-Za-z0-9])cf[_-]api[\w.-]{0,20}?|(?<![A-Za-z0-9])x-auth-key)['"]?\s*[:=]\s*['"]?|(?<![A-Za-z0-9_-])(?=cf[ua]t_))(cf[ua]t_[A-Za-z0-9]{40}[a-f0-9]{8}|[A-Za-z0-9_-]{40}|[a-f0-9]{37})(?![A-Za-z0-9_-])/i,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => {
      if (/^cf[ua]t_/i.test(s)) return /^cf[ua]t_[A-Za-z0-9]{40}[a-f0-9]{8}$/.test(s);
      if (s.length === 37) return /^[a-f0-9]{37}$/.test(s) && /\d/.test(s) && /[a-f]/.test(s);
      // Legacy tokens are mixed-case; a 40-character hex string is a commit or SHA-1.
      return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s) && !/^[0-9a-f]{40}$/i.test(s);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0016',
      slug: 'hashicorp-vault-token',
      title: 'HashiCorp Vault token',
      severity: 'critical',
      description:
        'A HashiCorp Vault service token (hvs.…) or batch token (hvb.…), or a legacy service token (s. followed by 24 characters) next to the word "vault". It authenticates to Vault with the token\'s policies, typically to read the secrets it guards.',
      remediation:
        'Revoke the token (vault token revoke TOKEN, or vault token revoke -accessor ACCESSOR; batch tokens expire with their TTL or when their parent is revoked), review the audit device log, and issue short-lived tokens through an auth method instead of committing them.',
      references: ['https://developer.hashicorp.com/vault/docs/concepts/tokens', 'https://developer.hashicorp.com/vault/docs/commands/token/revoke'],
      peers: [
        { tool: 'gitleaks', id: 'vault-service-token' },
        { tool: 'gitleaks', id: 'vault-batch-token' },
        { tool: 'trufflehog', id: 'HashiCorpVaultToken' },
        { tool: 'trufflehog', id: 'HashiCorpVaultBatchToken' },
      ],
      keywords: ['hvs.', 'hvb.', 'vault'],
      examples: {
        positive: [
          'export VAULT_TOKEN=hvs.7D57gIkJ750aHlG1SAN3c8AwClzVSZyeMD-Bckp-2_sYtrIJFj69QEJ59v0oKDcidlYeQzwU6bsYy9JJRvn8DXiCE29',
          'token: hvb.cutJgwGHALzKMzIPySWZICFbhTkORpMJni2qyTpStq2P_BmQPPl0JJ2Atu7CmByQZira0A2d1N6_r6S3aI_BPSjSx_KrFQlJ_KH_UG7WgezJAaOq9tlCX3I9AFyCaqvtwI2ovx5nrhrP78bb--O_4v',
          'vault login s.Y6JRSu76qntvSE2FbgLLx9Ez',
        ],
        negative: [
          'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'credentials.AcceptanceTimeoutSecond = s.Y6JRSu76qntvSE2FbgLLx9Ez',
          'vault write secret/app value=s.THISSTRINGISALLUPPERCASE',
          'VAULT_TOKEN=hvs.7D57gIkJ750aHlG1SAN3c8AwClzVSZ',
        ],
      },
    },
    pattern:
      /(?<![\w.-])(hv[sb]\.[A-Za-z0-9_-]{90,300}(?:\.[A-Za-z0-9]{5})?|s\.(?<=[Vv][Aa][Uu][Ll][Tt][^\n]{0,40}s\.)[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?)(?![\w.-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    // Legacy tokens are random base62: they have digits and both cases (unlike identifiers such as s.someFieldName).
    validate: (s) => !s.startsWith('s.') || (/\d/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0017',
      slug: 'terraform-cloud-api-token',
      title: 'HCP Terraform / Terraform Enterprise API token',
      severity: 'critical',
      description:
        'An HCP Terraform (Terraform Cloud) or Terraform Enterprise user, team or organization API token (14 characters, ".atlasv1.", then 60-70 characters). It can read state (and the secrets in it), change variables and queue runs that apply infrastructure.',
      remediation:
        'Delete the token under User settings > Tokens (or the team / organization API token settings), review the organization audit trail, and use short-lived dynamic credentials or agent tokens scoped to what the automation needs.',
      references: [
        'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
        'https://developer.hashicorp.com/terraform/cli/config/config-file#credentials',
      ],
      peers: [
        { tool: 'gitleaks', id: 'hashicorp-tf-api-token' },
        { tool: 'trufflehog', id: 'TerraformCloudPersonalToken' },
      ],
      keywords: ['atlasv1'],
      examples: {
        positive: [
          'credentials "app.terraform.io" {\n  token = "7aooLWd9NzttRZ.atlasv1.0QriZjz_4T_v6Fv0aZUmCIMKLSXpKvZGP_nFHgzQbbIFRotJ8zbxJVEUn-fmnljFsH5"\n}',
          'TF_TOKEN_app_terraform_io=yzJB5R3OcUM74C.atlasv1.3nMDoSDWaMSFr73zy6H8hGfW9MajgOYQlhlKDABdu7_pNdsLDmXcz-lTAHEelEvyXWe',
        ],
        negative: [
          'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
          'token = "7aooLWd9NzttRZ.atlasv1.0QriZjz_4T_v6Fv0aZUmCIMKLSXp"',
          'Tokens contain the string .atlasv1. after a 14-character ID.',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/,
    secretGroup: 1,
    minEntropy: 3.5,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0018',
      slug: 'databricks-token',
      title: 'Databricks personal access token',
      severity: 'critical',
      description:
        'A Databricks personal access token (dapi followed by 32 hex characters, sometimes with a -N suffix). It calls the workspace REST API as its owner: notebooks, jobs, clusters, and the data those can read.',
      remediation:
        'Revoke the token in User Settings > Developer > Access tokens (or an admin revokes it through the Token Management API), review the workspace audit logs, and use OAuth machine-to-machine credentials for service principals instead.',
      references: ['https://docs.databricks.com/en/dev-tools/auth/pat.html', 'https://docs.databricks.com/en/admin/access-control/tokens.html'],
      peers: [
        { tool: 'gitleaks', id: 'databricks-api-token' },
        { tool: 'trufflehog', id: 'DatabricksToken' },
      ],
      keywords: ['dapi'],
      examples: {
        positive: ['DATABRICKS_TOKEN=dapib98449053a3378b511e6e002e5e3129e', '[DEFAULT]\nhost  = https://adb-5861.12.azuredatabricks.net\ntoken = dapi35d7b7d581c55e47e93650a3e89dae29-2'],
        negative: [
          'DATABRICKS_TOKEN=dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'DATABRICKS_TOKEN=dapi00000000000000000000000000000000',
          'DATABRICKS_TOKEN=dapib98449053a3378b511e6e002e5e3129',
          'import { dapiClient } from "./dapi";',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_])(dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 3.0,
  }),
];

export default rules;
