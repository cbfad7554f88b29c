#!/usr/bin/env node
// Generates the planted-secrets tree for the secret-scanning benchmark (bench/secrets.mjs).
//
//   node bench/planted.mjs [outDir]          # default bench/.out/planted (needs `npm run build`: reads dist/secrets)
//
// For every built-in secret rule, every positive example is planted in realistic files:
//   native      the example as written, in the file type it comes from (.env, .yaml, .json, .sh, .py, .tf, PEM, ...)
//   env         `NAME=value` in a .env file                 ┐ only when the example is one `name = value` /
//   yaml        `NAME: "value"` in an app config.yaml       │ `name: value` line (or a container env entry)
//   k8s-env     a Deployment container env value           │ whose value needs no escaping: the secret keeps
//   json        `"NAME": "value"` in settings.json         │ the example's own variable name as context; a
//   shell       `export NAME='value'` in a deploy script   │ variant the native file already is (an .env
//   terraform   a kubernetes_secret's data map in main.tf  ┘ example) is not repeated
//   configmap   the native file embedded in a ConfigMap (block scalar)
//   k8s-secret  the native file base64-encoded in a Secret's data (the line of the data key)
// Decoys: every negative example of every rule, in the same variants but k8s-secret (gitleaks reports any inline
// Secret data whatever it holds), under tree/decoys/: findings there are false positives (near misses: placeholders,
// truncated keys, docs prose, vendor-documented sample keys).
//
// Output: <outDir>/tree/{secrets,decoys}/<slug>/<n>/... and <outDir>/truth.json (outside the scanned tree, since it
// holds the secrets): one entry per planted secret {file, line, endLine, column, ruleId, slug, variant, example,
// secret}. file is relative to <outDir>/tree. The secrets are the rules' own synthetic examples, not real credentials.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.PALISADE_DIST ?? join(repoRoot, 'dist');

/** Offset in text of a 1-based line/column. */
function offsetOf(text, line, column) {
  let off = 0;
  for (let l = 1; l < line; l++) off = text.indexOf('\n', off) + 1;
  return off + column - 1;
}

/** The secret of a positive example: the text the rule's own hit covers in it. */
function secretOf(scanText, rule, example) {
  const hits = scanText(example, [rule]);
  if (hits.length !== 1) return null;
  const h = hits[0];
  return example.slice(offsetOf(example, h.startLine, h.startColumn), offsetOf(example, h.endLine, h.endColumn));
}

