import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, cli, tree } from './helpers.js';
import { reportValidator, sarifValidator } from './schemas.js';

interface JsonFinding {
  checkId: string;
  slug: string;
  severity: string;
  message: string;
  dataPath: string;
  location: { path: string; startLine: number; startColumn: number };
  resource: { kind: string; name: string };
  suppressed: null | { by: string };
}
const report = (s: string) =>
  JSON.parse(s) as { findings: JsonFinding[]; targets: { path: string; errors: { code: string; checkId?: string; message: string }[] }[]; summary: { errors: number } };

const DEPLOYMENT = (name: string, labels = '', image = 'registry.acme.example/web:1.0.0') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${labels ? `\n  labels:\n${labels}` : ''}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: app
          image: ${image}
`;

const TEAM_POLICY = `import { definePolicy } from 'palisade';
import { LABEL } from './label.js';

export default definePolicy({
  id: 'ACME-0001',
  title: 'Workload has no owning team',
  severity: 'high',
  kinds: ['Deployment'],
  options: { label: LABEL, minReplicas: 1 },
  validate(object, ctx) {
    if (!object.labels[ctx.options.label]) {
      ctx.report({ path: 'metadata.labels', message: '{{kind}} "{{name}}" has no {{label}} label', data: { kind: object.kind, name: object.name, label: ctx.options.label } });
    }
  },
});
`;

const LABEL_HELPER = `export const LABEL: string = 'team';\n`;

/** The scan's own findings of custom policies (built-in checks run too). */
const custom = (fs: JsonFinding[]) => fs.filter((f) => !f.checkId.startsWith('PAL-'));

describe('TypeScript policies through palisade scan', () => {
  it('a policy (with its own helper import) produces located findings; SARIF has its rule; JSON is schema-valid', async () => {
    const dir = tree({ 'policies/team/policy.ts': TEAM_POLICY, 'policies/team/label.ts': LABEL_HELPER, 'deploy/web.yaml': DEPLOYMENT('web'), 'deploy/api.yaml': DEPLOYMENT('api', '    team: core') });
    const r = await cli(['scan', 'deploy', '--policy', 'policies/team', '--scanners', 'config', '-f', 'json', '-f', 'sarif=out.sarif', '--fail-on', 'high'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const json = report(r.stdout);
    const mine = custom(json.findings);
    assert.equal(mine.length, 1);
    assert.deepEqual(
      [mine[0]!.checkId, mine[0]!.slug, mine[0]!.severity, mine[0]!.message, mine[0]!.dataPath, mine[0]!.location.path, mine[0]!.location.startLine],
      ['ACME-0001', 'acme-0001', 'high', 'Deployment "web" has no team label', 'metadata.labels', 'deploy/web.yaml', 3],
    );
    const validReport = reportValidator();
    assert.ok(validReport(JSON.parse(r.stdout)), JSON.stringify(validReport.errors?.slice(0, 3)));
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string }[] }[] };
    const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'ACME-0001');
    assert.equal(rule?.shortDescription.text, 'Workload has no owning team');
    assert.ok(sarif.runs[0]!.results.some((x) => x.ruleId === 'ACME-0001'));
    const validSarif = sarifValidator();
    assert.ok(validSarif(sarif), JSON.stringify(validSarif.errors?.slice(0, 3)));
  });

  it('config `policies:` loads them; checks.options, checks.severity and checks.disable apply by ID or slug', async () => {
    const files = { 'policies/team/policy.ts': TEAM_POLICY, 'policies/team/label.ts': LABEL_HELPER, 'deploy/web.yaml': DEPLOYMENT('web', '    team: core') };
    const run = async (config: string) => {
      const dir = tree({ ...files, '.palisade.yaml': `policies: [policies]\n${config}` });
      const r = await cli(['scan', 'deploy', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
      return { r, mine: r.code === 0 ? custom(report(r.stdout).findings) : [] };
    };
    assert.equal((await run('')).mine.length, 0);
    const opts = await run('checks:\n  options:\n    ACME-0001: { label: owner }\n  severity:\n    acme-0001: low\n');
    assert.equal(opts.mine.length, 1, opts.r.stderr);
    assert.equal(opts.mine[0]!.severity, 'low');
    assert.match(opts.mine[0]!.message, /no owner label/);
    assert.equal((await run('checks:\n  options:\n    ACME-0001: { label: owner }\n  disable: [ACME-0001]\n')).mine.length, 0);
    const bad = await run('checks:\n  options:\n    ACME-0001: { label: 3, nope: true }\n');
    assert.equal(bad.r.code, 2);
    assert.match(bad.r.stderr, /\.palisade\.yaml:4:\d+: checks\.options\.ACME-0001\.label: .*expected string/);
    assert.match(bad.r.stderr, /nope/);
  });

  it('waivers apply to custom findings like built-in ones', async () => {
    const dir = tree({
      'p/policy.ts': TEAM_POLICY,
      'p/label.ts': LABEL_HELPER,
      'deploy/web.yaml': DEPLOYMENT('web'),
      '.palisade/waivers.yaml': 'waivers:\n  - checks: [ACME-0001]\n    resource: { name: web }\n    reason: migrating to the new label scheme\n    owner: team-web\n    expires: 2027-01-31\n',
    });
    const r = await cli(['scan', 'deploy', '--policy', 'p', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    const mine = custom(report(r.stdout).findings);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.suppressed?.by, 'waiver-file');
  });

  it('a syntax error is a located configuration error (exit 2)', async () => {
    const dir = tree({ 'p/policy.ts': "import { definePolicy } from 'palisade';\n\nexport default definePolicy({\n  id: 'ACME-0009',\n  title: 'broken' +,\n});\n", 'd.yaml': DEPLOYMENT('web') });
    const r = await cli(['scan', 'd.yaml', '--policy', 'p/policy.ts'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /p\/policy\.ts:5:20: Unexpected ","/);
  });

  it('an invalid definition, a missing import and an unwrapped export are located errors naming the problem', async () => {
    const dir = tree({
      'a.policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({\n  id: 'PAL-K8S-9999',\n  title: 'x',\n  severty: 'high',\n  kinds: ['Pod'],\n  validate() {},\n});\n",
      'b.policy.ts': "import { helper } from './missing.js';\nexport default helper;\n",
      'c.policy.js': "export default { id: 'ACME-0003', title: 'plain', severity: 'low', kinds: ['Pod'], validate() {} };\n",
      'd.policy.mjs': 'export const answer = 42;\n',
      'e.policy.mjs': "throw new Error('no config service at load time');\n",
      'd.yaml': DEPLOYMENT('web'),
    });
    const r = await cli(['scan', 'd.yaml', '--policy', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.policy\.ts:3:7: policy PAL-K8S-9999: id: id must be/);
    assert.match(r.stderr, /a\.policy\.ts:3:7: policy PAL-K8S-9999: Unrecognized key: "severty"/);
    assert.match(r.stderr, /a\.policy\.ts:3:7: policy PAL-K8S-9999: title: title must have at least 3 characters/);
    assert.match(r.stderr, /b\.policy\.ts:1:\d+: Could not resolve "\.\/missing\.js"/);
    assert.match(r.stderr, /c\.policy\.js:1:\d+: export default looks like a policy but is not wrapped in definePolicy\(\)/);
    assert.match(r.stderr, /d\.policy\.mjs:1:1: exports no policy/);
    assert.match(r.stderr, /e\.policy\.mjs:1:1: loading the policy failed: no config service at load time/);
  });

  it('a policy that throws, mutates the object or returns a Promise is an error result on that file (exit 3), other policies still run', async () => {
    const dir = tree({
      'p/throws.policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'ACME-0010', title: 'throws', severity: 'low', kinds: ['Deployment'], validate(o) { if (o.name === 'web') throw new Error('boom'); } });\n",
      'p/mutates.policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'ACME-0011', title: 'mutates', severity: 'low', kinds: ['Deployment'], validate(o) { (o.value as any).spec.replicas = 5; } });\n",
      'p/async.policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'ACME-0012', title: 'async', severity: 'low', kinds: ['Deployment'], async validate() {} });\n",
      'p/fine.policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'ACME-0013', title: 'always', severity: 'low', kinds: ['Deployment'], validate(o, ctx) { ctx.report({ path: ['spec', 'replicas'] }); } });\n",
      'd.yaml': DEPLOYMENT('web'),
    });
    const r = await cli(['scan', 'd.yaml', '--policy', 'p', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(r.code, 3, r.stderr);
    const json = report(r.stdout);
    const errors = json.targets.find((t) => t.path === 'd.yaml')!.errors;
    assert.deepEqual(errors.map((e) => e.checkId).sort(), ['ACME-0010', 'ACME-0011', 'ACME-0012']);
    assert.match(errors.find((e) => e.checkId === 'ACME-0010')!.message, /Deployment\/web: boom/);
    assert.match(errors.find((e) => e.checkId === 'ACME-0011')!.message, /cannot change the scanned objects/);
    assert.match(errors.find((e) => e.checkId === 'ACME-0012')!.message, /returned a Promise/);
    const fine = custom(json.findings);
    // A path that does not exist is reported as given and located at its nearest parent.
    assert.deepEqual(fine.map((f) => [f.checkId, f.message, f.dataPath, f.location.startLine]), [['ACME-0013', 'always', 'spec.replicas', 5]]);
  });

  it('IDs must not collide with each other or with built-in checks (error names both files)', async () => {
    const one = (id: string, slug?: string) =>
      `import { definePolicy } from 'palisade';\nexport default definePolicy({ id: '${id}',${slug ? ` slug: '${slug}',` : ''} title: 'some policy', severity: 'low', kinds: ['Pod'], validate() {} });\n`;
    const dup = tree({ 'a/policy.ts': one('ACME-0001'), 'b/policy.ts': one('ACME-0001'), 'd.yaml': DEPLOYMENT('web') });
    const r = await cli(['scan', 'd.yaml', '--policy', 'a', '--policy', 'b'], { cwd: dup });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ACME-0001 is defined twice: a\/policy\.ts and b\/policy\.ts/);
    const slug = tree({ 'a/policy.ts': one('ACME-0002', 'privileged-container'), 'd.yaml': DEPLOYMENT('web') });
    const s = await cli(['scan', 'd.yaml', '--policy', 'a'], { cwd: slug });
    assert.equal(s.code, 2);
    assert.match(s.stderr, /ACME-0002: "privileged-container" is already used by PAL-K8S-0001: built-in check and a\/policy\.ts/);
  });

  it('missing paths and non-policy files are configuration errors; a symlink loop in a policy folder does not hang', async () => {
    const dir = tree({ 'd.yaml': DEPLOYMENT('web'), 'notes.txt': 'hello', 'p/policy.ts': TEAM_POLICY, 'p/label.ts': LABEL_HELPER });
    symlinkSync(join(dir, 'p'), join(dir, 'p', 'loop'));
    const missing = await cli(['scan', 'd.yaml', '--policy', 'nope'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /policy path nope does not exist/);
    const txt = await cli(['scan', 'd.yaml', '--policy', 'notes.txt'], { cwd: dir });
    assert.match(txt.stderr, /notes\.txt is not a policy file/);
    const loop = await cli(['scan', 'd.yaml', '--policy', 'p', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(loop.code, 0, loop.stderr);
    assert.equal(custom(report(loop.stdout).findings).length, 1);
  });
});

const CEL_POLICY = `apiVersion: palisade.dev/v1
kind: Policy
metadata:
  name: replicas
