import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { base62, charClasses, crc32, FILLER } from '../token-shape.js';

// Source-code hosts: GitHub, GitLab, Atlassian (Jira, Confluence, Bitbucket).

/** Whether a base64url segment decodes to a JSON object holding `key`. */
function jsonSegmentHas(segment: string, key: string): boolean {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && key in value;
  } catch {
    return false;
  }
}

const GITHUB_FORMATS = 'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/';
const GITHUB_PREFIXES = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats';
const GITLAB_PREFIXES = 'https://docs.gitlab.com/security/tokens/#token-prefixes';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0031',
      slug: 'github-token',
      title: 'GitHub access token',
      severity: 'high',
      description:
        'A GitHub token: personal access token (ghp_), OAuth token (gho_), user-to-server (ghu_), server-to-server or installation (ghs_, including the stateless ghs_<app id>_<JWT> form), refresh token (ghr_), or fine-grained personal access token (github_pat_). Classic 40-character tokens carry a CRC32 checksum in their last six characters, which is verified, so random look-alikes and hand-edited samples are not reported.',
      remediation:
        'Revoke the token (Settings → Developer settings → Personal access tokens for ghp_/github_pat_, the OAuth or GitHub App settings for gho_/ghu_/ghr_; installation tokens expire within an hour), check the security log for its use, and have CI read a short-lived GITHUB_TOKEN or a GitHub App token from a secret store instead.',
      references: [GITHUB_PREFIXES, GITHUB_FORMATS],
      peers: [
        { tool: 'gitleaks', id: 'github-pat' },
        { tool: 'gitleaks', id: 'github-oauth' },
        { tool: 'gitleaks', id: 'github-app-token' },
        { tool: 'gitleaks', id: 'github-refresh-token' },
        { tool: 'gitleaks', id: 'github-fine-grained-pat' },
        { tool: 'trufflehog', id: 'Github' },
      ],
      keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
      examples: {
        positive: [
          'GITHUB_TOKEN=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',
          'env:\n  - name: GH_TOKEN\n    value: "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"',
          'git clone https://x-access-token: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@github.com/acme/infra.git',
          '{"token": "ghs_VC6dpMOVUWtyGrF8xxNCI8gdEnKNcW0eyrcB", "expires_at": "2026-05-01T10:00:00Z"}',
          'Authorization: Bearer ghs_9770091_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3OTAwMDAwMDAsImV4cCI6MTc5MDAwMzYwMCwiaXNzIjoiSXYxIiwiaW5zdCI6NzUwMzI1NjN9.U_5AM_hTIZx-qMZQEZ13PDZ360BOQhaVykt9Qv7zIxGibdKW4C8XKNT3dt4vFn0GJabKybZQj9Tya3BAWYX4HsP1k-qHIiYkgBJmWu6MsF6gyYzNPYtjjl-lTXaWJyvlc4hlBwrvjCbqM1LwywpBlDpakYgd5iD13IxZrnh0Xn_mZYPLeCJHZBedm2HpfBpFefUG_NdyOZZPTPXMg6amQegjpbeiM0OUr6RLkp8oPfemENu2FyIu-7eXAXRFe4vtNv1r8M42sYEM9bmSkOsBA5vmT5iYUxuAFtWFMOoL_2CCqoTKNWdBcXGNgC6RYZc2KtvU7UPdXfeXxIKqG5OvbA',
        ],
        negative: [
          // Right shape, wrong checksum: a hand-made sample, not a token GitHub issued.
          'token: ghp_hF184RdRhrLReWh045XoILGqkQSRjIc291yU',
          'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
          'Classic tokens start with ghp_ and fine-grained ones with github_pat_.',
          'token: ${{ secrets.GITHUB_TOKEN }}',
          'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456',
        ],
      },
    },
    pattern:
      /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}|ghs_\d{1,12}_eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      // ghX_ + 30 random base62 characters + base62(CRC32 of those 30), as GitHub documents.
      if (s.length === 40) return base62(crc32(s.slice(4, 34))) === s.slice(34);
      if (s.startsWith('github_pat_')) return !FILLER.test(s.slice(11));
      // Stateless installation token: ghs_<app id>_<JWT>; its header is base64url JSON naming an algorithm.
      const header = /^ghs_\d+_([^.]+)\./.exec(s)?.[1];
      return header !== undefined && jsonSegmentHas(header, 'alg');
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0032',
      slug: 'gitlab-token',
      title: 'GitLab access token',
      severity: 'high',
      description:
        'A prefixed GitLab token: personal, project or group access token (glpat-, including the routable "….01.…" form), deploy token (gldt-), runner authentication token (glrt-), CI/CD job token (glcbt-), pipeline trigger token (glptt-), feed token (glft-), incoming mail token (glimt-), agent for Kubernetes token (glagent-), OAuth application secret (gloas-), SCIM token (glsoat-), feature flags client token (glffct-) or a runner registration token (GR1348941…). An instance-specific prefix in front (e.g. ACME-glpat-) is matched too.',
      remediation:
        'Revoke the token where it was created (user or project Settings → Access tokens, Settings → Repository → Deploy tokens, Settings → CI/CD → Runners or Pipeline trigger tokens; reset a runner registration token or migrate to runner authentication tokens), review the audit events for its use, and keep the replacement in masked, protected CI/CD variables or a secret store.',
      references: [GITLAB_PREFIXES, 'https://docs.gitlab.com/ee/user/admin_area/settings/account_and_limit_settings.html#personal-access-token-prefix'],
      peers: [
        { tool: 'gitleaks', id: 'gitlab-pat' },
        { tool: 'gitleaks', id: 'gitlab-pat-routable' },
        { tool: 'gitleaks', id: 'gitlab-deploy-token' },
        { tool: 'gitleaks', id: 'gitlab-runner-authentication-token' },
        { tool: 'gitleaks', id: 'gitlab-runner-authentication-token-routable' },
        { tool: 'gitleaks', id: 'gitlab-rrt' },
        { tool: 'gitleaks', id: 'gitlab-ptt' },
        { tool: 'gitleaks', id: 'gitlab-cicd-job-token' },
        { tool: 'gitleaks', id: 'gitlab-feed-token' },
        { tool: 'gitleaks', id: 'gitlab-incoming-mail-token' },
        { tool: 'gitleaks', id: 'gitlab-kubernetes-agent-token' },
        { tool: 'gitleaks', id: 'gitlab-oauth-app-secret' },
        { tool: 'gitleaks', id: 'gitlab-scim-token' },
        { tool: 'gitleaks', id: 'gitlab-feature-flag-client-token' },
        { tool: 'trufflehog', id: 'Gitlab' },
      ],
      keywords: ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-', 'gr1348941'],
      examples: {
        positive: [
          'export GITLAB_TOKEN=glpat-8twbpqlMZu4laB92rhgm',
          'gitlab:\n  private_token: "glpat-E9ZL5cWknt9KMKAWkwTrZEUi8kvWmGDlW4hskKiF.01.07pt1v7de"',
          'gitlab-runner register --url https://gitlab.example.com --token glrt-t1_vrk4l2voh2SYtJq5Txg4ob14BOa.01.ah0gqww4t',
          'curl -X POST --fail -F token=glptt-aa03e9fb2ddea3cfe582f83430258543a84b611b -F ref=main https://gitlab.example.com/api/v4/projects/42/trigger/pipeline',
          '  --registration-token "GR1348941DDnkH2ckCgpS-4WNbJ-o" \\',
          '{"auths":{"registry.gitlab.com":{"username":"gitlab+deploy-token-7","password":"gldt-JzQVOh3RGT1abFCT7FJM"}}}',
        ],
        negative: [
          'GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx',
          'token: glpat-XXXXXXXXXXX-XXXXXXXX',
          'registration_token: GR1348941XXXXXXXXXXXXXXXXXXXX',
          'Personal access tokens start with glpat- and deploy tokens with gldt-.',
          'see docs/glpat-token-for-the-ci-deployments',
          'GITLAB_TOKEN=glpat-shortone',
        ],
      },
    },
    pattern:
      /\b((?:glpat|gldt|glrt|glcbt|glptt|glft|glimt|glagent|gloas|glsoat|glffct)-[\w-]{20,300}(?:\.[0-9a-z]{2}\.?[0-9a-z]{7,9})?|GR1348941[\w-]{20})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => {
      const body = s.startsWith('GR1348941') ? s.slice(9) : s.slice(s.indexOf('-') + 1);
      return charClasses(body) >= 2 && !FILLER.test(body);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0033',
      slug: 'atlassian-api-token',
      title: 'Atlassian API token or Bitbucket credential',
      severity: 'high',
      description:
        'An Atlassian Cloud API token (ATATT3…, used with an e-mail address for Jira, Confluence and Bitbucket), a Bitbucket Cloud repository, project or workspace access token (ATCTT3…), or a Bitbucket app password (ATBB…). All three end in a CRC32 of the rest of the token (eight hex digits), which is verified.',
      remediation:
        'Revoke the API token at id.atlassian.com → Security → API tokens, the access token in the Bitbucket repository, project or workspace settings (Access tokens), or the app password in Bitbucket personal settings; review the audit log for its use and create a replacement with the narrowest scopes and an expiry, kept in a secret store.',
      references: [
        'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
        'https://support.atlassian.com/bitbucket-cloud/docs/using-workspace-access-tokens/',
        'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
      ],
      peers: [
        { tool: 'gitleaks', id: 'atlassian-api-token' },
        { tool: 'trufflehog', id: 'Atlassian' },
        { tool: 'trufflehog', id: 'BitbucketAppPassword' },
      ],
      keywords: ['atatt3', 'atctt3', 'atbb'],
      examples: {
        positive: [
          'JIRA_API_TOKEN=ATATT3xFfGF0DSVFKpfp7hS-B8EkiBoEKZ66fzFJWNBx6oTdEI5AumMR7ixOhkSNniMEg5umcP2SrJA5kA52rXbENvIIC2cqvvzu8KCVwaQ02NWrTXzbdhrxi8w_p18aPF7oBr6hojIgvNs7Dheha2nLD5E2V30jEJ1HkgW3z2z_F-H7QQWx5OF=902DD3BF',
          "  bitbucket_access_token: 'ATCTT3xFfGN0z_Tz4AT1WgwRYltSuVwZPIPx__SCe64W7AfDFRjTA_Llfzr9vJ9UzYdXuogvyYpZ1n2Pt3jcV6NCF6sP2DJ2S3lxoUklBUPOUVPgte3GaDwtEhkUhZpr-5ZHLJLRQmJRFhhpLpXp9BSbb166HqztHg0qrS4NsuIKHo6_FG6Dhsb=C539C6FB'",
          'git remote set-url origin https://ci-bot:ATBBMCEEswkYG6DRsZRgw1dC8Tlz3C3395C0@bitbucket.org/acme/deploy.git',
        ],
        negative: [
          'JIRA_API_TOKEN="ATATT3xFfGF0-EXAMPLE-NOT-A-REAL-TOKEN"',
          // One character changed: the checksum no longer matches.
          'JIRA_API_TOKEN=ATATT3xFfGF0DSVFKpfp7hS-B8EkiBoEKZ66fzFJWNBx6oTdEI5AumMR7ixOhkSNniMEg5umcP2SrJA5kA52rXbENvIIC2cqvvzu8KCVwaQ02NWrTXzbdhrxi8w_p18aPF7oBr6hojIgvNs7Dheha2nLD5E2V30jEJ1HkgW3z2z_F-H7QQWx5OG=902DD3BF',
          'app_password: ATBB123abcDEF456ghiJKL789mnoPQR',
          'https://ci-bot:ATBBMCEEswkYG6DRsZRgw1dC8Tlz3C3395C1@bitbucket.org/acme/deploy.git',
          'Tokens look like ATATT3xFfGF0… followed by about 180 characters.',
        ],
      },
    },
    pattern: /\b(AT[AC]TT3[\w=-]{100,400}[A-Fa-f0-9]{8}|ATBB[\w.=-]{24}[A-Fa-f0-9]{8})(?![\w=.-])/,
    secretGroup: 1,
    // Atlassian appends CRC32(everything before) as eight hex digits.
    validate: (s) => crc32(s.slice(0, -8)) === Number.parseInt(s.slice(-8), 16),
  }),
];

export default rules;
