// Terraform end to end: `palisade scan` on a root module with a local module, tfvars, --tf-var-file and --tf-var;
// kubernetes_* resources checked by the Kubernetes checks at .tf lines; plans; comment suppressions; syntax errors;
// and the whole shared Terraform corpus loaded and checked without a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runChecks } from '../src/checks/engine.js';
import { BUILTIN_CHECKS } from '../src/checks/index.js';
import { collectInputs } from '../src/scan/walk.js';
import { parseTerraformText } from '../src/parsers/terraform/index.js';
import { loadTerraform } from '../src/scan/terraform.js';
import { cli, REPO, SHARED, tree } from './helpers.js';

interface JsonReport {
  findings: {
    checkId: string;
    dataPath: string;
    location: { path: string; startLine: number };
    resource: { kind: string; name: string };
    derivedFrom?: { target: string; kind: string; name: string };
    suppressed: null | { by: string; reason: string };
  }[];
  targets: { path: string; kind: string; resources: number; errors: { code: string; message: string; location: { path: string; startLine: number; startColumn: number } }[]; warnings: { code: string; location: { startLine: number } }[] }[];
}

const MAIN_TF = `variable "env" {}

variable "versioning" {
  type    = bool
  default = true
}

module "storage" {
  source     = "./modules/storage"
  name       = "logs-\${var.env}"
  versioning = var.versioning
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

resource "aws_instance" "legacy" {
  #checkov:skip=CKV_AWS_79:the AMI predates IMDSv2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "kubernetes_deployment" "web" {
  metadata {
    name = "web-\${var.env}"
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

const STORAGE_TF = `variable "name" {}
variable "versioning" {}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning ? "Enabled" : "Suspended"
  }
}
`;

function project(): string {
  return tree({
    'infra/main.tf': MAIN_TF,
    'infra/terraform.tfvars': 'env = "prod"\nversioning = false\n',
    'infra/on.tfvars': 'versioning = true\n',
    'infra/modules/storage/main.tf': STORAGE_TF,
  });
}

async function scan(cwd: string, ...args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await cli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

describe('palisade scan: Terraform', () => {
  it('a root module with a local module: tfvars apply, findings carry module addresses and the module file lines', async () => {
    const { code, report } = await scan(project(), 'infra');
    assert.equal(code, 0);
    const v = report.findings.filter((f) => f.checkId === 'PAL-TF-0007');
    assert.deepEqual(
      v.map((f) => [f.resource.name, f.location.path, f.location.startLine, f.dataPath]),
      [['module.storage.aws_s3_bucket_versioning.this', 'infra/modules/storage/main.tf', 11, 'versioning_configuration[0].status']],
    );
    const main = report.targets.find((t) => t.path === 'infra/main.tf')!;
    assert.equal(main.kind, 'terraform');
    assert.equal(main.resources, 2);
    assert.deepEqual(
      main.warnings.map((w) => [w.code, w.location.startLine]),
      [['terraform-module-remote', 15]],
    );
    assert.equal(report.targets.find((t) => t.path === 'infra/modules/storage/main.tf')!.resources, 2);
    assert.ok(report.targets.some((t) => t.path === 'infra/terraform.tfvars'));
  });

  it('--tf-var-file overrides terraform.tfvars, and --tf-var overrides both', async () => {
    const dir = project();
    const a = await scan(dir, 'infra', '--tf-var-file', 'infra/on.tfvars');
    assert.equal(a.report.findings.filter((f) => f.checkId === 'PAL-TF-0007').length, 0);
    const b = await scan(dir, 'infra', '--tf-var-file', 'infra/on.tfvars', '--tf-var', 'versioning=false');
    assert.equal(b.report.findings.filter((f) => f.checkId === 'PAL-TF-0007').length, 1);
  });

  it('a kubernetes_deployment is checked by the Kubernetes checks, at the .tf line', async () => {
    const { report } = await scan(project(), 'infra');
    const f = report.findings.find((x) => x.checkId === 'PAL-K8S-0001');
    assert.ok(f);
    assert.deepEqual([f.location.path, f.location.startLine, f.dataPath], ['infra/main.tf', 37, 'spec.template.spec.containers[0].securityContext.privileged']);
    assert.deepEqual(f.resource, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: '', name: 'web-prod' });
    assert.deepEqual(f.derivedFrom, { target: 'terraform', kind: 'kubernetes_deployment', name: 'kubernetes_deployment.web' });
  });

  it('#checkov:skip inside the resource suppresses the mapped finding', async () => {
    const { report } = await scan(project(), 'infra');
    const f = report.findings.find((x) => x.checkId === 'PAL-TF-0043' && x.resource.name === 'aws_instance.legacy');
    assert.ok(f, 'the IMDSv2 check fires on the instance');
    assert.equal(f.suppressed?.by, 'checkov-comment');
  });

  it('a module directory is not a root of its own when its caller is scanned, but is checked when scanned alone', async () => {
    const dir = project();
    const all = await scan(dir, '.');
    assert.ok(!all.report.findings.some((f) => f.resource.name === 'aws_s3_bucket_versioning.this'), 'evaluated through the call only');
    const alone = await scan(dir, 'infra/modules/storage');
    // Without its caller the module's variable is unknown: the check cannot decide and reports nothing.
    assert.equal(alone.report.findings.filter((f) => f.checkId === 'PAL-TF-0007').length, 0);
    assert.equal(alone.report.targets.find((t) => t.path === 'infra/modules/storage/main.tf')!.resources, 2);
  });

  it('a file named on the command line is evaluated with the rest of its module', async () => {
    const dir = tree({ 'm/main.tf': 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration {\n    status = var.status\n  }\n}\n', 'm/variables.tf': 'variable "status" {\n  default = "Suspended"\n}\n' });
    const { report } = await scan(dir, 'm/main.tf');
    assert.deepEqual(
      report.findings.filter((f) => f.checkId === 'PAL-TF-0007').map((f) => f.location.path),
      ['m/main.tf'],
    );
    assert.deepEqual(
      report.targets.map((t) => t.path),
      ['m/main.tf'],
    );
  });

  it('a syntax error exits 3 and names the file, line and column; the rest of the module is still checked', async () => {
    const dir = tree({ 'bad/main.tf': 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n', 'bad/broken.tf': 'locals {\n  x = [1, 2\n}\n' });
    const r = await cli(['scan', 'bad', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 3);
    const report = JSON.parse(r.stdout) as JsonReport;
    const t = report.targets.find((x) => x.path === 'bad/broken.tf')!;
    assert.equal(t.errors[0]!.code, 'hcl-syntax');
    assert.deepEqual([t.errors[0]!.location.startLine, t.errors[0]!.location.startColumn], [3, 1]);
    assert.ok(report.findings.some((f) => f.checkId === 'PAL-TF-0007'));
  });

  it('a local module that does not exist is an error on the call', async () => {
    const dir = tree({ 'x/main.tf': 'module "gone" {\n  source = "./nowhere"\n}\n' });
    const { report } = await scan(dir, 'x');
    const e = report.targets.find((t) => t.path === 'x/main.tf')!.errors[0]!;
    assert.equal(e.code, 'terraform-module');
    assert.equal(e.location.startLine, 2);
  });

  it('module call cycles through symlinks terminate', async () => {
    const dir = tree({ 'a/main.tf': 'module "b" {\n  source = "../b"\n}\n', 'b/main.tf': 'module "a" {\n  source = "../a"\n}\nresource "aws_s3_bucket" "x" {}\n' });
    const { report } = await scan(dir, 'a');
    assert.ok(report.targets.some((t) => t.errors.some((e) => e.code === 'terraform-cycle')));
  });

  it('two root modules are separate configurations: an account-wide setting in one does not silence a check in the other', async () => {
    const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n';
    const dir = tree({
      'prod/main.tf': bucket + 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n',
      'dev/main.tf': bucket,
    });
    const { report } = await scan(dir, '.');
    const missing = report.findings.filter((f) => f.checkId === 'PAL-TF-0002').map((f) => f.location.path);
    assert.deepEqual(missing, ['dev/main.tf']);
  });

  it('a plan from terraform show -json is scanned with the same checks, located in the plan file', async () => {
    const plan = readFileSync(join(REPO, 'src', 'parsers', 'terraform', 'fixtures', 'plan.json'), 'utf8');
    const dir = tree({ 'plan.json': plan });
    const { report } = await scan(dir, 'plan.json');
    assert.equal(report.targets[0]!.kind, 'terraform-plan');
    const f = report.findings.find((x) => x.checkId === 'PAL-K8S-0001')!;
    assert.equal(f.location.startLine, plan.split('\n').findIndex((l) => l.includes('"privileged": true')) + 1);
    const v = report.findings.find((x) => x.checkId === 'PAL-TF-0007')!;
    assert.equal(v.resource.name, 'aws_s3_bucket_versioning.logs');
    assert.equal(v.location.startLine, plan.split('\n').findIndex((l) => l.includes('"status": "Suspended"')) + 1);
  });
});

const DEPLOYMENT = readFileSync(join(REPO, 'src', 'parsers', 'terraform', 'fixtures', 'deployment.tf'), 'utf8');

describe('kubernetes_* resources and the Kubernetes checks', () => {
  it('the real Kubernetes checks run on a kubernetes_deployment: privileged, host network and root at the .tf lines', () => {
    const objs = parseTerraformText(DEPLOYMENT, 'k8s.tf').objects;
    const res = runChecks(
      BUILTIN_CHECKS.filter((c) => c.meta.target === 'kubernetes').map((c) => ({ check: c, options: c.options ? c.options.parse({}) : {}, severity: c.meta.severity })),
      objs,
    );
    assert.deepEqual(res.crashes, []);
    const by = (slug: string): { dataPath: string; line: number; file: string; derived: string | undefined }[] =>
      res.findings.filter((f) => f.slug === slug).map((f) => ({ dataPath: f.dataPath, line: f.location.startLine, file: f.location.path, derived: f.derivedFrom?.name }));
    const privileged = BUILTIN_CHECKS.find((c) => c.meta.id === 'PAL-K8S-0001')!.meta.slug;
    assert.deepEqual(by(privileged), [{ dataPath: 'spec.template.spec.containers[0].securityContext.privileged', line: 32, file: 'k8s.tf', derived: 'kubernetes_deployment.web' }]);
    const hostNetwork = BUILTIN_CHECKS.find((c) => c.meta.id === 'PAL-K8S-0002')!.meta.slug;
    assert.deepEqual(
      by(hostNetwork).map((f) => f.line),
      [24],
    );
    const runAsUser = res.findings.filter((f) => f.dataPath === 'spec.template.spec.containers[0].securityContext.runAsUser');
    assert.ok(runAsUser.length > 0, 'run_as_user = 0 is seen as root');
    assert.equal(runAsUser[0]!.location.startLine, 33);
  });

});

describe('Terraform corpus', () => {
  const CORPUS = join(SHARED, 'corpus', 'terraform');

  it('every directory loads and every Terraform and Kubernetes check runs without a crash', () => {
    const walk = collectInputs(['.'], CORPUS);
    const files = walk.files.filter((f) => f.format === 'terraform' || f.format === 'tfvars');
    assert.ok(files.length >= 1600, `${files.length} files`);
    const start = performance.now();
    const res = loadTerraform(files, { cwd: CORPUS, maxBytes: 20 * 1024 * 1024 });
    const ms = performance.now() - start;
    // ~1,600 files, 4.8 MB of HCL: about 1.5 s on an idle machine (see docs/terraform.md); room for a loaded CI machine.
    assert.ok(ms < 30_000, `loading took ${ms.toFixed(0)} ms`);
    assert.ok(res.objects.length >= 4000, `${res.objects.length} objects`);
    assert.equal(res.targets.filter((t) => t.path.endsWith('.tf')).length, files.filter((f) => f.display.endsWith('.tf')).length);
    // The corpus keeps a subset of each repository: these local modules were not copied. Nothing else is an error.
    const errors = res.targets.flatMap((t) => t.errors.map((e) => `${e.code} ${e.location.path}:${e.location.startLine}`));
    assert.ok(errors.every((e) => e.startsWith('terraform-module ')), errors.join('\n'));
    assert.ok(errors.length <= 12, errors.join('\n'));
    const checks = BUILTIN_CHECKS.filter((c) => c.meta.target === 'terraform' || c.meta.target === 'kubernetes');
    const run = runChecks(
      checks.map((check) => ({ check, options: check.options ? check.options.parse({}) : {}, severity: check.meta.severity })),
      res.objects,
    );
    assert.deepEqual(
      run.crashes.map((c) => c.issue.message),
      [],
    );
    const lines = new Map<string, number>();
    for (const f of run.findings) {
      let n = lines.get(f.location.path);
      if (n === undefined) {
        n = readFileSync(join(CORPUS, f.location.path), 'utf8').split('\n').length;
        lines.set(f.location.path, n);
      }
      assert.ok(f.location.startLine >= 1 && f.location.startLine <= n, `${f.checkId} at ${f.location.path}:${f.location.startLine}`);
    }
    assert.ok(run.findings.length > 100, `${run.findings.length} findings`);
  });
});
