import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { applyPatch, parsePatch } from 'diff';
import { parseAllDocuments } from 'yaml';
import { SHARED, cli, tree } from './helpers.js';

interface JsonFinding {
  slug: string;
  dataPath: string;
  fix?: { description: string; patch: unknown[] };
  suppressed: unknown;
  resource: { kind: string; name: string };
  location: { path: string; startLine: number };
}
interface JsonReport {
  findings: JsonFinding[];
  targets: { path: string; errors: { message: string }[] }[];
  summary: { errors: number; total: number };
}

async function scanJson(dir: string, ...paths: string[]): Promise<JsonReport> {
  const r = await cli(['scan', ...(paths.length ? paths : ['.']), '--no-config', '--scanners', 'config', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 3, r.stderr);
  return JSON.parse(r.stdout) as JsonReport;
}

const fixable = (r: JsonReport) => r.findings.filter((f) => f.fix && !f.suppressed);

/** Comments as written: every `# ...` of the original must still be in the fixed file. */
const comments = (text: string): string[] => text.split('\n').flatMap((l) => (/#.*$/.exec(l)?.[0] ? [/#.*$/.exec(l)![0]] : []));

/** The source text of each YAML document. */
function documents(text: string): string[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  return list.map((d, i) => text.slice(i === 0 ? 0 : d.range[0], i === list.length - 1 ? text.length : list[i + 1]!.range[0]));
}

// A commented multi-document manifest: a Deployment, a Pod inside a List, a CronJob with flow-style securityContext,
// and a ConfigMap that no check touches.
const MANIFEST = `# Production workloads for the shop.
# Owner: team-web
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web            # the storefront
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: app
          image: "nginx:1.27"      # pinned by tag, not digest
          imagePullPolicy: IfNotPresent
          securityContext:
            privileged: true       # TODO remove
          ports:
            - containerPort: 8080

        # the sidecar ships logs
        - name: logs
          image: fluent/fluent-bit:3.0
---
# A one-off debug pod, wrapped in a List.
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: debug
      namespace: shop
    spec:
      hostNetwork: true   # needed? probably not
      containers:
      - name: shell
        image: busybox:1.36
        command: ["sleep", "3600"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: example/report:2.1
              securityContext: {runAsUser: 1000}
---
# Settings: no check has anything to fix here.
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings   # untouched
  namespace: shop
data:
  LOG_LEVEL: info
`;

describe('palisade fix: the done bar', () => {
  it('turns a failing manifest into one the same checks pass, comments and untouched documents intact, idempotent', async () => {
    const dir = tree({ 'app.yaml': MANIFEST });
    const before = await scanJson(dir);
    assert.ok(fixable(before).length >= 20, `expected many fixable findings, got ${fixable(before).length}`);
    for (const kind of ['Deployment', 'Pod', 'CronJob']) assert.ok(fixable(before).some((f) => f.resource.kind === kind), kind);

    const r = await cli(['fix', '.', '--no-config'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stdout, /^Fixed \d+ findings in 1 file/);
    assert.match(r.stdout, /Deployment\/shop\/web\s+privileged-container\s+set privileged: false in container "app"/);
    assert.match(r.stdout, /Pod\/shop\/debug\s+host-network\s+set hostNetwork: false/);
    const after = readFileSync(join(dir, 'app.yaml'), 'utf8');

    // The same checks: nothing fixable is left, and what was fixed is gone.
    const rescan = await scanJson(dir);
    assert.deepEqual(fixable(rescan).map((f) => `${f.slug} ${f.dataPath}`), []);
    assert.equal(rescan.summary.errors, 0);
    for (const slug of ['privileged-container', 'host-network', 'allow-privilege-escalation', 'seccomp-profile-missing', 'capabilities-not-dropped']) {
      assert.ok(!rescan.findings.some((f) => f.slug === slug), `${slug} still reported`);
    }

    // Every comment is still there, and the only lines that changed in place are the fixed values.
    for (const c of comments(MANIFEST)) assert.ok(after.includes(c), `comment lost: ${c}`);
    const kept = new Set(after.split('\n'));
    const gone = MANIFEST.split('\n').filter((l) => !kept.has(l));
    assert.deepEqual(gone, [
      '          imagePullPolicy: IfNotPresent',
      '            privileged: true       # TODO remove',
      '      hostNetwork: true   # needed? probably not',
      '              securityContext: {runAsUser: 1000}',
    ]);
    assert.ok(after.includes('            privileged: false       # TODO remove'));
    assert.ok(after.includes('      hostNetwork: false   # needed? probably not'));
    assert.match(after, /securityContext: \{runAsUser: 1000, allowPrivilegeEscalation: false, .*\}/);

    // Untouched documents are byte-identical; the document count is the same.
    const docsBefore = documents(MANIFEST);
    const docsAfter = documents(after);
    assert.equal(docsAfter.length, docsBefore.length);
    assert.equal(docsAfter[3], docsBefore[3]);

    // A second run finds nothing to do and changes nothing.
    const again = await cli(['fix', '.', '--no-config'], { cwd: dir });
    assert.match(again.stdout, /^Nothing fixed\./);
    assert.equal(readFileSync(join(dir, 'app.yaml'), 'utf8'), after);
    assert.equal(again.code, r.code);
  });

  it('--dry-run prints a unified diff that applies to the file and gives what fix writes, and writes nothing', async () => {
    const dir = tree({ 'deploy/app.yaml': MANIFEST });
    const file = join(dir, 'deploy/app.yaml');
    const mtime = statSync(file).mtimeMs;
    const dry = await cli(['fix', 'deploy', '--dry-run', '--no-config'], { cwd: dir });
    assert.ok(dry.code === 0 || dry.code === 1, dry.stderr);
    assert.equal(readFileSync(file, 'utf8'), MANIFEST);
    assert.equal(statSync(file).mtimeMs, mtime);
    assert.match(dry.stderr, /^Would fix \d+ findings in 1 file.*nothing written \(dry run\)/);

    const patches = parsePatch(dry.stdout);
    assert.equal(patches.length, 1);
    assert.equal(patches[0]!.oldFileName, 'a/deploy/app.yaml');
    assert.equal(patches[0]!.newFileName, 'b/deploy/app.yaml');
    assert.ok(patches[0]!.hunks.length >= 3);
    assert.match(dry.stdout, /^--- a\/deploy\/app\.yaml\n\+\+\+ b\/deploy\/app\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@/);
    const applied = applyPatch(MANIFEST, patches[0]!);
    assert.equal(typeof applied, 'string');

    const real = await cli(['fix', 'deploy', '--no-config', '--diff'], { cwd: dir });
    assert.equal(readFileSync(file, 'utf8'), applied);
    assert.equal(real.stdout, dry.stdout, '--diff prints the same diff as --dry-run');
    assert.equal(real.code, dry.code, 'the exit code is the gate on the fixed files, written or not');
  });
});

describe('palisade fix: what it refuses, and says so', () => {
  it('a file with a YAML syntax error is reported and left alone; the other files are fixed', async () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata: {name: [x\nspec:\n  hostNetwork: true\n';
    const good = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx:1.27}]\n';
    const dir = tree({ 'broken.yaml': broken, 'good.yaml': good });
    const r = await cli(['fix', '.', '--no-config', '--only', 'host-network'], { cwd: dir });
    assert.equal(r.code, 3, 'a file that cannot be read is a scan error');
    assert.match(r.stderr, /broken\.yaml:\d+: /);
    assert.equal(readFileSync(join(dir, 'broken.yaml'), 'utf8'), broken);
    assert.match(readFileSync(join(dir, 'good.yaml'), 'utf8'), /hostNetwork: false/);
  });

  it('flow-style manifests are fixed in flow style, and JSON manifests stay JSON', async () => {
    const flow = '{apiVersion: v1, kind: Pod, metadata: {name: f}, spec: {hostNetwork: true, containers: [{name: a, image: "nginx:1.27"}]}}\n';
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } }, null, 2) + '\n';
    const dir = tree({ 'flow.yaml': flow, 'pod.json': json });
    await cli(['fix', '.', '--no-config'], { cwd: dir });
    const flowAfter = readFileSync(join(dir, 'flow.yaml'), 'utf8');
    assert.equal(flowAfter.split('\n').length, 2, 'still one line');
    assert.match(flowAfter, /hostNetwork: false/);
    assert.match(flowAfter, /securityContext: \{/);
    const jsonAfter = readFileSync(join(dir, 'pod.json'), 'utf8');
    const parsed = JSON.parse(jsonAfter) as { spec: { containers: { securityContext: Record<string, unknown> }[] } };
    assert.equal(parsed.spec.containers[0]!.securityContext.allowPrivilegeEscalation, false);
    const rescan = await scanJson(dir);
    assert.deepEqual(fixable(rescan).map((f) => `${f.location.path} ${f.slug}`), []);
  });

  it('anchors reused by aliases are refused with the reason; the rest of the file is still fixed', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  hostNetwork: true
  containers:
    - name: a
      image: nginx:1.27
      securityContext: &hardened
        runAsNonRoot: true
    - name: b
      image: nginx:1.27
      securityContext: *hardened
`;
    const dir = tree({ 'pod.yaml': text });
    const r = await cli(['fix', '.', '--no-config'], { cwd: dir });
    const after = readFileSync(join(dir, 'pod.yaml'), 'utf8');
    assert.match(after, /hostNetwork: false/);
    assert.match(after, /securityContext: &hardened\n {8}runAsNonRoot: true\n/, 'the anchored mapping is not edited');
    assert.match(after, /securityContext: \*hardened\n/);
    assert.match(r.stdout, /Not fixed/);
    assert.match(r.stdout, /anchor &hardened, reused elsewhere by an alias; edit it by hand|alias \(\*hardened\); edit its anchor by hand/);
  });

  it('Helm chart templates and stdin are refused', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx:1.27}]\n';
    const dir = tree({ 'chart/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n', 'chart/templates/pod.yaml': pod });
    const r = await cli(['fix', 'chart/templates/pod.yaml', '--no-config'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'chart/templates/pod.yaml'), 'utf8'), pod);
    assert.match(r.stdout, /a Helm chart template: change the chart instead/);
    const stdin = await cli(['fix', '-'], { cwd: dir });
    assert.equal(stdin.code, 2);
    assert.match(stdin.stderr, /cannot read stdin/);
  });

  it('Kubernetes objects derived from Terraform are refused: the .tf file is the source', async () => {
    const tf = `resource "kubernetes_deployment" "web" {
  metadata {
    name = "web"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "web"
          image = "nginx:1.27"
          security_context {
            privileged = true
          }
        }
      }
    }
  }
}
`;
    const dir = tree({ 'infra/main.tf': tf });
    const r = await cli(['fix', 'infra', '--no-config', '--only', 'privileged-container'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'infra/main.tf'), 'utf8'), tf);
    assert.match(r.stdout, /Not fixed \(1\)/);
    assert.match(r.stdout, /derived from terraform \(kubernetes_deployment kubernetes_deployment\.web\): fix the source instead/);
  });

  it('waived findings are not fixed', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    palisade.dev/waive: host-network
    palisade.dev/waive-reason: "the node agent needs the host network"
spec:
  hostNetwork: true
  containers: [{name: a, image: nginx:1.27}]
`;
    const dir = tree({ 'pod.yaml': pod });
    await cli(['fix', '.', '--no-config', '--only', 'host-network,privileged-container'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'pod.yaml'), 'utf8'), pod);
  });
});

