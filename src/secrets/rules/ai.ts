import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { charClasses, FILLER } from '../token-shape.js';

// AI model providers: leaked keys are found and abused within minutes and billed to the owner.

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0058',
      slug: 'openai-api-key',
      title: 'OpenAI API key',
      severity: 'high',
      description:
        'An OpenAI API key: project (sk-proj-), service account (sk-svcacct-), admin (sk-admin-) or legacy user key, recognised by the T3BlbkFJ marker ("OpenAI" in base64) in its middle. Usage is billed to the owning organisation and admin keys manage it.',
      remediation:
        'Delete the key in the OpenAI platform (Settings → API keys, or Admin keys), review usage for unexpected spend, set project budgets, and load the new key from a secret store; never ship it in client-side code.',
      references: ['https://platform.openai.com/docs/api-reference/authentication', 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety'],
      peers: [
        { tool: 'gitleaks', id: 'openai-api-key' },
        { tool: 'trufflehog', id: 'OpenAI' },
      ],
      keywords: ['t3blbkfj'],
      examples: {
        positive: [
          'OPENAI_API_KEY=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',
          'client = OpenAI(api_key="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")',
        ],
        negative: [
          'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'OPENAI_API_KEY=sk-...',
          'Keys contain T3BlbkFJ, which is base64 for OpenAI.',
        ],
      },
    },
    pattern: /\b(sk-(?:proj|svcacct|admin|None)-[\w-]{20,200}T3BlbkFJ[\w-]{20,200}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => s.split('T3BlbkFJ').every((part) => charClasses(part.replace(/^sk-(?:proj|svcacct|admin|None)?-?/, '')) === 3 && !FILLER.test(part)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0059',
      slug: 'anthropic-api-key',
      title: 'Anthropic API key',
      severity: 'high',
      description:
        'An Anthropic API key (sk-ant-api03-…AA) or Admin API key (sk-ant-admin01-…AA). API keys are billed to the workspace; admin keys manage the organisation’s members, workspaces and keys.',
      remediation:
        'Delete the key in the Claude Console (Settings → API keys, or Admin keys), review usage and cost reports for unexpected use, and load the replacement from a secret store.',
      references: ['https://docs.anthropic.com/en/api/getting-started', 'https://docs.anthropic.com/en/api/administration-api'],
      peers: [
        { tool: 'gitleaks', id: 'anthropic-api-key' },
        { tool: 'gitleaks', id: 'anthropic-admin-api-key' },
        { tool: 'trufflehog', id: 'Anthropic' },
      ],
      keywords: ['sk-ant-api03-', 'sk-ant-admin01-'],
      examples: {
        positive: [
          'ANTHROPIC_API_KEY=sk-ant-api03-hGQU57YMy5p5mvte_Eox-iLjO8yBcC8N2w54LNubxUJtucuhDEz2a7Z6TfVQlsL2ZT03w7Fo070lLrtaYscc-J-K5GP35AA',
          '{"admin_key": "sk-ant-admin01-mZqnHeDdAKFOIOq3QBPzRfyRa3HLn3cct07rdx4cJlQJpYXaqtAXeIsDfWHXgtfdPJrnK6q9FBclTTXW-rGjrVhStEDlaAA"}',
        ],
        negative: [
          'ANTHROPIC_API_KEY=sk-ant-api03-...',
          'ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA',
          'ANTHROPIC_API_KEY=sk-ant-api03-hGQU57YMy5p5mvte_Eox-iLjO8yBcC8N2w54LNubxUJtucuhDEz2a7Z6TfVQlsL2ZT03w7Fo070lLrtaYscc-J-K5GP35',
        ],
      },
    },
    pattern: /\b(sk-ant-(?:api03|admin01)-[\w-]{93}AA)(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => !FILLER.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0060',
      slug: 'huggingface-access-token',
      title: 'Hugging Face access token',
      severity: 'high',
      description:
        'A Hugging Face user access token (hf_ + 34 letters). Read tokens reach private and gated models and datasets; write and fine-grained tokens can push to repositories and Spaces, a model supply-chain risk.',
      remediation:
        'Invalidate the token in Hugging Face (Settings → Access Tokens → Invalidate and refresh), review recent commits to your models, datasets and Spaces, and pass the new token as the HF_TOKEN secret instead of committing it.',
      references: ['https://huggingface.co/docs/hub/security-tokens'],
      peers: [
        { tool: 'gitleaks', id: 'huggingface-access-token' },
        { tool: 'trufflehog', id: 'HuggingFace' },
      ],
      keywords: ['hf_'],
      examples: {
        positive: ['HF_TOKEN=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', 'huggingface-cli login --token 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'],
        negative: [
          'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          '- (id)hf_requiredCharacteristicTypesForDisplayMetadata;',
          // A camelCase identifier of the same length: too few capitals to be random.
          'value = 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;',
        ],
      },
    },
    pattern: /\b(hf_[A-Za-z]{34})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => {
      // Random mixed-case letters: about half upper-case; identifiers and words have far fewer.
      const upper = s.slice(3).replace(/[^A-Z]/g, '').length;
      return upper >= 9 && upper <= 25 && !FILLER.test(s.slice(3));
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0061',
      slug: 'groq-api-key',
      title: 'Groq API key',
      severity: 'high',
      description: 'A Groq API key (gsk_ + 52 letters and digits), billed to the owning organisation.',
      remediation:
        'Delete the key in the Groq console (API Keys), review usage for unexpected spend, and load the replacement from a secret store.',
      references: ['https://console.groq.com/docs/quickstart', 'https://console.groq.com/keys'],
      peers: [
        { tool: 'gitleaks', id: 'groq-api-key' },
        { tool: 'trufflehog', id: 'Groq' },
      ],
      keywords: ['gsk_'],
      examples: {
        positive: [
          'GROQ_API_KEY=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',
          'client = Groq(api_key="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")',
        ],
        negative: [
          'GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'GROQ_API_KEY=gsk_guf60I3IYpWmkpRHW3nCQctXCfhp4mVU7qfbn4aQckj6fxkn',
          'Groq keys start with gsk_.',
        ],
      },
    },
    pattern: /\b(gsk_[A-Za-z0-9]{52})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => charClasses(s.slice(4)) === 3 && !FILLER.test(s.slice(4)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0062',
      slug: 'replicate-api-token',
      title: 'Replicate API token',
      severity: 'high',
      description: 'A Replicate API token (r8_ + 37 characters), which runs models and creates deployments billed to the account.',
      remediation:
        'Disable the token in Replicate (Account settings → API tokens), review predictions and deployments for unexpected use, and load the replacement from a secret store (REPLICATE_API_TOKEN).',
      references: ['https://replicate.com/docs/topics/security/api-tokens'],
      peers: [{ tool: 'trufflehog', id: 'Replicate' }],
      keywords: ['r8_'],
      examples: {
        positive: [
          'REPLICATE_API_TOKEN=r8_KbPaqxyxRinv0oeTYJhp62AV2YwkMWolJLEsB',
          'curl -s -H "Authorization: Bearer r8_aHXbLAaJe9IR0KjID1PCyoxbUwGL50l04ysjq" https://api.replicate.com/v1/account',
        ],
        negative: [
          'REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'minifyEnabled true // r8_rules_for_release_build_minify_enabl',
          'REPLICATE_API_TOKEN=r8_KbPaqxyxRinv0oeTYJhp62AV2YwkMWolJLEs',
        ],
      },
    },
    pattern: /\b(r8_[\w-]{37})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => charClasses(s.slice(3)) === 3 && !FILLER.test(s.slice(3)),
  }),
];

export default rules;
