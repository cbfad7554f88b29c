import { defineSecretRule, type SecretRule } from '../define-rule.js';
import { isDerPrivateKeyBody } from './gcp.js';

// Fabricated for the examples: PEM-wrapped random bytes behind SEC1 / PKCS#1 headers, and JWTs with random signatures.
const FAKE_EC_KEY_PEM_B64 = 'LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUxuc2pmVDdRTUtWLzN4NFNtcHE3dUtjOW55aDFZdEdSN28vblprdlhOMXNvQW9HQ0NxR1NNNDkKQXdFSG9VUURRZ0FFUE5jVHBwdEVJbUVwODVqZ01lRytGL3ZmYTRyd043NTNwRVU4Z3FTVlRzQVA4VEZaT3BFcwppM0hBeXNscXZzT3RPN0U4TEpERmcrT3hwNlowanExYlR3PT0KLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo=';
const FAKE_RSA_KEY_PEM_B64 = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlDWEFJQkFBS0JnUUIyRHFKNTdON3owWFVtOXJFalhVajRSdXF6MVl2ak9ZeW1HcXcrOGVMVFNvTGdmWmtXCjVaUzBoN0J6L0hOdDJMOEx6aVdjamRUS1MrbmY0cHFHVmtZbU03MitwSXN1blJ5Zlcxc3BBb1ViRVJyeWxGSUUKTTFhTDdNakJvdmZ5bXl1MzZqZ1hjc043c0RrSTJpYll6aFRCcDR6YTZLZ0NWZ2NmdWQrMjJ2MTVmZUVXVG00UQozNWRsRUQ2M0N5akpjRkt1R0w2WStINDZlZ2JoeXNtVENhMXBXdW9wRGFyenRCOW9xZFBhUXZ4WE16WjdESGhpCk5JVTdWN2dQVEZORTR5WWxkR3h0RTRnTnZnSHAvcStaOHZJWlNnenlvRmN4NFJyVEpwSUo4TzcyQUIrUk15NncKbURZSEJ3NHhaNnhPc2hQT00yK2R0S1RBbWM5b1NKTjg2M2hIRWlmenpQbllYMmtjVHIzT2VxamxLOGdwY1pPNQpPWi9WU2dUQkQ2NnZvUFRiZkthR3JySzlsMkVLNmRXWVhLd3Jic1FwZkJhbEdWb1VaTFpJQnhIaStPUmZhUGRXCjZGRStzQ1BWNFRBbk9yRnVqNmpjYktUSXJReGRVTVRkdzRwYW5JUHZycCt2WTNXWjF3ZDc3QndSanRQZ0RLMVQKd0ZQWWFCa2l4bnA5ckwwRG42VERabFRINGhOV2h3RHJNdS9oWUxzZFBjand4cThGL2loVFdEbjZYWCt6cnVDYgpUMWtkTUNhcEpTUWd0Ym00VllCRXh6WkxxcUM1M0k0SGNXMXlnNEo1NmRocTEvbzVXdUlsS3VSbXFiU1Q1Q3AwCjlhZUs2Ui9NeWNQSkdjd1VzWGxzcmxucWF5eitaWFRxWkZITDNhdDBHR3dDNWhic3RNTVR1OVVvcWZQOXF4RWIKSlY0ZWZzMEZQN2thUW5EU1RrYUs4dzZlbkN2dzJtMUdaRm11K3UxSDZVbDd3ZFNtSTZiNkpSc0FQdThnUmJoKwoyZ1FxZTI3UWkvRHppQldhZlJCa3pUcmhQOHBycXZVbTNvS2JJSXZpdTNvPQotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=';
const FAKE_CERT_PEM_B64 = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCnRQVHhZMktkUnE5RW9rQ3NhUWtUTmJPNXBiamh6RXU1TTVGQjBTZlBibzB1UjRwbVVISHFwYXRHYm9qaFdybnEKeWlZRXRnaThHNUI4T2x6MVFieFJpYUlmM0FvL1lJT2hzUHJkdE5KbVNobUMvZjlsVVdWbkZIQVY1N3dGV052dwo3TVpTWDB2L2pEa2p1M2t4K2pCK0doS3RxaHZOTEFWZXRJVEtxSmpRQ0dxeU11ekx1WmhPbjhhakdZbG0zVGtoCmVZZExMYXd3eW9JV2R4NDA0cWZiTGs0OTJ2VXpQbW5MWk5OeTlSby9yNktzaEo2V204ZG9mL1d6N2hmejhSUjgKaHV0WUxDQlJxQmp3M1RTRWJVdEdIMkdPODhncDdUbGo0akdUVC9rb0pWRTVQZ05MM3kzMGtNSndYZXAwQzZJeApyZStDbUdJNnlyOENwUkEyMW9RSmdsTTdLSjRocFNtajd5a2NjVlBwaEJxbHVTcHRqQUlvSEI2N3o0WDVpOWp5Cjg0dlNKdnp5aTdSMnk3Y28KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const FAKE_SA_TOKEN_LEGACY = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IkVBQjVFcklEQWVTeVBLaXQyT2xDSWtiNzhIYmNxdzI5VHZIcFJnX2FmbEsifQ.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJjaSIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJkZXBsb3llci10b2tlbi04NHY3eCIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50Lm5hbWUiOiJkZXBsb3llciIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50LnVpZCI6ImU4MGRjYTk4LTQzZGMtMDdhOS0wODYwLTdiZDAwYWY4NjExOSIsInN1YiI6InN5c3RlbTpzZXJ2aWNlYWNjb3VudDpjaTpkZXBsb3llciJ9.a8OqPqpYpaCowbau7tJvnbY-H_473ugMVGs4immiFccy1D0rTVkg9hJiXGnOePJvlMbO15wciVeiDzLhbezQTj0hpi5KnaTDeTQPJG0OCZt-HZpROgs5ZBz6q8P0LpjGB3HGK9zgiRQrBKcWXQfEFkOhGv9-TUu4W_DH0p6BOodbJlT42JptYtXuGcWoaIGTdy0PDUy2so5iZG_VNs4uxRGI5HLe3UNJ-F6BykEJKGfk00wgMy_NDNNl1Gzgv_CqK7xQRPMGVpzBofpsl-nMSDTLZwymxV2OQ-WWLpfD-8vSTrPDfhwC9RgGU04vMbiUjduI9HS8EblrQluKJzctSQ';
const FAKE_SA_TOKEN_BOUND = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImpIX1RPSXJGY0ZTOEl4OFN1dFpJQmM5RUxCaFJZUTdEa2FXVnRnb09xODYifQ.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjLmNsdXN0ZXIubG9jYWwiXSwiZXhwIjoxNzY3MjI1NjAwLCJpYXQiOjE3MzU2ODk2MDAsImlzcyI6Imh0dHBzOi8va3ViZXJuZXRlcy5kZWZhdWx0LnN2Yy5jbHVzdGVyLmxvY2FsIiwia3ViZXJuZXRlcy5pbyI6eyJuYW1lc3BhY2UiOiJtb25pdG9yaW5nIiwic2VydmljZWFjY291bnQiOnsibmFtZSI6InByb21ldGhldXMiLCJ1aWQiOiIyMmQwYzdjYi01ZDVjLWE3OTUtNzk4YS1hZGViMGJkMjE0NDQifX0sIm5iZiI6MTczNTY4OTYwMCwic3ViIjoic3lzdGVtOnNlcnZpY2VhY2NvdW50Om1vbml0b3Jpbmc6cHJvbWV0aGV1cyJ9.nTfXLW7ckgAOSYnz1VG-rQXG8zzmSsQmGj6liUmLtOcig_4BMh1CMzd8NLTpU3PYBRC_Chg6eDOB_fLGCAD3I_kaXsUy8V6ddFb1TUnw5W2vJihvA5jI69U1T_we8E15KsWk5ankGfN7ZONe4wM5Meh-joIWJktJwai3wxSjfDVHSo5TbSyoMQmvGU2B6LC5yO-mAaBwihOr3pVWS4Q1u7mDaVbJfS68BWvU05NJOR-z7JutAB7slRQLer7jd_cStx9_Zt4vybKMBQYKdDwuizaFNeZA2ZOlIpwTHw0ZHJgG165iXO-y1K5IJ3OoSKZI8nj4olIfFN_lNcDeq3qSdw';
const FAKE_OTHER_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5vcmciLCJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.OhjzVlKbNGxrmvCrN3oSEbsLUbUwXzGQRr_xQhCQHoU';