describe('palisade fix: options, exit codes, files', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';

  it('--only applies the fixes of the named checks and nothing else', async () => {
    const dir = tree({ 'pod.yaml': POD });
    const r = await cli(['fix', '.', '--no-config', '--only', 'PAL-K8S-0001'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'pod.yaml'), 'utf8'), POD.replace('privileged: true', 'privileged: false'));
    assert.match(r.stdout, /^Fixed 1 finding in 1 file:/);
    const bad = await cli(['fix', '.', '--only', 'no-such-check'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--only: unknown check "no-such-check"/);
  });

  it('exit code: the scan gate on the fixed files (0 when nothing at/above --fail-on remains, 1 otherwise)', async () => {
    const dir = tree({ 'pod.yaml': POD });
    // host-network and privileged are high/critical and fixable: after fixing, nothing high remains.
    const high = await cli(['fix', '.', '--no-config', '--fail-on', 'high', '--dry-run'], { cwd: dir });
    assert.equal(high.code, 0, high.stderr);
    // Resource limits have no automatic fix: with --fail-on low they remain and fail the gate.
    const low = await cli(['fix', '.', '--no-config', '--fail-on', 'low', '--dry-run'], { cwd: dir });
    assert.equal(low.code, 1);
    assert.match(low.stderr, /\d+ findings remain after these fixes/);
    const usage = await cli(['fix', '.', '--fail-on', 'severe'], { cwd: dir });
    assert.equal(usage.code, 2);
    const help = await cli(['fix', '--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: palisade fix/);
  });

  it('writes through a symlink into its target, keeps the file mode and CRLF line endings', async () => {
    const crlf = POD.replace(/\n/g, '\r\n');
    const dir = tree({ 'real/pod.yaml': crlf });
    chmodSync(join(dir, 'real/pod.yaml'), 0o640);
    symlinkSync(join(dir, 'real/pod.yaml'), join(dir, 'link.yaml'));
    await cli(['fix', 'link.yaml', '--no-config', '--only', 'privileged-container,allow-privilege-escalation'], { cwd: dir });
    assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink());
    const after = readFileSync(join(dir, 'real/pod.yaml'), 'utf8');
    assert.match(after, /privileged: false\r\n {8}allowPrivilegeEscalation: false\r\n$/);
    assert.ok(!/[^\r]\n/.test(after), 'every line ends with CRLF');
    assert.equal(statSync(join(dir, 'real/pod.yaml')).mode & 0o777, 0o640);
    assert.deepEqual(
      readdirSync(join(dir, 'real')).filter((f) => f.includes('palisade-fix')),
      [],
      'no temp file left behind',
    );
  });

  it('a byte order mark stays, and the rescan reads the edited file like the scanner reads files', async () => {
    const dir = tree({ 'pod.yaml': '\uFEFF' + POD });
    const r = await cli(['fix', '.', '--no-config', '--only', 'privileged-container,allow-privilege-escalation', '--fail-on', 'critical'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const after = readFileSync(join(dir, 'pod.yaml'), 'utf8');
    assert.ok(after.startsWith('\uFEFF'));
    // Two rounds: allow-privilege-escalation is offered once privileged is false.
    assert.match(after, /privileged: false\n {8}allowPrivilegeEscalation: false\n$/);
    assert.match(r.stdout, /\(2 rounds\)/);
  });

  it('a fix computed across documents: a List item and a top-level object in one file', async () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    hostPID: true\n    containers: [{name: a, image: nginx:1.27}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostPID: true\n  containers: [{name: a, image: nginx:1.27}]\n';
    const dir = tree({ 'two.yaml': text });
    await cli(['fix', '.', '--no-config', '--only', 'host-pid'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'two.yaml'), 'utf8'), text.replace(/hostPID: true/g, 'hostPID: false'));
  });
});

describe('palisade fix on the real Kubernetes corpus (a sample)', () => {
  const corpus = join(SHARED, 'corpus', 'k8s');
  it('fixes without breaking a document, losing a comment or leaving a fixable finding, and a second run does nothing', { skip: !existsSync(corpus) }, async () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(e.name) && !p.includes('/templates/') && !p.includes('/charts/')) files.push(p);
      }
    };
    walk(corpus);
    files.sort();
    // Every 40th manifest: a spread over the repositories, small enough for a unit run.
    const sample = files.filter((_, i) => i % 40 === 0);
    const dir = tree({});
    for (const f of sample) {
      const to = join(dir, relative(corpus, f));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(f, to);
    }
    const before = await scanJson(dir);
    await cli(['fix', '.', '--no-config'], { cwd: dir });
    const after = await scanJson(dir);
    assert.equal(after.summary.errors, before.summary.errors, 'no new parse errors');
    const left = fixable(after);
    assert.ok(left.length <= fixable(before).length / 50, `fixable findings left: ${left.map((f) => `${f.location.path} ${f.slug}`).join(', ')}`);
    let changed = 0;
    for (const f of sample) {
      const a = readFileSync(f, 'utf8');
      const b = readFileSync(join(dir, relative(corpus, f)), 'utf8');
      if (a === b) continue;
      changed++;
      for (const c of comments(a)) assert.ok(b.includes(c), `${relative(corpus, f)}: comment lost: ${c}`);
      assert.equal(documents(b).length, documents(a).length, `${relative(corpus, f)}: document count`);
    }
    assert.ok(changed > 10, `only ${changed} of ${sample.length} files changed`);
    const snapshot = sample.map((f) => readFileSync(join(dir, relative(corpus, f)), 'utf8'));
    await cli(['fix', '.', '--no-config'], { cwd: dir });
    assert.deepEqual(
      sample.map((f) => readFileSync(join(dir, relative(corpus, f)), 'utf8')),
      snapshot,
      'idempotent',
    );
    writeFileSync(join(dir, '.done'), '');
  });
});
