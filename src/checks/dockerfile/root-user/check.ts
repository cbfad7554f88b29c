import { defineCheck } from '../../define-check.js';
import { dockerfileOf, finalImageStages, hasVariable, isRootUser, lastInFinalImage } from '../../_lib/dockerfile.js';

export default defineCheck({
  meta: {
    target: 'dockerfile',
    id: 'PAL-DOCKER-0001',
    slug: 'root-user',
    title: 'Image runs as root: the last USER of the final stage is root',
    severity: 'high',
    category: 'iam',
    kinds: ['Dockerfile'],
    description:
      'The last `USER` instruction of the image that `docker build` produces is `root` or UID `0` (with or without a group). Only the final stage counts, together with the stages it is built `FROM`: a `USER root` in a build-only stage does not reach the image. A Dockerfile without any `USER` is reported by user-missing (PAL-DOCKER-0002); a user given as a variable (`USER ${APP_UID}`) is not judged.',
    rationale:
      'A process running as root inside a container is root on the host\'s kernel: any container escape, mounted host path or writable `/proc` entry is then a root compromise of the node. Orchestrators can force a non-root user, but the image\'s own default is what runs wherever they do not.',
    remediation: `Create an unprivileged user and switch to it at the end of the final stage; use root only in the instructions that need it.

\`\`\`dockerfile
FROM debian:12-slim
RUN useradd --system --uid 10001 --no-log-init app
USER root
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
USER 10001
\`\`\``,
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://docs.docker.com/build/building/best-practices/#user', 'https://avd.aquasec.com/misconfig/ds002'],
    peers: [
      { tool: 'hadolint', id: 'DL3002', match: 'same' },
      { tool: 'checkov', id: 'CKV_DOCKER_8', match: 'same' },
      { tool: 'trivy', id: 'DS002', match: 'partial' },
    ],
    messages: { root: 'The image runs as "{{user}}": the last USER of the final stage is root.' },
    examples: {
      good: 'FROM node:20-alpine\nUSER root\nRUN apk add --no-cache tini\nUSER node\nCMD ["node", "app.js"]\n',
      bad: 'FROM node:20-alpine\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "app.js"]\n',
    },
  },
  run(obj, ctx) {
    const df = dockerfileOf(obj);
    if (!df || finalImageStages(df).length === 0) return;
    const last = lastInFinalImage(df, 'USER');
    if (!last) return;
    const user = last.ins.arguments[0] ?? '';
    if (hasVariable(user) || !isRootUser(user)) return;
    ctx.report({ path: last.path, data: { user } });
  },
});
