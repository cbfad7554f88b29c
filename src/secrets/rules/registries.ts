import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { base62, charClasses, crc32, FILLER } from '../token-shape.js';

// Package registries: a leaked publish token is a supply-chain risk for everyone who installs the package.

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0034',
      slug: 'npm-access-token',
      title: 'npm access token',
      severity: 'high',
      description:
        'An npm access token (npm_ followed by 36 base62 characters, the last six a CRC32 checksum of the rest, which is verified). Publish-capable tokens let anyone push a malicious version of your packages.',
      remediation:
        'Revoke the token on npmjs.com (Access Tokens, or `npm token revoke`), check the package versions published while it was exposed, and publish from CI with trusted publishing (OIDC) or a granular, short-lived token kept in a secret store.',
      references: ['https://github.blog/security/announcing-npms-new-access-token-format/', 'https://docs.npmjs.com/about-access-tokens'],
      peers: [
        { tool: 'gitleaks', id: 'npm-access-token' },
        { tool: 'trufflehog', id: 'NpmToken' },
      ],
      keywords: ['npm_'],
      examples: {
        positive: [
          '//registry.npmjs.org/:_authToken=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',
          '      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: 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',
        ],
        negative: [
          // Right shape, wrong checksum.
          '//registry.npmjs.org/:_authToken=npm_f9vPMK6CIIgZSvpIHKX4i0YM9XWYHUj5RoRw',
          '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
          '//registry.npmjs.org/:_authToken=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'if (process.env.npm_lifecycle_event === "prepublishOnly") build();',
        ],
      },
    },
    pattern: /\b(npm_[A-Za-z0-9]{36})(?![\w-])/,
    secretGroup: 1,
    // npm_ + 30 random base62 characters + base62(CRC32 of those 30), like GitHub's tokens.
    validate: (s) => base62(crc32(s.slice(4, 34))) === s.slice(34),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0035',
      slug: 'pypi-api-token',
      title: 'PyPI API token',
      severity: 'high',
      description:
        'A PyPI API token (pypi- followed by a base64 macaroon whose location is pypi.org). It can upload new releases of every project in its scope. TestPyPI tokens are not reported.',
      remediation:
        'Remove the token in PyPI account settings → API tokens (PyPI also revokes tokens reported by GitHub secret scanning), review the release history of the affected projects, and switch uploads to trusted publishing from CI.',
      references: ['https://pypi.org/help/#apitoken', 'https://docs.pypi.org/trusted-publishers/'],
      peers: [
        { tool: 'gitleaks', id: 'pypi-upload-token' },
        { tool: 'trufflehog', id: 'PyPI' },
      ],
      keywords: ['pypi-ageichlwas5vcmc'],
      examples: {
        positive: [
          '[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmcCJeP-TNqWTYrUwNPhKK9NGKt3Ob71vK1X_9ELfMExKrPsYR3eBTzXLsjYQKNKIM6TXWTikMD2a0CkaYBO8yEcmCrNtG7Q57Ja7C7Qzb1iO8oNFeoqPpx_JnyCu4mTPAuAmkobPimBfTDg2zfEm7YU8eaO1Lo6NApJi',
          'export TWINE_PASSWORD="pypi-AgEIcHlwaS5vcmcCJeP-TNqWTYrUwNPhKK9NGKt3Ob71vK1X_9ELfMExKrPsYR3eBTzXLsjYQKNKIM6TXWTikMD2a0CkaYBO8yEcmCrNtG7Q57Ja7C7Qzb1iO8oNFeoqPpx_JnyCu4mTPAuAmkobPimBfTDg2zfEm7YU8eaO1Lo6NApJi"',
        ],
        negative: [
          'password = pypi-AgEIcHlwaS5vcmc...',
          'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          // A TestPyPI token: its macaroon location is test.pypi.org.
          'password = pypi-AgENdGVzdC5weXBpLm9yZwIkoTE2Jr2-OaG56unCONzU__3b3cN965OrRXNYXYnV9S8kbLL75mfRg0IJUVkTHE04aY_sSd7gHIIH1jPOrKMtvGHgFFwHQIMGpWzWoDbQiYjCimITMU3mNqflTMK5P72dQHeaQrXCbIZ19eVTokrHUqQOznQB3KfM',
        ],
      },
    },
    // "AgEIcHlwaS5vcmc" is the base64 of the macaroon header: version 2, location "pypi.org".
    pattern: /\b(pypi-AgEIcHlwaS5vcmc[\w-]{70,1000})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => !FILLER.test(s.slice(20)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0036',
      slug: 'nuget-api-key',
      title: 'NuGet API key',
      severity: 'high',
      description: 'A nuget.org API key (oy2 followed by 43 lower-case letters and digits), which can push or unlist packages in its scope.',
      remediation:
        'Delete or regenerate the key on nuget.org (Account → API Keys), review recent package pushes, and publish with a glob-scoped, expiring key (or trusted publishing) held in a CI secret.',
      references: ['https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys'],
      peers: [{ tool: 'trufflehog', id: 'NuGetApiKey' }],
      keywords: ['oy2'],
      examples: {
        positive: [
          'dotnet nuget push bin/Release/Acme.Core.1.4.0.nupkg --api-key oy2psh46ifdszffgel1hmk2in1gwjwl1kky9xptsu54eab --source https://api.nuget.org/v3/index.json',
          'NUGET_API_KEY: "oy28lq4x0qgxff2uy9j8jzbxzl0lbm4getrdz471i1orai"',
        ],
        negative: [
          '--api-key oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'NUGET_API_KEY: oy2psh46ifdszffgel1hmk2in1gwjwl1kky9xptsu54ea',
          'NUGET_API_KEY: oy2PSH46IFDSZFFGEL1HMK2IN1GWJWL1KKY9XPTSU54EAB',
        ],
      },
    },
    pattern: /\b(oy2[a-z0-9]{43})\b/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => charClasses(s.slice(3)) === 2 && !FILLER.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0037',
      slug: 'rubygems-api-key',
      title: 'RubyGems API key',
      severity: 'high',
      description: 'A rubygems.org API key (rubygems_ followed by 48 hex digits), which can push and yank gems in its scope.',
      remediation:
        'Delete the key on rubygems.org (Settings → API keys), review recent pushes and yanks of your gems, and publish with a scoped key (or trusted publishing) kept out of ~/.gem/credentials in repositories and images.',
      references: ['https://guides.rubygems.org/api-key-scopes/'],
      peers: [
        { tool: 'gitleaks', id: 'rubygems-api-token' },
        { tool: 'trufflehog', id: 'RubyGems' },
      ],
      keywords: ['rubygems_'],
      examples: {
        positive: [
          '---\n:rubygems_api_key: rubygems_202261ad55018686b0ae04740fc05f993ee29fe3ee9c2033',
          'GEM_HOST_API_KEY=rubygems_202261ad55018686b0ae04740fc05f993ee29fe3ee9c2033 gem push acme-1.2.0.gem',
        ],
        negative: [
          ':rubygems_api_key: rubygems_000000000000000000000000000000000000000000000000',
          ':rubygems_api_key: rubygems_202261ad55018686b0ae04740fc05f993ee29fe3ee9c203',
          'Keys start with rubygems_ and are shown once.',
        ],
      },
    },
    pattern: /\b(rubygems_[a-f0-9]{48})\b/,
    secretGroup: 1,
    minEntropy: 3.0,
    validate: (s) => !FILLER.test(s.slice(9)),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0038',
      slug: 'jfrog-artifactory-token',
      title: 'JFrog Artifactory API key or reference token',
      severity: 'high',
      description:
        'A JFrog Artifactory API key (AKCp + 69 characters, deprecated but still accepted by older instances) or an access-token reference token (64 base64 characters decoding to "reftkn:01:<expiry>:…"), which grant the rights of their user on the registry.',
      remediation:
        'Revoke the API key or the access token in the JFrog Platform (User Profile → Identity tokens / Administration → Access Tokens), review the artifact and access logs, and give CI short-lived scoped tokens (or OIDC) from a secret store.',
      references: [
        'https://jfrog.com/help/r/jfrog-platform-administration-documentation/jfrog-api-key-deprecation-process',
        'https://docs.jfrog.com/releases/docs/jfrog-platform-deprecations',
      ],
      peers: [
        { tool: 'gitleaks', id: 'artifactory-api-key' },
        { tool: 'gitleaks', id: 'artifactory-reference-token' },
        { tool: 'trufflehog', id: 'ArtifactoryAccessToken' },
      ],
      keywords: ['akcp', 'cmvmdgtuojax'],
      examples: {
        positive: [
          'curl -H "X-JFrog-Art-Api: AKCpwF7p6V1npfI5t9iAX4d7UJ8Trbfoz4ZyXJSfvIalFQLx91ywUDgkQ2vxR4Ng1AVwWCBex" https://acme.jfrog.io/artifactory/api/repositories',
          'artifactory_password=cmVmdGtuOjAxOjE4OTM0NTYwMDA6bW1kbWRWbGZWMHhpSm02NGJMMlJ4OTByeTVH',
        ],
        negative: [
          'X-JFrog-Art-Api: AKCpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          // Base64 that starts like a reference token but does not decode to one.
          'artifactory_password=cmVmdGtuOjAxOm5vdGFudW1iZXI6VFRoUmlXazhZaVVNUm92cGJvelZmZUpnYlRF',
          'X-JFrog-Art-Api: AKCpwF7p6V1npfI5t9iAX4d7UJ8Trbfoz4Zy',
        ],
      },
    },
    pattern: /\b(AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAx[A-Za-z0-9]{52})\b/,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) =>
      s.startsWith('AKCp')
        ? charClasses(s.slice(4)) === 3 && !FILLER.test(s)
        : /^reftkn:01:\d{9,11}:[\x21-\x7e]{16,}$/.test(Buffer.from(s, 'base64').toString('latin1')),
  }),
];

export default rules;
