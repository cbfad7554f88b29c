import { defineCheck } from '../../define-check.js';
import { interpolated, SERVICE_KINDS, stringField } from '../../_lib/compose.js';

/** `0`, `root`, `0:0`, `root:wheel`, …: the user part decides. */
function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === '0' || name === 'root';
}

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0014',
    slug: 'compose-runs-as-root',
    title: 'Service runs as root, or does not say which user it runs as',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...SERVICE_KINDS],
    description:
      'A service sets `user` to root (`root`, `0`, `0:0`, `root:<group>`), or sets no `user` at all, in which case it runs as whatever user the image names, which is root for most images. A compose file cannot tell what the image says, so the missing case is reported too (the image may well set a non-root USER: waive it then). A `user` built from a variable that is unset where the scan runs is not judged.',
    rationale:
      'Root in a container is root on the host as far as the kernel is concerned (unless the daemon remaps users): a container escape, a writable host mount or a kernel bug turns into full control of the host. Running as an unprivileged user removes most of that. Same concept as PAL-K8S-0028 and PAL-K8S-0029.',
    remediation: `Run the service as an unprivileged numeric user (and make the image's files readable by it).

\`\`\`yaml
services:
  app:
    image: example/app:1.0
    user: "10001:10001"
\`\`\``,
    references: ['https://docs.docker.com/reference/compose-file/services/#user', 'https://docs.docker.com/engine/security/#linux-kernel-capabilities', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-2-set-a-user'],
    peers: [],
    messages: {
      root: 'Service "{{service}}" runs as root (user: {{user}}).',
      unset: 'Service "{{service}}" does not set a user: it runs as the image\'s user, root unless the image says otherwise.',
    },
    examples: {
      good: `services:
  app:
    image: example/app:1.0
    user: "1000:1000"
`,
      bad: `services:
  app:
    image: example/app:1.0
    user: root
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value.user;
    if (v === undefined || v === null) {
      ctx.report({ path: [], messageId: 'unset', data: { service: obj.name } });
      return;
    }
    const origin = interpolated(obj, ['user']);
    if (origin && origin.unset.length > 0) return;
    const user = stringField(v);
    if (user === undefined) return;
    if (user === '') ctx.report({ path: ['user'], messageId: 'unset', data: { service: obj.name } });
    else if (isRootUser(user)) ctx.report({ path: ['user'], messageId: 'root', data: { service: obj.name, user } });
  },
});
