import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { charClasses, FILLER } from '../token-shape.js';

// Chat and messaging: bot tokens, incoming webhooks, SMS and e-mail APIs.

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** Bot tokens printed in Discord's own API reference. */
const DISCORD_DOC_TOKENS = new Set(['MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs']);

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0039',
      slug: 'slack-token',
      title: 'Slack API token',
      severity: 'high',
      description:
        'A Slack token: bot (xoxb-), user (xoxp-), workspace or legacy (xoxa-, xoxo-, xoxs-, xoxr-), rotating access or refresh token (xoxe.xoxb-, xoxe.xoxp-, xoxe-) or app-level token (xapp-). User tokens act as the person who installed the app, with every channel and DM they can read.',
      remediation:
        'Revoke the token (api.slack.com/apps → your app → OAuth & Permissions or Basic Information → App-Level Tokens, or the auth.revoke method), reinstall the app to issue a new one, review the workspace access logs, and load the replacement from a secret store.',
      references: ['https://docs.slack.dev/authentication/tokens', 'https://api.slack.com/authentication/token-types'],
      peers: [
        { tool: 'gitleaks', id: 'slack-bot-token' },
        { tool: 'gitleaks', id: 'slack-user-token' },
        { tool: 'gitleaks', id: 'slack-app-token' },
        { tool: 'gitleaks', id: 'slack-config-access-token' },
        { tool: 'gitleaks', id: 'slack-config-refresh-token' },
        { tool: 'gitleaks', id: 'slack-legacy-bot-token' },
        { tool: 'gitleaks', id: 'slack-legacy-token' },
        { tool: 'gitleaks', id: 'slack-legacy-workspace-token' },
        { tool: 'trufflehog', id: 'Slack' },
      ],
      keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe', 'xapp-'],
      examples: {
        positive: [
          'SLACK_BOT_TOKEN=xoxb-1834106617388-2560067738170-93Yzgp3RcYU1GYVayBOPwjGQ',
          'slack:\n  user_token: "xoxp-2994039249581-3927039405093-8252194819839-3efec44785b7271e565a55faf2b934df"',
          '{"SLACK_APP_TOKEN": "xapp-1-A0TG5H459HS-7121339152600-ed87fe4afd7d6c8c8de5ca105bb57cf508e0f68a99ab17ddd147b96f9c9bd812"}',
          'token = "xoxe.xoxp-1-ka5W8LNNrBdcaSVYlCI83Mqi0e7LMbzG8LmFHacAB0jvgAzbfoP4XyV3vR356atZXLIWvXutUYRiAHQF7UB5WRaeUil3xL4m2ce9H6V8wIZcIgp0tQwikGJ0ducfeyAe0Gbidvu4uqyHaoyffpojUnLmp1UvlyNDRZK"',
        ],
        negative: [
          'SLACK_BOT_TOKEN=xoxb-your-bot-token',
          'SLACK_BOT_TOKEN=xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
          'SLACK_BOT_TOKEN=xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx',
          'Bot tokens start with xoxb- and user tokens with xoxp-.',
        ],
      },
    },
    pattern:
      /\b(xox[abposr]-(?:\d{1,14}-){1,4}[A-Za-z0-9]{8,64}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,250}|xoxe-\d-[A-Za-z0-9]{100,250}|xapp-\d-[A-Z0-9]{8,14}-\d{8,16}-[A-Za-z0-9]{32,80})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => {
      const parts = s.split('-');
      const random = parts[parts.length - 1]!;
      const ids = parts.slice(1, -1).filter((p) => /^\d+$/.test(p) && p.length > 1);
      return charClasses(random) >= 2 && !FILLER.test(random) && ids.every((id) => !/^(\d)\1+$/.test(id) && !id.includes('123456789'));
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0040',
      slug: 'slack-webhook-url',
      title: 'Slack incoming webhook URL',
      severity: 'medium',
      description:
        'A Slack incoming webhook (hooks.slack.com/services/T…/B…/…) or Workflow Builder webhook/trigger URL. Anyone holding it can post messages into the channel, a convenient vector for phishing that looks internal.',
      remediation:
        'Regenerate or remove the webhook in the Slack app settings (Incoming Webhooks) or the workflow, and read the new URL from a secret (e.g. Alertmanager slack_api_url_file or a Kubernetes Secret) instead of plain configuration.',
      references: ['https://api.slack.com/messaging/webhooks'],
      peers: [
        { tool: 'gitleaks', id: 'slack-webhook-url' },
        { tool: 'trufflehog', id: 'SlackWebhook' },
      ],
      keywords: ['hooks.slack.com'],
      examples: {
        positive: [
          "receivers:\n  - name: ops\n    slack_configs:\n      - api_url: 'https://hooks.slack.com/services/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'",
          'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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',
        ],
        negative: [
          'url: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
          'url: https://hooks.slack.com/services/${SLACK_WEBHOOK_PATH}',
          'Incoming webhooks post to https://hooks.slack.com/services/…',
        ],
      },
    },
    pattern:
      /\bhooks\.slack\.com\/(?:services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}|workflows\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/\d{15,20}\/[A-Za-z0-9]{32}|triggers\/T[A-Z0-9]{8,12}\/\d{10,20}\/[a-f0-9]{32})(?![\w-])/,
    validate: (s) => {
      const parts = s.split('/');
      const random = parts[parts.length - 1]!;
      return charClasses(random) >= 2 && !FILLER.test(random) && !FILLER.test(parts[2]!);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0041',
      slug: 'discord-bot-token',
      title: 'Discord bot token',
      severity: 'high',
      description:
        'A Discord bot token (base64 of the bot user ID, a timestamp and an HMAC, separated by dots) in a file that mentions Discord or a bot token. The first part must decode to a numeric Discord ID, which rules out look-alike strings. With it anyone can run the bot, read what it can read and act in every server it joined.',
      remediation:
        'Reset the token in the Discord Developer Portal (Applications → your app → Bot → Reset Token), review the audit logs of the servers the bot is in, and load the new token from an environment secret, never from source.',
      references: ['https://discord.com/developers/docs/reference#authentication', 'https://discord.com/developers/docs/topics/oauth2#bots'],
      peers: [{ tool: 'trufflehog', id: 'DiscordBotToken' }],
      keywords: ['discord', 'bot_token'],
      examples: {
        positive: [
          'DISCORD_TOKEN=MTM2MTQyOTExOTMyMTc1NTQ5Nw.aCdmRx.7ESKnbsUwaSnA1l5WewixnnPde3_Q7JEwrcExK',
          'import discord\n\nclient = discord.Client(intents=discord.Intents.default())\nclient.run("MTM2MTQyOTExOTMyMTc1NTQ5Nw.aCdmRx.7ESKnbsUwaSnA1l5WewixnnPde3_Q7JEwrcExK")',
        ],
        negative: [
          // The sample in Discord's API reference.
          'Authorization: Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs  # discord docs',
          // First part does not decode to a numeric ID.
          'DISCORD_TOKEN=MTIzNDU2N2FiY2RlZmdoaWprbA.Xk9pQa.Rt7vN2mQ8sLw4ZcY1bKf6HjD3gPxE0uTnS9a',
          'DISCORD_TOKEN=${DISCORD_TOKEN}',
        ],
      },
    },
    pattern: /(?<![\w.-])([MNO][A-Za-z0-9]{23,25}\.[\w-]{6}\.[\w-]{27,38})(?![\w.-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      if (DISCORD_DOC_TOKENS.has(s)) return false;
      const id = Buffer.from(s.slice(0, s.indexOf('.')), 'base64').toString('latin1');
      return /^[1-9]\d{16,19}$/.test(id);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0042',
      slug: 'discord-webhook-url',
      title: 'Discord webhook URL',
      severity: 'medium',
      description:
        'A Discord webhook URL (discord.com/api/webhooks/<id>/<token>). Its token lets anyone post, edit or delete the webhook’s messages in the channel.',
      remediation:
        'Delete the webhook (Server Settings → Integrations → Webhooks, or DELETE the webhook URL), create a new one and keep its URL in a secret rather than in configuration or code.',
      references: ['https://discord.com/developers/docs/resources/webhook'],
      peers: [{ tool: 'trufflehog', id: 'DiscordWebhook' }],
      keywords: ['discord.com/api', 'discordapp.com/api'],
      examples: {
        positive: [
          'DISCORD_WEBHOOK=https://discord.com/api/webhooks/1361429119321755497/sZcx54jZ4kh3FUsdc-QIsTMkHvXvTNLCro47D1HIjoML1M7PXD4m2Cto5JpwktOr3pNs',
          "webhook_configs:\n  - url: 'https://canary.discordapp.com/api/v10/webhooks/1361429119321755497/sZcx54jZ4kh3FUsdc-QIsTMkHvXvTNLCro47D1HIjoML1M7PXD4m2Cto5JpwktOr3pNs'",
        ],
        negative: [
          'https://discord.com/api/webhooks/123456789012345678/your-webhook-token',
          'POST https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
          'url: https://discord.com/api/webhooks/1361429119321755497/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
      },
    },
    pattern: /\b(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/\d{17,20}\/[\w-]{60,80}(?![\w-])/,
    validate: (s) => {
      const token = s.slice(s.lastIndexOf('/') + 1);
      return charClasses(token) === 3 && !FILLER.test(token);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0043',
      slug: 'telegram-bot-token',
      title: 'Telegram bot token',
      severity: 'high',
      description:
        'A Telegram Bot API token (<bot id>:<35 characters>) in a file that mentions Telegram or a bot token, including the https://api.telegram.org/bot<token>/ form. It controls the bot: read the messages sent to it and post as it.',
      remediation:
        'Revoke the token with @BotFather (/revoke, then /token for a new one), and load the replacement from a secret (e.g. Alertmanager bot_token_file or a Kubernetes Secret).',
      references: ['https://core.telegram.org/bots/api#authorizing-your-bot', 'https://core.telegram.org/bots/features#botfather'],
      peers: [
        { tool: 'gitleaks', id: 'telegram-bot-api-token' },
        { tool: 'trufflehog', id: 'TelegramBotToken' },
      ],
      keywords: ['telegram', 'bot_token'],
      examples: {
        positive: [
          'TELEGRAM_BOT_TOKEN=6878426939:AAbCvPVOQdhM99KY-Jblud-dlEjjFz-C_sK',
          'curl -s "https://api.telegram.org/bot6878426939:AAbCvPVOQdhM99KY-Jblud-dlEjjFz-C_sK/sendMessage" -d chat_id=-1001234 -d text=deployed',
          "telegram_configs:\n  - bot_token: '6878426939:AAbCvPVOQdhM99KY-Jblud-dlEjjFz-C_sK'\n    chat_id: -1001234",
        ],
        negative: [
          // The sample in Telegram's documentation.
          'telegram bot_token: 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
          'TELEGRAM_BOT_TOKEN=6878426939:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'telegram: next sync at 12:30:45',
        ],
      },
    },
    pattern: /(?:(?<=\bbot)|(?<![\w:-]))(\d{8,10}:A[\w-]{34})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => {
      const secret = s.slice(s.indexOf(':') + 1);
      return charClasses(secret) === 3 && !FILLER.test(secret);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0044',
      slug: 'microsoft-teams-webhook-url',
      title: 'Microsoft Teams incoming webhook URL',
      severity: 'medium',
      description:
        'A Microsoft Teams incoming webhook (Office 365 connector) URL on *.webhook.office.com or outlook.office.com. Anyone holding it can post cards into the channel. Workflows (Power Automate) webhook URLs that replace retired connectors are generic Logic Apps triggers and are not covered here.',
      remediation:
        'Remove the connector or webhook from the channel (Manage channel → Connectors, or the Workflows app for its replacement), create a new one if needed, and keep its URL in a secret (e.g. Alertmanager webhook_url_file) rather than in configuration.',
      references: [
        'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
      ],
      peers: [
        { tool: 'gitleaks', id: 'microsoft-teams-webhook' },
        { tool: 'trufflehog', id: 'MicrosoftTeamsWebhook' },
      ],
      keywords: ['incomingwebhook'],
      examples: {
        positive: [
          "msteams_configs:\n  - webhook_url: 'https://contoso.webhook.office.com/webhookb2/f2acdfe5-5367-497d-a827-ca4c04714a34@8b52df06-c336-45f7-ad23-a52087ed3a4b/IncomingWebhook/bbf02b82bd211385e01d95142a5e791a/51b3f4b6-44a8-43f1-aca8-20b7ab8a3390'",
          'TEAMS_WEBHOOK=https://outlook.office.com/webhook/00e06a4d-9412-4c65-ba7d-4dc9964121f2@bd49a20d-15cc-414c-b9f9-97dd79cfccde/IncomingWebhook/f690c237e0c78e352b2e2b7f2cda292b/fcddba9b-8fef-4c8e-b2c4-461f2b727bcc',
        ],
        negative: [
          'https://contoso.webhook.office.com/webhookb2/00000000-0000-0000-0000-000000000000@00000000-0000-0000-0000-000000000000/IncomingWebhook/00000000000000000000000000000000/00000000-0000-0000-0000-000000000000',
          'https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<connector-id>',
          'Select Incoming Webhook and copy the URL.',
        ],
      },
    },
    pattern: new RegExp(
      `\\b(?:[\\w-]+\\.webhook\\.office\\.com\\/webhookb2|outlook\\.office(?:365)?\\.com\\/webhook)\\/${UUID}@${UUID}\\/IncomingWebhook\\/[0-9a-fA-F]{32}\\/${UUID}(?:\\/V2[\\w-]{20,})?(?![\\w-])`,
    ),
    validate: (s) => !FILLER.test(/IncomingWebhook\/([0-9a-fA-F]{32})/.exec(s)?.[1] ?? '000000'),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0045',
      slug: 'twilio-credential',
      title: 'Twilio auth token or API key secret',
      severity: 'high',
      description:
        'A Twilio secret in a file that mentions Twilio: an auth token or API key secret paired with its Account SID (AC…) or API key SID (SK…) — e.g. Client("SK…", "<secret>") or https://AC…:<token>@api.twilio.com — or assigned to a Twilio-named token or secret variable. An Account SID or API key SID alone is an identifier and is not reported.',
      remediation:
        'Rotate the auth token (Console → Account → API keys & tokens → promote the secondary token) or delete the API key, review usage and the SMS/voice logs for fraud, and give applications a restricted API key read from a secret store.',
      references: ['https://www.twilio.com/docs/iam/api-keys', 'https://www.twilio.com/docs/iam/credentials/api'],
      peers: [
        { tool: 'trufflehog', id: 'Twilio' },
        { tool: 'trufflehog', id: 'TwilioApiKey' },
      ],
      keywords: ['twilio'],
      examples: {
        positive: [
          'TWILIO_AUTH_TOKEN=6c15455deb2e8d5f29435890276d0301',
          'from twilio.rest import Client\nclient = Client("SK0c674d8b6ce4263312b1f462031dd1fa", "82dfmxJYrzjviBUaNafCTnYbyeCP53qe", "AC3da24ab697d8f0b74ea3f733c86657b0")',
          'const twilio = require("twilio")("AC3da24ab697d8f0b74ea3f733c86657b0", "6c15455deb2e8d5f29435890276d0301");',
          'env:\n  - name: TWILIO_API_SECRET\n    value: "82dfmxJYrzjviBUaNafCTnYbyeCP53qe"',
        ],
        negative: [
          'TWILIO_ACCOUNT_SID=AC3da24ab697d8f0b74ea3f733c86657b0',
          'twilio api key SID: SK0c674d8b6ce4263312b1f462031dd1fa',
          'TWILIO_AUTH_TOKEN=your_auth_token',
          'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
          'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
        ],
      },
    },
    pattern:
      /(?:(?<=\b(?:SK|AC)[0-9a-f]{32}['"]?\s{0,3}[,:]\s{0,3}['"]?)|(?<=(?:twilio|Twilio|TWILIO)[\w.-]{0,40}(?:token|Token|TOKEN|secret|Secret|SECRET)(?:['"]?\s{0,3}[:=]\s{0,3}|['"]?[ \t]*\r?\n[ \t]*value:[ \t]*)['"]?))[A-Za-z0-9]{32}(?![\w-])/,
    minEntropy: 3.0,
    validate: (s) => charClasses(s) >= 2 && !FILLER.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0046',
      slug: 'sendgrid-api-key',
      title: 'SendGrid API key',
      severity: 'high',
      description: 'A Twilio SendGrid API key (SG.<22>.<43>). With mail-send scope it sends e-mail from your verified domains, which makes for convincing phishing.',
      remediation:
        'Delete the key in SendGrid (Settings → API Keys), review the e-mail activity feed for abuse, and create a key restricted to the scopes you need, kept in a secret store.',
      references: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys'],
      peers: [
        { tool: 'gitleaks', id: 'sendgrid-api-token' },
        { tool: 'trufflehog', id: 'SendGrid' },
      ],
      keywords: ['sg.'],
      examples: {
        positive: [
          'SENDGRID_API_KEY=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',
          'smtp:\n  host: smtp.sendgrid.net\n  user: apikey\n  password: "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"',
        ],
        negative: [
          'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'SENDGRID_API_KEY=SG.your-api-key',
          'const id = msg.sender.id;',
        ],
      },
    },
    pattern: /\b(SG\.[\w-]{22}\.[\w-]{43})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => !FILLER.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0047',
      slug: 'mailgun-api-key',
      title: 'Mailgun API key',
      severity: 'high',
      description:
        'A Mailgun private API key or webhook signing key in a file that mentions Mailgun: the legacy key-<32 hex> form or the current <32 hex>-<8 hex>-<8 hex> form. Public validation keys (pubkey-…) are not reported.',
      remediation:
        'Delete or rotate the key in Mailgun (API Security / Sending keys), review sending logs for abuse, and use a domain sending key kept in a secret store.',
      references: ['https://documentation.mailgun.com/docs/mailgun/api-reference/authentication', 'https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/rbac-mgmt'],
      peers: [
        { tool: 'gitleaks', id: 'mailgun-private-api-token' },
        { tool: 'gitleaks', id: 'mailgun-signing-key' },
        { tool: 'trufflehog', id: 'Mailgun' },
      ],
      keywords: ['mailgun'],
      examples: {
        positive: [
          'MAILGUN_API_KEY=key-4bf6dcea52c20d3301177d189b1847b8',
          'mailgun:\n  domain: mg.example.com\n  secret: f43219fec97decc58d2f5b1a856bfcec-cde060f2-999a7f97',
        ],
        negative: [
          'MAILGUN_PUBLIC_KEY=pubkey-4bf6dcea52c20d3301177d189b1847b8',
          'MAILGUN_API_KEY=key-00000000000000000000000000000000',
          'MAILGUN_API_KEY=key-your-mailgun-api-key',
        ],
      },
    },
    pattern: /\b(key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => !FILLER.test(s) && charClasses(s.replace(/^key-/, '')) === 2,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0048',
      slug: 'mailchimp-api-key',
      title: 'Mailchimp API key',
      severity: 'high',
      description: 'A Mailchimp Marketing API key (32 hex digits followed by the data-center suffix -us<N>), which gives full access to audiences and campaigns.',
      remediation:
        'Disable and delete the key in Mailchimp (Profile → Extras → API keys), review account activity and audience exports, and keep the replacement in a secret store.',
      references: ['https://mailchimp.com/developer/marketing/guides/quick-start/', 'https://mailchimp.com/help/about-api-keys/'],
      peers: [
        { tool: 'gitleaks', id: 'mailchimp-api-key' },
        { tool: 'trufflehog', id: 'Mailchimp' },
      ],
      keywords: ['-us'],
      examples: {
        positive: ['MAILCHIMP_API_KEY=4dd009667133931ccbb4d350485d6392-us17', 'mailchimp:\n  api_key: "bb1b6bd3d216328321e0d6fe53bed6a7-us6"'],
        negative: ['mailchimp api_key: 00000000000000000000000000000000-us1', 'mailchimp apiKey: "your-api-key-us6"', 'locale: en-us'],
      },
    },
    pattern: /\b([0-9a-f]{32}-us[1-9]\d?)\b/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => {
      const hex = s.slice(0, 32);
      return charClasses(hex) === 2 && !FILLER.test(hex);
    },
  }),
];

export default rules;