const kubeconfig = (user: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    '    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==',
    '    server: https://10.20.0.1:6443',
    '  name: prod',
    'contexts:',
    '- context:',
    '    cluster: prod',
    '    user: deployer',
    '  name: prod',
    'current-context: prod',
    'users:',
    '- name: deployer',
    '  user:',
    user,
  ].join('\n');

/** The parsed JSON of one base64url JWT segment, or undefined. */
function jwtSegment(seg: string | undefined): Record<string, unknown> | undefined {
  if (!seg) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(seg, 'base64url').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0019',
      slug: 'kubeconfig-client-key',
      title: 'Kubernetes kubeconfig client private key',
      severity: 'critical',
      description:
        'The client-key-data of a kubeconfig user: a base64-encoded PEM private key that, with its client certificate, authenticates to the cluster API server as that user (often cluster-admin for kubeadm, kind or k3s admin configs).',
      remediation:
        'Client certificates cannot be revoked individually: remove the user\'s RBAC bindings (or group membership, e.g. system:masters), rotate the cluster CA or issue new admin credentials (kubeadm kubeconfig user / kubeadm certs renew), and hand out per-user OIDC or short-lived credentials instead of shared kubeconfigs.',
      references: [
        'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
        'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#x509-client-certificates',
      ],
      keywords: ['client-key-data'],
      examples: {
        positive: [
          kubeconfig(`    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n    client-key-data: ${FAKE_EC_KEY_PEM_B64}`),
          `{"users":[{"name":"kind-admin","user":{"client-key-data":"${FAKE_RSA_KEY_PEM_B64}"}}]}`,
        ],
        negative: [
          kubeconfig('    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED'),
          kubeconfig(`    client-key-data: ${FAKE_CERT_PEM_B64}`),
          kubeconfig('    client-key-data: ${CLIENT_KEY_DATA}'),
          kubeconfig(`    client-key-data: ${FAKE_EC_KEY_PEM_B64.slice(0, 200)}`),
        ],
      },
    },
    pattern: /(?<![\w-])["']?client-key-data["']?\s*:\s*["']?([A-Za-z0-9+/]{64,}={0,2})(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    validate: (s) => {
      const pem = Buffer.from(s, 'base64').toString('latin1');
      const m = /^\s*-----BEGIN ((?:RSA |EC |DSA )?PRIVATE KEY)-----\r?\n([A-Za-z0-9+/=\r\n]+?)-----END \1-----\s*$/.exec(pem);
      return m !== null && isDerPrivateKeyBody(m[2] ?? '');
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0020',
      slug: 'kubeconfig-user-token',
      title: 'Kubernetes kubeconfig bearer token',
      severity: 'high',
      description:
        'A bearer token under a user entry of a kubeconfig file (users: → user: → token:). It authenticates to the cluster API server as that identity: a service account, a bootstrap token or an OIDC / cloud user.',
      remediation:
        'Revoke the token at its source (delete the service account token Secret or the service account, kubeadm token delete for bootstrap tokens, or revoke the OIDC session), review the API server audit log, and distribute kubeconfigs that use exec credential plugins or short-lived tokens.',
      references: [
        'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
        'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#putting-a-bearer-token-in-a-request',
      ],
      keywords: ['kind: config', 'current-context', 'client-certificate-data', 'certificate-authority-data'],
      examples: {
        positive: [
          kubeconfig('    token: 1hqrhs.srdsy08mzrsquhxf'),
          kubeconfig(`    token: "${FAKE_SA_TOKEN_BOUND}"`),
          `apiVersion: v1\nkind: Secret\nmetadata:\n  name: argocd-cluster-prod\nstringData:\n  config: |\n${kubeconfig('    token: 1hqrhs.srdsy08mzrsquhxf').replace(/^/gm, '    ')}\n`,
        ],
        negative: [
          kubeconfig('    token: REDACTED'),
          kubeconfig('    token: ${KUBE_TOKEN}'),
          kubeconfig('    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws').replace('current-context: prod', 'current-context: prod\npreferences:\n  token: 1hqrhs.srdsy08mzrsquhxf'),
          'registry:\n  auth:\n    token: 1hqrhs.srdsy08mzrsquhxf\n',
        ],
      },
    },
    pattern: /^([ \t]*)token:[ \t]*(["']?)([A-Za-z0-9._~+/:=-]{16,})\2[ \t]*(?:#.*)?$/m,
    secretGroup: 3,
    minEntropy: 3.0,
    validate: (s, m) => {
      if (/^(?:REDACTED|DATA\+OMITTED)$/i.test(s)) return false;
      const text = m.input;
      // Indentation allowed: kubeconfigs are often embedded in a Secret's stringData or in Helm values.
      if (!/^[ \t]*users:/m.test(text)) return false;
      if (!/^[ \t]*kind:[ \t]*["']?Config["']?[ \t]*$/m.test(text) && !/\b(?:current-context|client-certificate-data|certificate-authority-data)\b/.test(text)) return false;
      // The nearest less-indented line above must be the `user:` key of a users entry.
      const indent = (m[1] ?? '').length;
      const above = text.slice(Math.max(0, m.index - 4000), m.index).split('\n');
      for (let i = above.length - 1; i >= 0; i--) {
        const line = above[i] ?? '';
        if (/^\s*(?:#.*)?$/.test(line)) continue;
        const lineIndent = (/^[ \t]*/.exec(line)?.[0] ?? '').length;
        if (lineIndent < indent) return /^\s*(?:-\s+)?user:\s*$/.test(line);
      }
      return false;
    },
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0021',
      slug: 'kubernetes-service-account-token',
      title: 'Kubernetes service account token',
      severity: 'high',
      description:
        'A JWT issued by a Kubernetes cluster for a service account: a legacy secret-based token (iss "kubernetes/serviceaccount", never expires) or a bound token (a "kubernetes.io" claim, sub system:serviceaccount:…). It calls the API server with the service account\'s RBAC permissions.',
      remediation:
        'Delete the token Secret (legacy tokens) or the service account / pod it is bound to (bound tokens stop working then), review the API server audit log, and mount projected short-lived tokens instead of copying them into files.',
      references: [
        'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
        'https://kubernetes.io/docs/concepts/security/service-accounts/#authenticating-credentials',
      ],
      keywords: ['eyj'],
      examples: {
        positive: [`SA_TOKEN=${FAKE_SA_TOKEN_LEGACY}`, `curl -H "Authorization: Bearer ${FAKE_SA_TOKEN_BOUND}" https://10.20.0.1:6443/api/v1/namespaces`],
        negative: [
          `Authorization: Bearer ${FAKE_OTHER_JWT}`,
          `token: ${FAKE_SA_TOKEN_LEGACY.split('.').slice(0, 2).join('.')}`,
          'token: eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0',
        ],
      },
    },
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    validate: (s) => {
      const [h, p] = s.split('.');
      const header = jwtSegment(h);
      const payload = jwtSegment(p);
      if (!header || typeof header.alg !== 'string' || !payload) return false;
      if (payload.iss === 'kubernetes/serviceaccount') return true;
      const k8s = payload['kubernetes.io'];
      const bound = typeof k8s === 'object' && k8s !== null && 'serviceaccount' in k8s;
      return bound || (typeof payload.sub === 'string' && payload.sub.startsWith('system:serviceaccount:'));
    },
  }),
];

export default rules;