// ---- native file type of an example ------------------------------------------------------------------------------
/** { name, wrap(example) → content } for the example's own kind of file. */
function nativeOf(ex) {
  const first = ex.split('\n')[0];
  const lines = (...l) => l.join('\n') + '\n';
  const env = (body) => lines('# application settings', 'APP_ENV=production', 'LOG_LEVEL=info', body, 'PORT=8080');
  const sh = (body) => lines('#!/usr/bin/env bash', 'set -euo pipefail', '', body, '', 'echo "done"');
  const py = (body) => lines('import os', 'import logging', '', 'logging.basicConfig(level=logging.INFO)', body, '', 'print("ready")');
  const js = (body) => lines("'use strict';", '', body, '', 'module.exports = {};');
  const yaml = (body) => lines('# service configuration', '---', body);
  if (/^-----BEGIN [A-Z ]*PRIVATE KEY/.test(first)) return { name: 'server.key', content: ex.endsWith('\n') ? ex : ex + '\n' };
  if (/^PuTTY-User-Key-File/.test(first)) return { name: 'deploy.ppk', content: ex + '\n' };
  if (/^# created: .*\n# public key: age1/.test(ex)) return { name: 'keys.txt', content: ex + '\n' };
  if (/^\s*[{[]/.test(first) && (() => { try { JSON.parse(ex); return true; } catch { return /^\{/.test(first); } })()) return { name: 'credentials.json', content: ex + '\n' };
  if (/^\s*"[^"]+"\s*:/.test(first)) return { name: 'appsettings.json', content: lines('{', '  "tenantId": "contoso.onmicrosoft.com",', ex.replace(/,\s*$/, '') + ',', '  "logLevel": "Information"', '}') };
  if (/^\[pypi\]/.test(first)) return { name: '.pypirc', content: lines('[distutils]', 'index-servers =', '  pypi', '', ex) };
  if (/^\[DEFAULT\]/.test(first)) return { name: '.databrickscfg', content: ex + '\n' };
  if (/^\[auth\]/.test(first)) return { name: '.sentryclirc', content: lines('[defaults]', 'org=acme', '', ex) };
  if (/^\s*<string /.test(first)) return { name: 'strings.xml', content: lines('<?xml version="1.0" encoding="utf-8"?>', '<resources>', '  <string name="app_name">Acme</string>', ex, '</resources>') };
  if (/^\s*</.test(first)) return { name: 'settings.xml', content: lines('<?xml version="1.0" encoding="UTF-8"?>', '<settings>', '  <servers>', ex, '  </servers>', '</settings>') };
  if (/^(RUN|ENV|FROM|ARG) /.test(first)) return { name: 'Dockerfile', content: lines('FROM python:3.12-slim', 'WORKDIR /app', ex, 'COPY . .', 'CMD ["python", "main.py"]') };
  if (/^(provider|resource|credentials|variable|locals|module) /.test(first)) return { name: /^credentials /.test(first) ? 'terraform.rc' : 'main.tf', content: lines('# managed by terraform', '', ex) };
  if (/^machine /.test(first)) return { name: '.netrc', content: lines('machine registry.acme.io', '  login deploy', '  password $REGISTRY_PASSWORD_FROM_ENV', ex).replace('  password $REGISTRY_PASSWORD_FROM_ENV\n', '') };
  if (/^\/\/registry/.test(first)) return { name: '.npmrc', content: lines('registry=https://registry.npmjs.org/', 'always-auth=true', ex) };
  if (/^proxy_set_header /.test(first)) return { name: 'nginx.conf', content: lines('server {', '  listen 80;', '  location / {', '    proxy_pass http://backend;', `    ${ex}`, '  }', '}') };
  if (/^(export |curl |git |echo |vault |huggingface-cli |gitlab-runner |dotnet |kubectl |docker |wrangler |python |\s+--)/.test(first)) {
    if (/^\s+--/.test(first)) return { name: 'register-runner.sh', content: sh(`gitlab-runner register \\\n  --non-interactive \\\n${ex}\n  --executor docker`) };
    return { name: 'deploy.sh', content: sh(ex) };
  }
  if (/^[a-z][\w-]*(\.[\w-]+)+\s*=/.test(first)) return { name: 'application.properties', content: lines('server.port=8080', 'spring.application.name=billing', ex, 'logging.level.root=INFO') };
  if (/^(const |import |from |let |var |mongoose|client\.|await )/.test(first) && /(require\(|await |const |mongoose|;\s*$)/.test(ex) && !/^(import|from) \w/.test(first)) return { name: 'index.js', content: js(ex) };
  if (/Square::|^config\./.test(ex)) return { name: 'config.rb', content: lines("require 'bundler/setup'", '', ex) };
  if (/^(import |from |client = |gateway = |engine = |headers = |[A-Z_]+ = ")/.test(first)) return { name: 'settings.py', content: py(ex) };
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) return { name: '.env', content: env(ex) };
  if (/^\s+- (uses|run|name):/.test(first)) return { name: 'release.yml', content: lines('name: release', 'on:', '  push:', '    tags: ["v*"]', 'jobs:', '  release:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', ex) };
  if (/^aws_\w+ = /.test(first)) return { name: 'credentials', content: lines('[default]', 'region = eu-west-1', ex) };
  if (/^[a-z_]\w* = /.test(first)) return { name: 'terraform.tfvars', content: lines('region      = "eu-west-1"', 'environment = "prod"', ex) };
  if (/^(apiVersion|kind):/m.test(ex)) return { name: 'manifest.yaml', content: lines('# deployed by argocd', ex) };
  if (/^(---|:?[\w.-]+:(\s|$)|- |\s+[\w.-]+:)/.test(first)) return { name: 'values.yaml', content: yaml(ex) };
  return { name: 'NOTES.md', content: lines('# Operations notes', '', ex, '', 'Ask #platform for access.') };
}

// ---- key/value form of an example ------------------------------------------------------------------------------
/**
 * { name, value } when the example is one assignment (or a container env entry) whose value needs no escaping; else
 * null. The key/value variants keep the example's own variable name as the secret's context.
 */
function keyValueOf(ex, secret) {
  if (secret.includes('\n')) return null;
  const at = ex.indexOf(secret);
  if (at < 0) return null;
  const ls = ex.lastIndexOf('\n', at) + 1;
  const le = ex.indexOf('\n', at);
  const line = ex.slice(ls, le < 0 ? ex.length : le);
  const prev = ex.slice(0, Math.max(0, ls - 1)).split('\n').pop() ?? '';
  let m =
    /^\s*(?:export\s+)?([A-Za-z_][\w.]*)\s*=\s*(.+?)\s*;?$/.exec(line) ??
    /^\s*-?\s*["']?([\w.-]+)["']?\s*:\s+(.+?)\s*,?$/.exec(line) ??
    /^\s*ENV\s+(\w+)\s+(.+)$/.exec(line);
  if (!m) return null;
  let [, name, value] = m;
  const q = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  if (q) value = q[1];
  if (name === 'value') {
    const n = /name:\s*["']?([\w.-]+)/.exec(prev);
    if (!n) return null;
    name = n[1];
  } else if (ex.trim().includes('\n')) {
    // A multi-line example (a kubeconfig, a Docker config.json, a Helm values block): its structure is the secret's
    // context, which one `name = value` line would lose.
    return null;
  }
  if (!/^[A-Za-z_][\w.-]*$/.test(name) || /["'\\`]/.test(value) || !value.includes(secret) || /\s#/.test(value)) return null;
  return { name, value };
}

/** The variants of one example: [{ variant, file (relative to the example's dir), content, find }]; find locates the secret. */
function variantsOf(ex, secret, n, { decoy = false } = {}) {
  const out = [];
  const native = nativeOf(ex);
  out.push({ variant: 'native', file: native.name, content: native.content });
  const kv = keyValueOf(ex, secret);
  if (kv) {
    const { name, value } = kv;
    const tfIdent = /^[A-Za-z_][\w-]*$/.test(name);
    const envValue = /[\s$]/.test(value) ? `'${value}'` : value;
    out.push({ variant: 'env', file: '.env', content: `# local overrides\nNODE_ENV=production\n${name}=${envValue}\nHTTP_PORT=3000\n` });
    out.push({ variant: 'yaml', file: 'config.yaml', content: `server:\n  port: 8080\napp:\n  region: eu-west-1\n  ${name}: "${value}"\n  retries: 3\n` });
    out.push({
      variant: 'k8s-env',
      file: 'k8s-deployment.yaml',
      content: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: api-${n}`,
        '  namespace: prod',
        'spec:',
        '  replicas: 2',
        '  selector:',
        '    matchLabels:',
        `      app: api-${n}`,
        '  template:',
        '    metadata:',
        '      labels:',
        `        app: api-${n}`,
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: registry.acme.io/api:1.4.2',
        '          env:',
        '            - name: LOG_LEVEL',
        '              value: info',
        `            - name: ${name}`,
        `              value: "${value}"`,
        '          ports:',
        '            - containerPort: 8080',
        '',
      ].join('\n'),
    });
    out.push({ variant: 'json', file: 'settings.json', content: `{\n  "service": "api",\n  "region": "eu-west-1",\n  "${name}": "${value}",\n  "timeoutMs": 5000\n}\n` });
    if (!value.includes("'"))
      out.push({ variant: 'shell', file: 'deploy.sh', content: `#!/usr/bin/env bash\nset -euo pipefail\n\nexport ${name}='${value}'\n./bin/release --env prod\n` });
    if (tfIdent && !/[$%]\{/.test(value))
      out.push({
        variant: 'terraform',
        file: 'main.tf',
        content: `resource "kubernetes_secret" "app" {\n  metadata {\n    name      = "app-env"\n    namespace = "prod"\n  }\n\n  data = {\n    ${name} = "${value}"\n  }\n}\n`,
      });
  }
  const key = native.name.replace(/^\./, 'dot-');
  const indented = native.content.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : `    ${l}`)).join('\n');
  out.push({ variant: 'configmap', file: 'k8s-configmap.yaml', content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-files-${n}\n  namespace: prod\ndata:\n  ${key}: |\n${indented}\n` });
  // Not for decoys: an inline Secret `data` value is itself reported by gitleaks' kubernetes-secret-yaml rule,
  // whatever it holds, so it is no near miss.
  if (!decoy)
    out.push({
      variant: 'k8s-secret',
      file: 'k8s-secret.yaml',
      content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secret-${n}\n  namespace: prod\ntype: Opaque\ndata:\n  ${key}: ${Buffer.from(native.content).toString('base64')}\n`,
      dataKeyLine: 8,
    });
  // The native file already is that kind of file (an .env example, a shell line): keep the native one only.
  return out.filter((v) => v.variant === 'native' || v.file !== native.name);
}

/** 1-based line range of the secret in content; null when it is not there verbatim (nor its first line). */
function locate(content, secret) {
  let at = content.indexOf(secret);
  const parts = secret.split('\n');
  if (at < 0 && parts.length > 1) at = content.indexOf(parts[0]);
  if (at < 0) return null;
  const before = content.slice(0, at);
  const line = before.split('\n').length;
  return { line, endLine: line + parts.length - 1, column: at - before.lastIndexOf('\n') };
}

export async function generatePlanted(outDir = join(repoRoot, 'bench', '.out', 'planted')) {
  const { BUILTIN_SECRET_RULES } = await import(pathToFileURL(join(dist, 'secrets', 'rules', 'index.js')).href);
  const { scanText } = await import(pathToFileURL(join(dist, 'secrets', 'engine.js')).href);
  const tree = join(outDir, 'tree');
  rmSync(outDir, { recursive: true, force: true });
  const truth = [];
  const decoys = [];
  const problems = [];
  let n = 0;
  const write = (rel, content) => {
    const p = join(tree, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  };
  for (const rule of BUILTIN_SECRET_RULES) {
    const { id, slug } = rule.meta;
    rule.meta.examples.positive.forEach((ex, i) => {
      const secret = secretOf(scanText, rule, ex);
      if (secret === null) {
        problems.push(`${id} positive #${i}: the rule does not produce exactly one hit on its own example`);
        return;
      }
      n++;
      for (const v of variantsOf(ex, secret, n)) {
        const file = `secrets/${slug}/${i}/${v.file}`;
        write(file, v.content);
        const at = v.dataKeyLine ? { line: v.dataKeyLine, endLine: v.dataKeyLine, column: 3 } : locate(v.content, secret);
        if (!at) {
          problems.push(`${id} positive #${i} (${v.variant}): secret not found verbatim in the generated file`);
          continue;
        }
        truth.push({ file, ...at, ruleId: id, slug, variant: v.variant, example: i, secret });
      }
    });
    rule.meta.examples.negative.forEach((ex, i) => {
      n++;
      // Variants of a negative: the same shapes; the "secret" for the key/value form is the whole value.
      const kvLine = ex.split('\n').find((l) => /[=:]\s*\S/.test(l)) ?? '';
      const val = /[=:]\s*["']?([^"'\s]+)/.exec(kvLine)?.[1] ?? '\u0000';
      for (const v of variantsOf(ex, val, n, { decoy: true })) {
        const file = `decoys/${slug}/${i}/${v.file}`;
        write(file, v.content);
        decoys.push({ file, ruleId: id, slug, variant: v.variant, example: i });
      }
    });
  }
  const out = {
    generated: new Date().toISOString(),
    tree,
    rules: BUILTIN_SECRET_RULES.length,
    peers: Object.fromEntries(BUILTIN_SECRET_RULES.map((r) => [r.meta.id, r.meta.peers.filter((p) => p.tool === 'gitleaks').map((p) => p.id)])),
    truth,
    decoyFiles: decoys,
    problems,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'truth.json'), JSON.stringify(out, null, 2) + '\n');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(repoRoot, 'bench', '.out', 'planted'));
  const r = await generatePlanted(outDir);
  const byVariant = {};
  for (const t of r.truth) byVariant[t.variant] = (byVariant[t.variant] ?? 0) + 1;
  console.log(`planted: ${r.truth.length} secrets (${Object.entries(byVariant).map(([k, v]) => `${k} ${v}`).join(', ')}) from ${r.rules} rules; ${r.decoyFiles.length} decoy files`);
  console.log(`tree: ${r.tree}\ntruth: ${join(outDir, 'truth.json')}`);
  for (const p of r.problems) console.log(`warning: ${p}`);
}
