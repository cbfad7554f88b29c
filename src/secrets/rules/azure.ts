import { defineSecretRule, type SecretRule } from '../define-rule.js';

/** Publicly documented development keys (Azurite / storage emulator, Cosmos DB emulator): not secrets. */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const COSMOS_EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/** A canonical base64 string that decodes to exactly `bytes` bytes. */
function isBase64Key(s: string, bytes: number): boolean {
  const buf = Buffer.from(s, 'base64');
  return buf.length === bytes && buf.toString('base64') === s;
}

/** The run of non-blank, unquoted characters around a match: the URL or connection string it sits in. */
function enclosingToken(m: RegExpExecArray): string {
  const text = m.input;
  const stop = /[\s"'`<>]/;
  let from = m.index;
  while (from > 0 && !stop.test(text[from - 1] ?? ' ')) from--;
  let to = m.index + m[0].length;
  while (to < text.length && !stop.test(text[to] ?? ' ')) to++;
  return text.slice(from, to);
}

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0006',
      slug: 'azure-storage-account-key',
      title: 'Azure Storage account key',
      severity: 'critical',
      description:
        'An Azure Storage account access key (88-character base64) in a connection string (AccountKey=…) or a storage-key setting. It grants full control of every blob, file share, queue and table in the account.',
      remediation:
        'Rotate the key in the storage account (Security + networking > Access keys, or az storage account keys renew --key key1|key2) after moving consumers to the other key, and prefer Microsoft Entra ID / managed identities or short-lived SAS; consider disallowing shared key authorization.',
      references: [
        'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage',
        'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string',
      ],
      peers: [{ tool: 'trufflehog', id: 'AzureStorage' }],
      keywords: ['accountkey', 'storage'],
      examples: {
        positive: [
          'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=contosobackups;AccountKey=39mtdRf1WcTr9PbvxWt7+0YZPdldYpKlS8zVTbfC8vSn5xCwnLoufPGMPNsd0BlPBr72AvaVa1e18e98EHbmXA==;EndpointSuffix=core.windows.net"',
          'storage:\n  account: contosologs\n  storage_account_key: HTb+ibpacW6394mseBaG6Sfc+w+s4EiCX22uK13G2N9RvqPsh7h1rHr1nwXgaTXCfHra1d9XbJ3kPU4atSexIQ==',
        ],
        negative: [
          `UseDevelopmentStorage=true;DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
          'DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net',
          'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=pjWNdsU0fELViLl95ToD16lgyK4c0yrLftRxJNzPbbeF9Qv7cYmlL13oF9j5bMNQoZvt67JxzBdy3Ts5hHQjVw==;',
          'storage_account_key = "pjWNdsU0fELViLl95ToD16lgyK4c0yrLftRxJNzPbbeF9Qv7cYmlL13oF9j5bMNQoZvt67JxzBdy3Ts5hHQjVw"',
        ],
      },
    },
    pattern:
      /(?:\bAccountKey\s*=\s*['"]?|(?<![A-Za-z0-9])(?:azure[_.-]?)?storage[_.-]?(?:account[_.-]?)?(?:access[_.-]?|shared[_.-]?)?key(?:[_.-]?[12])?(?![A-Za-z0-9])['"]?\s*[:=]\s*['"]?)([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s, m) => {
      if (s === AZURITE_KEY || !isBase64Key(s, 64)) return false;
      // A Cosmos DB connection string also says AccountKey=; that one is PAL-SEC-0007's.
      const lineStart = m.input.lastIndexOf('\n', m.index) + 1;
      return !/AccountEndpoint\s*=/i.test(m.input.slice(lineStart, m.index));
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0007',
      slug: 'azure-cosmos-db-key',
      title: 'Azure Cosmos DB account key',
      severity: 'critical',
      description:
        'An Azure Cosmos DB primary or secondary key (88-character base64) in a Cosmos connection string (AccountEndpoint=https://….documents.azure.com/;AccountKey=…) or a Cosmos key setting. Read-write keys give full access to every database and container in the account.',
      remediation:
        'Regenerate the key in the Cosmos DB account (Settings > Keys, or az cosmosdb keys regenerate --key-kind primary|secondary) after switching consumers to the other key, and prefer Microsoft Entra ID role-based access with managed identities.',
      references: [
        'https://learn.microsoft.com/en-us/azure/cosmos-db/database-security',
        'https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac',
      ],
      peers: [{ tool: 'trufflehog', id: 'AzureCosmosDBKeyIdentifiable' }],
      keywords: ['documents.azure.com', 'cosmos'],
      examples: {
        positive: [
          'COSMOS_CONNECTION="AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=x3vEFB9p64f1QTG4PzhOf44xSA8BiApSuMRnO7cJ1ppH4iPDQ2LhfKAQlcvLja5GgQy6q5nF1cHFElYphFRzlg==;"',
          '{\n  "CosmosDb": {\n    "Endpoint": "https://orders-db.documents.azure.com:443/",\n    "CosmosPrimaryKey": "XtTL4uDQQje7xMJ0PTaCcUpgDAnsCv84LAN/F1YH0GBXImmIkih3u/zbCjjHEc281HV/8KOqrNiPQeg+IVuD/Q=="\n  }\n}',
        ],
        negative: [
          `AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_EMULATOR_KEY}`,
          `cosmos_key: ${COSMOS_EMULATOR_KEY}`,
          'COSMOS_KEY=${COSMOS_PRIMARY_KEY}',
          'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=<primary-key>;',
        ],
      },
    },
    pattern:
      /(?:\bAccountEndpoint\s*=\s*https:\/\/[a-z0-9-]{3,50}\.documents\.azure\.com(?::443)?\/?\s*;\s*AccountKey\s*=\s*|(?<![A-Za-z0-9])cosmos(?:[_.-]?db)?[\w.-]{0,20}?key(?![A-Za-z0-9])['"]?\s*[:=]\s*['"]?)([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => s !== COSMOS_EMULATOR_KEY && isBase64Key(s, 64),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0008',
      slug: 'azure-sas-token',
      title: 'Azure shared access signature (SAS)',
      severity: 'high',
      description:
        'The signature (sig=…) of an Azure Storage shared access signature: a URL or token that also carries the service version (sv=) and an expiry (se=) or stored access policy (si=). Until it expires it grants whatever permissions it encodes, often write or list access to a whole account.',
      remediation:
        'A SAS cannot be revoked on its own: delete or change its stored access policy, revoke user delegation keys (az storage account revoke-delegation-keys), or rotate the account key that signed it; then issue short-lived SAS tokens at runtime instead of committing them.',
      references: [
        'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview',
        'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
      ],
      peers: [{ tool: 'trufflehog', id: 'AzureSasToken' }],
      keywords: ['sig='],
      examples: {
        positive: [
          'curl -o db.bak "https://contosobackups.blob.core.windows.net/backups/db.bak?sp=r&st=2025-01-10T08:00:00Z&se=2025-12-31T16:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=apRBbDPqmOm81mShSKWGH3r45X3SSp6nSYc5AMG%2B4aU%3D"',
          'AZURE_STORAGE_SAS_TOKEN=?sv=2021-08-06&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-03-01T00:00:00Z&st=2025-03-01T00:00:00Z&spr=https&sig=THytAggpD1CPK7ZxbvgEoWEy8phoJjT3PIPaCkk0BO8%3D',
        ],
        negative: [
          'https://contosobackups.blob.core.windows.net/backups?sv=2022-11-02&se=2025-12-31&sr=c&sp=rl&sig=<signature>',
          'https://api.partner.example/callback?ts=1735689600&sig=THytAggpD1CPK7ZxbvgEoWEy8phoJjT3PIPaCkk0BO8%3D',
          'The token ends with a sig= parameter computed with the account key.',
        ],
      },
    },
    pattern: /(?<![\w%.-])sig=([A-Za-z0-9%+/]{40,140}={0,2})(?![A-Za-z0-9%+/=])/,
    secretGroup: 1,
    validate: (s, m) => {
      let sig: string;
      try {
        sig = decodeURIComponent(s);
      } catch {
        return false;
      }
      // An HMAC-SHA256: 32 bytes, 44 base64 characters.
      if (!/^[A-Za-z0-9+/]{43}=$/.test(sig) || !isBase64Key(sig, 32)) return false;
      const query = enclosingToken(m);
      return /(?:^|[?&;=])sv=\d{4}-\d{2}-\d{2}(?:&|$)/.test(query) && /(?:^|[?&])(?:se=\d{4}-\d{2}-\d{2}|si=[^&]+)/.test(query);
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0009',
      slug: 'azure-entra-client-secret',
      title: 'Microsoft Entra ID (Azure AD) client secret',
      severity: 'critical',
      description:
        'A Microsoft Entra ID application client secret in the current format (three characters, a digit, "Q~", then 31-34 characters). With the tenant and client IDs it signs in as the app registration / service principal, with every role and Graph permission granted to it.',
      remediation:
        'Delete the secret under App registrations > Certificates & secrets (az ad app credential delete --id APP_ID --key-id KEY_ID), review the sign-in logs of the service principal, and move to managed identities, workload identity federation or certificates.',
      references: [
        'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
        'https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret',
      ],
      peers: [
        { tool: 'gitleaks', id: 'azure-ad-client-secret' },
        { tool: 'trufflehog', id: 'Azure' },
      ],
      keywords: ['q~'],
      examples: {
        positive: ['AZURE_CLIENT_SECRET=G1p8Q~QfhDBEahoQW5HiNG~VWO~P4VY6k.nNXGxf', '  "clientSecret": "6177Q~m~qNER5gLYBmU7URJrnsknl3LvLd39F9kM",'],
        negative: [
          'client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          'AZURE_CLIENT_SECRET=G1p8Q~QfhDBEahoQW5Hi',
          'Secrets look like abc8Q~ followed by more characters.',
          'https://cdn.example.net/assets/G1p8Q~QfhDBEahoQW5HiNG~VWO~P4VY6k.nNXGxf-v2.png',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    secretGroup: 1,
    minEntropy: 3.0,
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0010',
      slug: 'azure-devops-pat',
      title: 'Azure DevOps personal access token',
      severity: 'high',
      description:
        'An Azure DevOps personal access token: the 84-character format with the AZDO signature at position 77, or a legacy 52-character base32 token assigned to an Azure DevOps-named setting or used as the password in a dev.azure.com / visualstudio.com URL. It acts as its owner on the scopes it was given (code, pipelines, packages).',
      remediation:
        'Revoke the token in User settings > Personal access tokens (or an administrator revokes it through the PAT lifecycle API), review the organization audit log, and replace it with Microsoft Entra tokens, service connections or workload identity federation.',
      references: [
        'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
        'https://learn.microsoft.com/en-us/purview/sit-defn-azure-devops-personal-access-token',
      ],
      peers: [{ tool: 'trufflehog', id: 'AzureDevopsPersonalAccessToken' }],
      keywords: ['azdo', 'azure', 'devops', 'vsts', 'visualstudio', 'ado_', 'ado-', 'ado.', 'adopat', 'adotoken'],
      examples: {
        positive: [
          'AZURE_DEVOPS_EXT_PAT=myv5ld2tyr3wjhk3qnbhy2voprltifaumz5tyy335ijwu4gnotyb',
          'git clone https://build:46jfyanzuyldma6h7jkvz4u454mwh7dqmd76ozgmwej56aiiuof4@dev.azure.com/contoso/web/_git/storefront',
          'ADO_PAT: EBo9TKZ1vdKnrcRWBWlLXa2eAabowfRQKo8aCNoGmdpZjj0MgcndJQQJ998AZia4ANKPh3bnL11iAZDOIANS',
        ],
        negative: [
          'commit: myv5ld2tyr3wjhk3qnbhy2voprltifaumz5tyy335ijwu4gnotyb',
          'AZURE_DEVOPS_EXT_PAT=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz',
          'AZURE_DEVOPS_EXT_PAT=${{ secrets.ADO_PAT }}',
          'token: EBo9TKZ1vdKnrcRWBWlLXa2eAabowfRQKo8aCNoGmdpZjj0MgcndJQQJ998AZia4ANKPh3bnL11iAZDXIANS',
        ],
      },
    },
    // Legacy tokens (lower-case base32) only with Azure DevOps context; the current format carries its own signature.
    // The leading \b and 52-character lookahead let the engine skip ordinary words before trying the context lookbehinds.
    pattern:
      /\b(?=[a-z0-9]{52})((?=[a-z2-7]{52}(?![a-z0-9]))(?:(?<=(?:azure|devops|vsts|azdo|(?<![a-z0-9])ado[_.-]?(?:pat|token|password|pass|pwd|secret|key))[\w.-]{0,30}['"]?\s*[:=]\s*['"]?)|(?<=https?:\/\/[^\s:@/]{0,100}:)(?=[a-z2-7]{52}@(?:dev\.azure\.com|[\w-]+\.visualstudio\.com)))[a-z2-7]{52}(?![a-z0-9])|[a-z0-9]{76}azdo[a-z0-9]{4}(?![a-z0-9]))/i,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => (/^[a-z2-7]{52}$/.test(s) && /[2-7]/.test(s)) || /^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/.test(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0011',
      slug: 'azure-shared-access-key',
      title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
      severity: 'high',
      description:
        'The SharedAccessKey of an Azure Service Bus, Event Hubs, Relay or IoT Hub connection string (SharedAccessKeyName=…;SharedAccessKey=… or DeviceId=…;SharedAccessKey=…). It signs tokens with every right of its policy (Send, Listen, or Manage for RootManageSharedAccessKey).',
      remediation:
        'Regenerate the key of that shared access policy (e.g. az servicebus namespace authorization-rule keys renew, az eventhubs namespace authorization-rule keys renew, or the IoT Hub / device key) after moving consumers to the other key, and prefer Microsoft Entra ID with managed identities.',
      references: [
        'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas',
        'https://learn.microsoft.com/en-us/azure/event-hubs/authorize-access-shared-access-signature',
      ],
      keywords: ['sharedaccesskey'],
      examples: {
        positive: [
          'SERVICEBUS_CONNECTION=Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=3j3n0FP9PBTbuBTh7etuQepfsPZWXBzzjV4OiJz0++0=',
          'const conn = "HostName=plant7.azure-devices.net;DeviceId=press-04;SharedAccessKey=YxQS+zeTW0RxkOAtZo44m6M4fmDEuRtQYIA+lIUnHl0=";',
        ],
        negative: [
          'Endpoint=sb://[namespace].servicebus.windows.net/;SharedAccessKeyName=[keyname];SharedAccessKey=[keyvalue]',
          'Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=fake=',
          'Endpoint=sb://myhub.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=VGVzdFNlY3JldDEyM1Rlc3RTZWNyZXQxMjNUZXN0U2VjcmV0MTIz',
        ],
      },
    },
    pattern: /\b(?:SharedAccessKeyName|DeviceId)\s*=\s*[^;\s"'<>]+\s*;\s*SharedAccessKey\s*=\s*([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => isBase64Key(s, 32),
  }),
];

export default rules;
