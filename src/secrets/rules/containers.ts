import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { isPlaceholderPassword } from './databases.js';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0022',
      slug: 'docker-config-auth',
      title: 'Docker registry credentials in a Docker config',
      severity: 'high',
      description:
        'An "auth" entry of a Docker client config (~/.docker/config.json, a Kubernetes .dockerconfigjson, a CI registry config): base64 of "username:password" for the registry it is listed under. Decoding it gives the registry password or access token.',
      remediation:
        'Change the password or revoke the access token at the registry (Docker Hub, ECR, ACR, GCR / Artifact Registry, GHCR, Harbor…), review pushes made with it, and use a credential helper (credsStore / credHelpers) or short-lived registry tokens instead of a stored auth string.',
      references: [
        'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
        'https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/',
      ],
      peers: [{ tool: 'trufflehog', id: 'Docker' }],
      keywords: ['auths'],
      examples: {
        positive: [
          '{\n  "auths": {\n    "registry.gitlab.com": {\n      "auth": "Y2ktYm90Ok5UUCElRGxCcXY0NWcyMVRGcnU4"\n    }\n  }\n}',
          'DOCKER_AUTH_CONFIG: \'{"auths":{"europe-docker.pkg.dev":{"auth":"X2pzb25fa2V5X2Jhc2U2NDppdmJHcUlzSnBLeDduTVZDcnY1YUlYc28="}}}\'',
        ],
        negative: [
          '{"auths": {"https://index.docker.io/v1/": {"auth": "dXNlcm5hbWU6cGFzc3dvcmQ="}}}',
          '{"auths": {"https://index.docker.io/v1/": {"auth": "dXNlcm5hbWU="}}}',
          '{"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "desktop"}',
          '{"auths": {"ghcr.io": {"auth": "${GHCR_AUTH}"}}}',
        ],
      },
    },
    pattern: /\\?"auth\\?"\s*:\s*\\?"([A-Za-z0-9+/]{8,}={0,2})\\?"/,
    secretGroup: 1,
    validate: (s, m) => {
      if (m.input.lastIndexOf('auths', m.index) < 0) return false;
      const buf = Buffer.from(s, 'base64');
      if (buf.toString('base64').replace(/=+$/, '') !== s.replace(/=+$/, '')) return false;
      const decoded = buf.toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
      return !isPlaceholderPassword(decoded.slice(colon + 1));
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0023',
      slug: 'docker-hub-access-token',
      title: 'Docker Hub access token',
      severity: 'high',
      description:
        'A Docker Hub personal access token (dckr_pat_…) or organization access token (dckr_oat_…). It logs in to Docker Hub as its owner with the token\'s scopes, e.g. to push images to the owner\'s repositories.',
      remediation:
        'Delete the token in Docker Hub (Account settings > Personal access tokens, or the organization\'s access tokens), review the repositories\' recent pushes and tags, and store the replacement in the CI secret store.',
      references: [
        'https://docs.docker.com/security/access-tokens/personal-access-tokens/',
        'https://docs.docker.com/security/access-tokens/organization-access-tokens/',
      ],
      peers: [{ tool: 'trufflehog', id: 'Dockerhub' }],
      keywords: ['dckr_pat_', 'dckr_oat_'],
      examples: {
        positive: ['echo dckr_pat_sLp3U_A3qjlN_foJJUEIZAruSIk | docker login -u acme-ci --password-stdin', 'DOCKERHUB_TOKEN: "dckr_pat_xvYehgCA4feXWvYBRJpvkgDiedJ"'],
        negative: ['DOCKER_TOKEN=dckr_pat_xxxxx', 'DOCKER_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Docker Hub tokens start with dckr_pat_.'],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 3.0,
  }),
];

export default rules;