spec:
  id: ACME-0200
  title: Deployment runs a single replica
  severity: medium
  match:
    kinds: [Deployment]
  validations:
    - expression: "object.spec.?replicas.orValue(1) >= 2"
      message: fewer than two replicas
      path: spec.replicas
`;

const VAP_POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: pinned-images
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments"]
  validations:
    - expression: "object.spec.template.spec.containers.all(c, c.image.contains('@sha256:'))"
      message: images must be pinned by digest
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: pinned-images
spec:
  policyName: pinned-images
  validationActions: [Deny]
`;

describe('CEL policies, ValidatingAdmissionPolicies and TypeScript policies together', () => {
  const files = {
    'policies/cel/policy.yaml': CEL_POLICY,
    'policies/cel/tests/pass/two.yaml': DEPLOYMENT('two').replace('spec:\n  selector', 'spec:\n  replicas: 2\n  selector'),
    'policies/cel/tests/fail/one.yaml': DEPLOYMENT('should-fail-one'),
    'policies/vap/policy.yaml': VAP_POLICY,
    'policies/vap/tests/pass/pinned.yaml': DEPLOYMENT('pinned', '', 'registry.acme.example/web@sha256:' + 'a'.repeat(64)),
    'policies/vap/tests/fail/tag.yaml': DEPLOYMENT('should-fail-tag'),
    'policies/ts/policy.ts': TEAM_POLICY,
    'policies/ts/label.ts': LABEL_HELPER,
    'policies/ts/tests/pass/labelled.yaml': DEPLOYMENT('labelled', '    team: core'),
    'policies/ts/tests/fail/unlabelled.yaml': DEPLOYMENT('should-fail-unlabelled'),
    'deploy/web.yaml': DEPLOYMENT('web'),
  };

  it('each produces findings through palisade scan (one folder or three --policy paths), and all pass palisade policy test', async () => {
    const dir = tree(files);
    for (const args of [['--policy', 'policies'], ['--policy', 'policies/cel/policy.yaml', '--policy', 'policies/vap', '--policy', 'policies/ts/policy.ts']]) {
      const r = await cli(['scan', 'deploy', ...args, '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const mine = custom(report(r.stdout).findings).map((f) => [f.checkId, f.severity, f.message, f.location.path, f.location.startLine]);
      assert.deepEqual(mine.sort(), [
        ['ACME-0001', 'high', 'Deployment "web" has no team label', 'deploy/web.yaml', 3],
        ['ACME-0200', 'medium', 'fewer than two replicas', 'deploy/web.yaml', 5],
        ['VAP-PINNED-IMAGES', 'high', 'images must be pinned by digest', 'deploy/web.yaml', 1],
      ]);
    }
    const t = await cli(['policy', 'test', 'policies', '--require-tests'], { cwd: dir });
    assert.equal(t.code, 0, t.stdout);
    assert.match(t.stdout, /6 cases: 6 passed, 0 failed, 0 errors · 3 policies/);
  });

  it('a CEL compile error and a YAML file without policies are located errors (exit 2); a VAP without binding warns', async () => {
    const dir = tree({
      'bad/policy.yaml': CEL_POLICY.replace('orValue(1) >= 2', 'orValue(1) >= '),
      'none/policy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n',
      'lonely/policy.yaml': VAP_POLICY.split('---')[0]!,
      'd.yaml': DEPLOYMENT('web'),
    });
    const bad = await cli(['scan', 'd.yaml', '--policy', 'bad'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\/policy\.yaml:12:\d+: invalid CEL in spec\.validations\[0\]\.expression/);
    const none = await cli(['scan', 'd.yaml', '--policy', 'none'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /none\/policy\.yaml:1:1: none\/policy\.yaml holds no policy/);
    const lonely = await cli(['scan', 'd.yaml', '--policy', 'lonely', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(lonely.code, 0, lonely.stderr);
    const target = (JSON.parse(lonely.stdout) as { targets: { path: string; kind: string; warnings: { message: string }[] }[] }).targets.find((x) => x.path === 'lonely/policy.yaml');
    assert.equal(target?.kind, 'policy');
    assert.match(target?.warnings[0]?.message ?? '', /has no ValidatingAdmissionPolicyBinding/);
  });

  it('policies of other targets: a Dockerfile policy and a Terraform policy are tested on their own file types and scan', async () => {
    const docker = `import { definePolicy } from 'palisade';
interface Dockerfile { stages: { from: { image: string; tag: string | null } }[] }
export default definePolicy({
  id: 'ACME-0400', title: 'Base image is not from the golden set', severity: 'high', target: 'dockerfile', kinds: ['Dockerfile'],
  options: { golden: ['registry.acme.example/base/node'] },
  validate(object: import('palisade').PolicyObject<Dockerfile>, ctx) {
    object.value.stages.forEach((s, i) => {
      if (!ctx.options.golden.includes(s.from.image)) ctx.report({ path: ['stages', i, 'from'], message: 'FROM {{image}} is not a golden base image', data: { image: s.from.image } });
    });
  },
});
`;
    const terraform = `import { definePolicy } from 'palisade';
export default definePolicy({
  id: 'ACME-0401', title: 'Bucket has no owner tag', severity: 'medium', target: 'terraform', kinds: ['aws_s3_bucket'],
  validate(object, ctx) {
    if (object.get('tags.owner') === undefined) ctx.report({ path: 'tags', message: '{{name}} has no owner tag', data: { name: object.name } });
  },
});
`;
    const dir = tree({
      'p/docker/policy.ts': docker,
      'p/docker/tests/pass/Dockerfile': 'FROM registry.acme.example/base/node:20\nUSER app\n',
      'p/docker/tests/fail/hub.Dockerfile': 'FROM node:20\n',
      'p/docker/tests/fail/README.md': 'not an input: ignored\n',
      'p/tf/policy.ts': terraform,
      'p/tf/tests/pass/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  tags = { owner = "sre" }\n}\n',
      'p/tf/tests/fail/main.tf': 'resource "aws_s3_bucket" "should_fail_untagged" {\n  bucket = "x"\n}\nresource "aws_s3_bucket" "should_pass_tagged" {\n  bucket = "y"\n  tags = { owner = "sre" }\n}\n',
      'app/Dockerfile': 'FROM python:3.12\n',
      'app/main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n',
    });
    const t = await cli(['policy', 'test', 'p', '--require-tests'], { cwd: dir });
    assert.equal(t.code, 0, t.stdout);
    assert.match(t.stdout, /ACME-0400 +p\/docker\/tests\/fail\/hub\.Dockerfile +PASS +1 finding/);
    assert.match(t.stdout, /ACME-0401 +p\/tf\/tests\/fail\/main\.tf +PASS +1 finding/);
    assert.match(t.stdout, /4 cases: 4 passed/);
    const r = await cli(['scan', 'app', '--policy', 'p', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(custom(report(r.stdout).findings).map((f) => [f.checkId, f.message, f.location.path, f.location.startLine]).sort(), [
      ['ACME-0400', 'FROM python is not a golden base image', 'app/Dockerfile', 1],
      ['ACME-0401', 'aws_s3_bucket.data has no owner tag', 'app/main.tf', 1],
    ]);
  });

  for (const type of ['cel', 'vap'] as const) {
    it(`init ${type} → policy test passes straight away → scan --policy finds the example violation`, async () => {
      const dir = tree({ 'deploy/web.yaml': DEPLOYMENT('web') });
      const init = await cli(['policy', 'init', 'require-team-label', '--type', type, '--dir', 'policies'], { cwd: dir });
      assert.equal(init.code, 0, init.stderr);
      const id = type === 'cel' ? 'CUSTOM-0001' : 'VAP-REQUIRE-TEAM-LABEL';
      assert.match(init.stdout, new RegExp(`${id} in policies/require-team-label/`));
      const test = await cli(['policy', 'test', 'policies', '--require-tests'], { cwd: dir });
      assert.equal(test.code, 0, test.stdout);
      assert.match(test.stdout, /2 cases: 2 passed, 0 failed, 0 errors/);
      const scan = await cli(['scan', 'deploy', '--policy', 'policies', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
      assert.equal(scan.code, 0, scan.stderr);
      assert.deepEqual(custom(report(scan.stdout).findings).map((f) => [f.checkId, f.message]), [[id, 'Deployment "web" has no team label']]);
    });
  }
});

describe('policy packs and the organisation baseline', () => {
  const pack = (name: string, extra = '', folder = name) => ({
    [`${folder}/palisade-pack.yaml`]: `name: ${name}\nversion: 1.2.0\npolicies: [policies]\n${extra}`,
    [`${folder}/policies/team/policy.ts`]: TEAM_POLICY,
    [`${folder}/policies/team/label.ts`]: LABEL_HELPER,
  });

  it('a pack installed in node_modules is enabled by name; its defaults apply and the project still overrides them', async () => {
    const dir = tree({
      ...Object.fromEntries(Object.entries(pack('acme-rules', 'defaults:\n  enable: [required-labels]\n  severity:\n    ACME-0001: critical\n  options:\n    required-labels: { labels: [owner] }\n')).map(([k, v]) => [`node_modules/${k}`, v])),
      'app/.palisade.yaml': 'packs: [acme-rules]\n',
      'app/deploy/web.yaml': DEPLOYMENT('web'),
    });
    const r = await cli(['scan', 'deploy', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: join(dir, 'app') });
    assert.equal(r.code, 0, r.stderr);
    const fs = report(r.stdout).findings;
    assert.equal(fs.find((f) => f.checkId === 'ACME-0001')?.severity, 'critical');
    assert.match(fs.find((f) => f.slug === 'required-labels')?.message ?? '', /owner/);
    writeFileSync(join(dir, 'app/.palisade.yaml'), 'packs: [acme-rules]\nchecks:\n  disable: [ACME-0001, required-labels]\n');
    const off = await cli(['scan', 'deploy', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: join(dir, 'app') });
    assert.equal(off.code, 0, off.stderr);
    assert.equal(report(off.stdout).findings.filter((f) => f.checkId === 'ACME-0001' || f.slug === 'required-labels').length, 0);
  });

  it('an unknown pack name, a broken manifest and an unknown check in pack defaults are located errors', async () => {
    const dir = tree({
      '.palisade.yaml': 'packs:\n  - not-installed\n  - ./bad\n  - ./typo\n',
      'bad/palisade-pack.yaml': 'name: Bad Name\nversion: one\n',
      ...pack('typo', 'defaults:\n  disable: [no-such-check]\n'),
      'd.yaml': DEPLOYMENT('web'),
    });
    const r = await cli(['scan', 'd.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.palisade\.yaml:2:5: pack "not-installed" not found: no node_modules\/not-installed\/palisade-pack\.yaml/);
    assert.match(r.stderr, /bad\/palisade-pack\.yaml:1:1: name: name must be a lower-case package name/);
    assert.match(r.stderr, /bad\/palisade-pack\.yaml:2:1: version: version must be a semantic version/);
    // Reported once the other packs load.
    writeFileSync(join(dir, '.palisade.yaml'), 'packs: [./typo]\n');
    const typo = await cli(['scan', 'd.yaml'], { cwd: dir });
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /typo\/palisade-pack\.yaml:5:13: pack typo 1\.2\.0: defaults\.disable: unknown check or category "no-such-check"/);
  });

  it('a baseline pack cannot be disabled by the project config or the command line (exit 2 naming pack and check)', async () => {
    const dir = tree({ ...pack('acme-baseline', 'baseline: true\ndefaults:\n  enable: [privileged-container]\n  severity:\n    ACME-0001: high\n'), 'd.yaml': DEPLOYMENT('web') });
    writeFileSync(join(dir, '.palisade.yaml'), 'packs: [./acme-baseline]\nchecks:\n  disable: [ACME-0001]\n');
    const r = await cli(['scan', 'd.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.palisade\.yaml:3:13: ACME-0001 is required by baseline pack acme-baseline 1\.2\.0 and cannot be disabled/);
    writeFileSync(join(dir, '.palisade.yaml'), 'packs: [./acme-baseline]\nchecks:\n  severity:\n    acme-0001: low\n');
    const low = await cli(['scan', 'd.yaml'], { cwd: dir });
    assert.equal(low.code, 2);
    assert.match(low.stderr, /ACME-0001 is required by baseline pack acme-baseline 1\.2\.0 at severity high or above; checks\.severity sets it to low/);
    writeFileSync(join(dir, '.palisade.yaml'), 'packs: [./acme-baseline]\n');
    const cliOff = await cli(['scan', 'd.yaml', '--disable', 'privileged-container'], { cwd: dir });
    assert.equal(cliOff.code, 2);
    assert.match(cliOff.stderr, /PAL-K8S-0001 is required by baseline pack acme-baseline 1\.2\.0 and cannot be disabled \(--disable privileged-container\)/);
    // Raising the severity, and disabling checks the baseline does not require, are fine.
    writeFileSync(join(dir, '.palisade.yaml'), 'packs: [./acme-baseline]\nchecks:\n  severity: { ACME-0001: critical }\n  disable: [image-latest-tag]\n');
    const ok = await cli(['scan', 'd.yaml', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(report(ok.stdout).findings.find((f) => f.checkId === 'ACME-0001')?.severity, 'critical');
  });

  it('$PALISADE_BASELINE applies the organisation pack even with --no-config; waivers still work on its findings', async () => {
    const dir = tree({ ...pack('acme-org', '', 'org/baseline'), 'repo/d.yaml': DEPLOYMENT('web'), 'repo/.palisade.yaml': 'checks:\n  disable: [ACME-0001]\n' });
    const env = { PALISADE_BASELINE: join(dir, 'org/baseline') };
    const withConfig = await cli(['scan', 'd.yaml'], { cwd: join(dir, 'repo'), env });
    assert.equal(withConfig.code, 2);
    assert.match(withConfig.stderr, /\.palisade\.yaml:2:13: ACME-0001 is required by baseline pack acme-org 1\.2\.0 and cannot be disabled/);
    const noConfig = await cli(['scan', 'd.yaml', '--no-config', '--scanners', 'config', '-f', 'json', '--fail-on', 'high'], { cwd: join(dir, 'repo'), env });
    assert.equal(noConfig.code, 1);
    assert.equal(custom(report(noConfig.stdout).findings).length, 1);
    writeFileSync(join(dir, 'repo/.palisade.yaml'), 'version: 1\n');
    mkdirSync(join(dir, 'repo/.palisade'));
    writeFileSync(join(dir, 'repo/.palisade/waivers.yaml'), 'waivers:\n  - checks: [ACME-0001]\n    reason: legacy app, retired in Q1\n    owner: team-web\n    expires: 2027-03-31\n');
    const waived = await cli(['scan', 'd.yaml', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: join(dir, 'repo'), env });
    assert.equal(waived.code, 0, waived.stderr);
    assert.equal(custom(report(waived.stdout).findings)[0]?.suppressed?.by, 'waiver-file');
  });
});

describe('palisade policy test and init', () => {
  it('the repository examples pass', async () => {
    const r = await cli(['policy', 'test', 'examples', '--require-tests'], { cwd: REPO });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /ACME-0101 +examples\/policies\/typescript\/approved-registries\/tests\/fail\/public-images\.yaml +PASS +2 findings/);
    assert.match(r.stdout, /ACME-1001 +examples\/packs\/acme-baseline\/policies\/team-label\/tests\/pass\/labelled\.yaml +PASS/);
    assert.match(r.stdout, /ACME-1002 +examples\/packs\/acme-baseline\/policies\/no-host-path\/tests\/fail\/host-root\.yaml +PASS +2 findings/);
    assert.match(r.stdout, /\d+ cases: \d+ passed, 0 failed, 0 errors/);
  });

  it('a failing case exits 1 with the reason; --format json carries the same', async () => {
    const dir = tree({});
    cpSync(join(REPO, 'examples/policies/typescript/approved-registries'), join(dir, 'p'), { recursive: true });
    writeFileSync(join(dir, 'p/tests/pass/oops.yaml'), DEPLOYMENT('oops', '', 'nginx:1.27'));
    writeFileSync(join(dir, 'p/tests/fail/quiet.yaml'), DEPLOYMENT('should-fail-but-approved'));
    const r = await cli(['policy', 'test', 'p'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /p\/tests\/pass\/oops\.yaml +FAIL +expected no finding, got 1: Deployment\/oops spec\.template\.spec\.containers\[0\]\.image \(line 14\)/);
    assert.match(r.stdout, /p\/tests\/fail\/quiet\.yaml +FAIL +expected at least one finding, got none/);
    const j = await cli(['policy', 'test', 'p', '--format', 'json'], { cwd: dir });
    const parsed = JSON.parse(j.stdout) as { summary: { failed: number; passed: number }; cases: { file: string; result: string }[] };
    assert.equal(j.code, 1);
    assert.equal(parsed.summary.failed, 2);
    assert.equal(parsed.cases.find((c) => c.file === 'p/tests/fail/quiet.yaml')?.result, 'fail');
  });

  it('should-fail objects must each fail and should-pass objects must not', async () => {
    const dir = tree({});
    cpSync(join(REPO, 'examples/policies/typescript/approved-registries'), join(dir, 'p'), { recursive: true });
    writeFileSync(join(dir, 'p/tests/fail/mixed.yaml'), DEPLOYMENT('should-fail-a', '', 'nginx:1') + '---\n' + DEPLOYMENT('should-fail-b') + '---\n' + DEPLOYMENT('should-pass-c', '', 'nginx:1'));
    const r = await cli(['policy', 'test', 'p'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Deployment\/should-fail-b should fail but has no finding; Deployment\/should-pass-c should pass but/);
  });

  it('a broken policy or an unparsable input exits 2; a policy without tests warns, and fails with --require-tests', async () => {
    const dir = tree({
      'broken/policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'ACME-0002', title: 'oops' ",
      'untested/policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'ACME-0003', title: 'no tests here', severity: 'low', kinds: ['Pod'], validate() {} });\n",
    });
    const r = await cli(['policy', 'test', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stdout, /error: broken\/policy\.ts:2:\d+: Expected/);
    assert.match(r.stdout, /warning: ACME-0003 \(untested\/policy\.ts\) has no tests/);
    const only = await cli(['policy', 'test', 'untested'], { cwd: dir });
    assert.equal(only.code, 0);
    assert.equal((await cli(['policy', 'test', 'untested', '--require-tests'], { cwd: dir })).code, 1);
    mkdirSync(join(dir, 'untested/tests/pass'), { recursive: true });
    writeFileSync(join(dir, 'untested/tests/pass/bad.yaml'), 'kind: Pod\nmetadata: {name: [x\n');
    const parseErr = await cli(['policy', 'test', 'untested'], { cwd: dir });
    assert.equal(parseErr.code, 2);
    assert.match(parseErr.stdout, /bad\.yaml +ERROR +input does not parse as kubernetes/);
    assert.equal((await cli(['policy', 'test', 'nowhere'], { cwd: dir })).code, 2);
  });

  it('tests/<ID>/ folders test one policy of a folder holding several', async () => {
    const two = `import { definePolicy } from 'palisade';
export const a = definePolicy({ id: 'ACME-0021', title: 'no pods named x', severity: 'low', kinds: ['Pod'], validate(o, ctx) { if (o.name.startsWith('x')) ctx.report({}); } });
export const b = definePolicy({ id: 'ACME-0022', title: 'no pods named y', severity: 'low', kinds: ['Pod'], validate(o, ctx) { if (o.name.startsWith('y')) ctx.report({}); } });
`;
    const pod = (n: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: ${n} }\nspec: { containers: [{ name: a, image: a }] }\n`;
    const dir = tree({ 'p/policy.ts': two, 'p/tests/ACME-0021/fail/x.yaml': pod('x1'), 'p/tests/ACME-0022/fail/y.yaml': pod('y1'), 'p/tests/pass/z.yaml': pod('z') });
    const r = await cli(['policy', 'test', 'p', '--require-tests'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /ACME-0021 +p\/tests\/ACME-0021\/fail\/x\.yaml +PASS/);
    assert.match(r.stdout, /ACME-0021,ACME-0022 +p\/tests\/pass\/z\.yaml +PASS/);
  });

  it('init typescript → policy test passes straight away → scan --policy finds the example violation', async () => {
    const dir = tree({ 'deploy/web.yaml': DEPLOYMENT('web') });
    const init = await cli(['policy', 'init', 'require-team-label', '--type', 'typescript', '--dir', 'policies'], { cwd: dir });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /Created TypeScript policy CUSTOM-0001 in policies\/require-team-label\//);
    assert.match(init.stdout, /palisade policy test policies\/require-team-label/);
    const test = await cli(['policy', 'test', 'policies', '--require-tests'], { cwd: dir });
    assert.equal(test.code, 0, test.stdout);
    assert.match(test.stdout, /2 cases: 2 passed, 0 failed, 0 errors/);
    // A second scaffold gets the next ID, and both load together.
    const again = await cli(['policy', 'init', 'second', '--type', 'typescript', '--dir', 'policies'], { cwd: dir });
    assert.match(again.stdout, /CUSTOM-0002/);
    const scan = await cli(['scan', 'deploy', '--policy', 'policies', '--scanners', 'config', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(scan.code, 0, scan.stderr);
    assert.deepEqual(custom(report(scan.stdout).findings).map((f) => f.checkId).sort(), ['CUSTOM-0001', 'CUSTOM-0002']);
    const exists = await cli(['policy', 'init', 'second', '--type', 'typescript', '--dir', 'policies'], { cwd: dir });
    assert.equal(exists.code, 2);
    assert.match(exists.stderr, /already exists/);
    for (const bad of [['policy', 'init', 'Bad Name'], ['policy', 'init', 'x', '--type', 'rego'], ['policy', 'init', 'x', '--id', 'PAL-K8S-0001'], ['policy', 'frob']]) {
      assert.equal((await cli(bad, { cwd: dir })).code, 2, bad.join(' '));
    }
  });

  it('policy --help shows usage and examples', async () => {
    const r = await cli(['policy', '--help'], { cwd: REPO });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /palisade policy test \[dir\]/);
    assert.match(r.stdout, /Examples:/);
    assert.equal((await cli(['policy'], { cwd: REPO })).code, 2);
  });
});

describe('the published SDK', () => {
  it("types user policies through package.json exports: the examples and the init scaffold typecheck, a type error is caught", async () => {
    const ts = (await import('typescript')).default;
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, { types: string } | string> };
    const dir = tree({
      'package.json': '{ "type": "module" }\n',
      'node_modules/palisade/package.json': JSON.stringify({ name: 'palisade', type: 'module', exports: pkg.exports }),
      'bad/policy.ts': "import { definePolicy } from 'palisade';\nexport default definePolicy({ id: 'X-1', title: 'bad', severity: 'severe', kinds: ['Pod'], validate(o, ctx) { ctx.options.nope; o.value.spec = 1; } });\n",
    });
    // What scripts/bundle.mjs emits for the package: one self-contained declaration file.
    const sdkTypes = (pkg.exports['.'] as { types: string }).types;
    const emit = ts.createProgram([join(REPO, 'src/policy/sdk.ts')], { declaration: true, emitDeclarationOnly: true, rootDir: join(REPO, 'src'), outDir: join(dir, 'node_modules/palisade', sdkTypes, '../..'), strict: true, skipLibCheck: true, types: [] }).emit();
    assert.equal(emit.emitSkipped, false);
    cpSync(join(REPO, 'examples/policies/typescript/approved-registries/policy.ts'), join(dir, 'a/policy.ts'));
    cpSync(join(REPO, 'examples/packs/acme-baseline/policies/team-label/policy.ts'), join(dir, 'b/policy.ts'));
    assert.equal((await cli(['policy', 'init', 'scaffold', '--type', 'typescript'], { cwd: dir })).code, 0);
    const check = (files: string[]) =>
      ts.getPreEmitDiagnostics(
        ts.createProgram(files.map((f) => join(dir, f)), { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: [] }),
      ).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(check(['a/policy.ts', 'b/policy.ts', 'scaffold/policy.ts']), []);
    const errors = check(['bad/policy.ts']).join('\n');
    assert.match(errors, /"severe"/);
    assert.match(errors, /Property 'nope' does not exist/);
    assert.match(errors, /only permits reading|read-only/);
  });
});
