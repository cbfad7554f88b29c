import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { charClasses, FILLER } from '../token-shape.js';

// Payments and commerce: live keys move money or expose cardholder and customer data.

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0049',
      slug: 'stripe-live-secret-key',
      title: 'Stripe live secret or restricted key',
      severity: 'critical',
      description:
        'A Stripe live-mode secret key (sk_live_…) or restricted key (rk_live_…). A secret key can create charges, issue refunds and payouts and read customer data. Test-mode keys (sk_test_, rk_test_) are deliberately not reported: they cannot move real money and are routinely committed in fixtures; publishable keys (pk_) are public by design.',
      remediation:
        'Roll the key in the Stripe Dashboard (Developers → API keys → Roll key, with an expiry for the old one if needed), review the Dashboard logs and events for unexpected activity, and load the new key from a secret store; prefer restricted keys with only the permissions each service needs.',
      references: ['https://docs.stripe.com/keys', 'https://docs.stripe.com/keys-best-practices'],
      peers: [
        { tool: 'gitleaks', id: 'stripe-access-token' },
        { tool: 'trufflehog', id: 'Stripe' },
      ],
      keywords: ['sk_live_', 'rk_live_'],
      examples: {
        positive: [
          'STRIPE_SECRET_KEY=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',
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: billing\nstringData:\n  stripe-restricted-key: rk_live_i8ZfwHHXyi60D33HzgqZthqm',
        ],
        negative: [
          'STRIPE_SECRET_KEY=sk_test_51PEnXQCuVxc6vI19dJLErGehypAwsWBjpE83Bf9d0XtKcxAIgXety8CM79M2QmtusII23ObwZ5WH3dGApeHEN7DDlWIktRIF3y',
          'STRIPE_PUBLISHABLE_KEY=pk_live_51PEnXQCuVxc6vI19dJLErGehypAwsWBjpE83Bf9d0Xt',
          'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
          'Live keys start with sk_live_ and must never be committed.',
        ],
      },
    },
    pattern: /\b([rs]k_live_[A-Za-z0-9]{20,247})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => charClasses(s.slice(8)) >= 2 && !FILLER.test(s.slice(8)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0050',
      slug: 'square-access-token',
      title: 'Square access token or application secret',
      severity: 'critical',
      description:
        'A Square access token (EAAA… 64 characters, or the legacy sq0atp-…) or OAuth application secret (sq0csp-…). An access token acts on the seller’s account: payments, refunds, customers and orders. EAAA-looking lines inside a base64 block (certificates, keys) are not reported.',
      remediation:
        'Revoke the token in the Square Developer Console (Credentials → replace the access token, or RevokeToken for OAuth tokens; Replace Secret for the application secret), review payments and refunds made meanwhile, and keep the replacement in a secret store.',
      references: ['https://developer.squareup.com/docs/build-basics/access-tokens', 'https://developer.squareup.com/docs/oauth-api/best-practices'],
      peers: [
        { tool: 'gitleaks', id: 'square-access-token' },
        { tool: 'trufflehog', id: 'Square' },
        { tool: 'trufflehog', id: 'SquareApp' },
      ],
      keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
      examples: {
        positive: [
          'SQUARE_ACCESS_TOKEN=EAAAR54Q0T8f91HSfCwe8cYJjsKkqZ3FaFO6KKqVsNyNHs7DpQzQbAHb0nUzwqlC',
          'square:\n  application_id: sq0idp-Qm1xG8bV2pT6wN4rZ9kL3c\n  application_secret: sq0csp-1CwG5YRyiZAtaQ3tpD-9j-gnR2qzzN2_krY-fQgx2jm',
          'client = Square::Client.new(access_token: "sq0atp-_GDBMUzrdpePCebwmE-lO6")',
        ],
        negative: [
          // A line in the middle of a base64 block that happens to start with EAAA.
          '-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\nEAAAR54Q0T8f91HSfCwe8cYJjsKkqZ3FaFO6KKqVsNyNHs7DpQzQbAHb0nUzwqlC\n4gFZuyYBUaS2YbTW8uhKmOmF1jQ1H5ASn3hwXgBeEfS5d3nX8zqFB7G5LmVd0Bnk\n-----END CERTIFICATE-----',
          'SQUARE_ACCESS_TOKEN=sq0atp-xxxxxxxxxxxxxxxxxxxxxx',
          'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'Production access tokens begin with EAAA.',
        ],
      },
    },
    pattern:
      /(?<![A-Za-z0-9+/=]\r?\n)\b(EAAA[\w-]{60}(?![\w+/=-])(?!\r?\n[A-Za-z0-9+/])|sq0atp-[\w-]{22}(?![\w-])|sq0csp-[\w-]{43}(?![\w-]))/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => charClasses(s.slice(7)) >= 2 && !FILLER.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0051',
      slug: 'braintree-access-token',
      title: 'Braintree production access token',
      severity: 'critical',
      description:
        'A Braintree (PayPal) production access token, access_token$production$<merchant id>$<secret>, as used by the PayPal Express Checkout / Braintree SDK integration. It processes payments and refunds on the merchant account. Sandbox tokens are not reported.',
      remediation:
        'Revoke the access token in the Braintree Control Panel (or the PayPal developer dashboard for the linked app), review transactions and refunds, and keep the replacement in a secret store.',
      references: [
        'https://developer.paypal.com/braintree/docs/guides/authorization/overview',
        'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
      ],
      peers: [{ tool: 'gitleaks', id: 'braintree-access-token' }],
      keywords: ['access_token$production$'],
      examples: {
        positive: [
          'BRAINTREE_ACCESS_TOKEN=access_token$production$4jo80fkvrj1cw55w$69619978da9515d56e734029ce40bc3c',
          'gateway = braintree.BraintreeGateway(access_token="access_token$production$4jo80fkvrj1cw55w$69619978da9515d56e734029ce40bc3c")',
        ],
        negative: [
          'BRAINTREE_ACCESS_TOKEN=access_token$sandbox$4jo80fkvrj1cw55w$69619978da9515d56e734029ce40bc3c',
          'BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<secret>',
          'BRAINTREE_ACCESS_TOKEN=access_token$production$0000000000000000$00000000000000000000000000000000',
        ],
      },
    },
    pattern: /\b(access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32})\b/,
    secretGroup: 1,
    validate: (s) => {
      const secret = s.slice(s.lastIndexOf('$') + 1);
      return charClasses(secret) === 2 && !FILLER.test(secret);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0052',
      slug: 'shopify-access-token',
      title: 'Shopify access token or shared secret',
      severity: 'high',
      description:
        'A Shopify Admin API access token (shpat_), custom app token (shpca_), legacy private app password (shppa_) or app shared secret (shpss_). Admin tokens read and change orders, customers and products of the store.',
      remediation:
        'Uninstall and reinstall the app or rotate its credentials in the Shopify admin / Partner Dashboard (Apps → Develop apps → API credentials, or Rotate client secret), review the store’s staff and app activity, and keep the new value in a secret store.',
      references: [
        'https://shopify.dev/docs/apps/build/authentication-authorization',
        'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
      ],
      peers: [
        { tool: 'gitleaks', id: 'shopify-access-token' },
        { tool: 'gitleaks', id: 'shopify-custom-access-token' },
        { tool: 'gitleaks', id: 'shopify-private-app-access-token' },
        { tool: 'gitleaks', id: 'shopify-shared-secret' },
        { tool: 'trufflehog', id: 'Shopify' },
      ],
      keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
      examples: {
        positive: [
          'SHOPIFY_ACCESS_TOKEN=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',
          'headers = {"X-Shopify-Access-Token": "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"}',
        ],
        negative: [
          'SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'SHOPIFY_ACCESS_TOKEN=shpat_00000000000000000000000000000000',
          'SHOPIFY_ACCESS_TOKEN=shpat_ec51a133fa38a85f76e73def7f0dd34',
        ],
      },
    },
    pattern: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => charClasses(s.slice(6)) >= 2 && !FILLER.test(s.slice(6)),
  }),
];

export default rules;
