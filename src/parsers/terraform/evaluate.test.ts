import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigObject } from '../../core/config-object.js';
import { evaluateRootModule, isUnknown, parseTerraformFile, parseTerraformText, type ModuleReader, type TfFile } from './index.js';
import { evaluateConstant } from './module.js';
import { parseHclExpression } from './parser.js';

function objects(text: string): ConfigObject[] {
  const r = parseTerraformText(text, 'main.tf');
  assert.deepEqual(r.errors, [], r.errors.map((e) => `${e.location.startLine}: ${e.message}`).join('; '));
  return r.objects.filter((o) => o.target === 'terraform');
}

function one(text: string): Record<string, unknown> {
  const os = objects(text);
  assert.equal(os.length, 1, os.map((o) => o.name).join(', '));
  return os[0]!.value;
}

function fn(expr: string): unknown {
  const p = parseHclExpression(expr);
  assert.deepEqual(p.issues, []);
  return evaluateConstant(p.expr!);
}

/** In-memory module tree: path → text. Module directories are the part before the last '/'. */
function tree(files: Record<string, string>): { files(dir: string): TfFile[]; reader: ModuleReader } {
  const parsed = new Map<string, TfFile>();
  const filesOf = (dir: string): TfFile[] =>
    Object.keys(files)
      .filter((p) => p.slice(0, p.lastIndexOf('/')) === dir)
      .sort()
      .map((p) => {
        let f = parsed.get(p);
        if (!f) {
          f = parseTerraformFile(files[p]!, p);
          parsed.set(p, f);
        }
        return f;
      });
  const norm = (p: string): string => {
    const out: string[] = [];
    for (const s of p.split('/')) {
      if (s === '.' || s === '') continue;
      if (s === '..') out.pop();
      else out.push(s);
    }
    return out.join('/');
  };
  return {
    files: filesOf,
    reader: {
      read(fromDir, source) {
        const dir = norm(`${fromDir}/${source}`);
        const fs = filesOf(dir);
        return fs.length === 0 ? { error: `${dir} holds no .tf files` } : { dir, files: fs };
      },
    },
  };
}

describe('variables', () => {
  it('defaults, types and conversions', () => {
    const v = one(`
variable "n" {
  type    = number
  default = "3"
}
variable "flag" {
  type    = bool
  default = "true"
}
variable "obj" {
  type = object({ a = string, b = optional(number, 7), c = optional(string) })
  default = { a = 1 }
}
variable "nodefault" {}
resource "x" "y" {
  n    = var.n
  flag = var.flag
  obj  = var.obj
  nd   = var.nodefault
}
`);
    assert.equal(v.n, 3);
    assert.equal(v.flag, true);
    assert.deepEqual(v.obj, { a: '1', b: 7, c: null });
    assert.ok(isUnknown(v.nd));
  });

  it('tfvars files in order, then -var (typed variables parse the value as an expression)', () => {
    const root = parseTerraformFile(
      `variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "list" { type = list(string) }
variable "untyped" {}
resource "x" "y" {
  a = var.a
  b = var.b
  c = var.c
  list = var.list
  untyped = var.untyped
}
`,
      'main.tf',
    );
    const tfvars = parseTerraformFile('a = "tfvars"\nb = "tfvars"\nc = "tfvars"\n', 'terraform.tfvars');
    const auto = parseTerraformFile('{ "b": "auto", "c": "auto" }', 'x.auto.tfvars.json');
    const res = evaluateRootModule({ dir: '.', files: [root], varFiles: [tfvars, auto], cliVars: { c: 'cli', list: '["p", "q"]', untyped: '["not", "parsed"]' } });
    assert.deepEqual(res.issues, []);
    assert.deepEqual(res.objects[0]!.value, { a: 'tfvars', b: 'auto', c: 'cli', list: ['p', 'q'], untyped: '["not", "parsed"]' });
  });

  it('an undeclared variable is unknown, not a guess', () => {
    assert.ok(isUnknown(one('resource "x" "y" {\n  a = var.missing\n}\n').a));
  });
});

describe('locals', () => {
  it('evaluated in dependency order regardless of where they are written', () => {
    const v = one(`
resource "x" "y" {
  name = local.full
}
locals {
  full = "\${local.prefix}-\${local.env}"
}
locals {
  prefix = upper(local.env)
  env    = "dev"
}
`);
    assert.equal(v.name, 'DEV-dev');
  });

  it('a cycle is an error at the local, and its value is unknown', () => {
    const r = parseTerraformText('locals {\n  a = local.b\n  b = local.a\n}\nresource "x" "y" {\n  v = local.a\n}\n', 'main.tf');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.code, 'terraform-cycle');
    assert.equal(r.errors[0]!.location.startLine, 2);
    assert.ok(isUnknown(r.objects[0]!.value.v));
  });
});

describe('count and for_each', () => {
  it('count expands to indexed addresses with count.index', () => {
    const os = objects('variable "n" { default = 2 }\nresource "aws_s3_bucket" "b" {\n  count  = var.n\n  bucket = "b-${count.index}"\n}\n');
    assert.deepEqual(
      os.map((o) => [o.name, o.value.bucket]),
      [
        ['aws_s3_bucket.b[0]', 'b-0'],
        ['aws_s3_bucket.b[1]', 'b-1'],
      ],
    );
    assert.equal(os[0]!.annotations['terraform.io/name'], 'b');
    assert.equal(os[0]!.apiVersion, 'aws');
  });

  it('count = 0 creates nothing; an unknown count is checked once, unindexed', () => {
    assert.equal(objects('resource "a" "b" {\n  count = 0\n}\n').length, 0);
    const os = objects('resource "a" "b" {\n  count = length(data.x.y.ids)\n  i = count.index\n}\n');
    assert.deepEqual(
      os.map((o) => o.name),
      ['a.b'],
    );
    assert.ok(isUnknown(os[0]!.value.i));
  });

  it('for_each over a map and a set, with each.key and each.value, keys in order', () => {
    const os = objects(`
resource "a" "m" {
  for_each = { z = 1, a = 2 }
  k = each.key
  v = each.value
}
resource "a" "s" {
  for_each = toset(["q", "p", "q"])
  k = each.key
}
`);
    assert.deepEqual(
      os.map((o) => [o.name, o.value]),
      [
        ['a.m["a"]', { k: 'a', v: 2 }],
        ['a.m["z"]', { k: 'z', v: 1 }],
        ['a.s["p"]', { k: 'p' }],
        ['a.s["q"]', { k: 'q' }],
      ],
    );
  });

  it('a hostile count is cut with a warning', () => {
    const r = parseTerraformText('resource "a" "b" {\n  count = 100000000\n}\n', 'main.tf');
    assert.equal(r.objects.length, 1000);
    assert.equal(r.warnings[0]!.code, 'terraform-too-many-instances');
  });
});

describe('blocks', () => {
  it('nested blocks are lists under their type; attributes set to null are left out', () => {
    const v = one('resource "a" "b" {\n  x = null\n  rule {\n    id = 1\n  }\n  rule {\n    id = 2\n    inner {}\n  }\n}\n');
    assert.deepEqual(v, { rule: [{ id: 1 }, { id: 2, inner: [{}] }] });
  });

  it('dynamic blocks expand with the iterator (named or default), between static blocks', () => {
    const v = one(`
resource "aws_security_group" "sg" {
  ingress {
    from_port = 1
  }
  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port = ingress.value
      key       = ingress.key
    }
  }
  dynamic "egress" {
    for_each = { a = "10.0.0.0/8" }
    iterator = rule
    content {
      cidr = rule.value
      name = rule.key
    }
  }
}
`);
    assert.deepEqual(v.ingress, [{ from_port: 1 }, { from_port: 22, key: 22 }, { from_port: 443, key: 443 }]);
    assert.deepEqual(v.egress, [{ cidr: '10.0.0.0/8', name: 'a' }]);
  });

  it('a dynamic block over an unknown collection yields one block of unknowns (nothing skipped silently)', () => {
    const v = one('resource "a" "b" {\n  dynamic "rule" {\n    for_each = var.rules\n    content {\n      x = rule.value.x\n      y = 1\n    }\n  }\n}\nvariable "rules" {}\n');
    const rules = v.rule as Record<string, unknown>[];
    assert.equal(rules.length, 1);
    assert.ok(isUnknown(rules[0]!.x));
    assert.equal(rules[0]!.y, 1);
  });
});

describe('references and unknowns', () => {
  it('resource, data and module references are unknowns that remember the address', () => {
    const v = one(`
resource "aws_s3_bucket_versioning" "v" {
  bucket  = aws_s3_bucket.b.id
  indexed = aws_s3_bucket.c[0].arn
  keyed   = aws_s3_bucket.d["k"].arn
  splat   = aws_s3_bucket.e[*].id
  data    = data.aws_iam_policy_document.p.json
  tmpl    = "arn:\${aws_s3_bucket.b.arn}/*"
  mixed   = [aws_s3_bucket.b.id, "x"]
  module  = module.remote.id
}
module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
`);
    const refs = (k: string): readonly string[] => (isUnknown(v[k]) ? v[k].refs : []);
    assert.deepEqual(refs('bucket'), ['aws_s3_bucket.b']);
    assert.deepEqual(refs('indexed'), ['aws_s3_bucket.c[0]']);
    assert.deepEqual(refs('keyed'), ['aws_s3_bucket.d["k"]']);
    assert.deepEqual(refs('splat'), ['aws_s3_bucket.e']);
    assert.deepEqual(refs('data'), ['data.aws_iam_policy_document.p']);
    assert.deepEqual(refs('tmpl'), ['aws_s3_bucket.b']);
    assert.deepEqual(refs('module'), ['module.remote']);
    assert.ok(isUnknown((v.mixed as unknown[])[0]));
    assert.equal((v.mixed as unknown[])[1], 'x');
  });

  it('operations on unknowns stay unknown; known short-circuits do not', () => {
    const v = one(`
variable "u" {}
resource "a" "b" {
  sum   = var.u + 1
  cond  = var.u ? "a" : "b"
  and   = false && var.u
  or    = true || var.u
  eq    = var.u == 1
  fn    = upper(var.u)
  len   = length([var.u, 1])
  merge = merge({ a = var.u }, { b = 2 })
  try   = try(var.u.x, "fallback")
  can   = can(regex("^a", "abc"))
  cant  = can(regex("^z", "abc"))
  unsup = file("x.txt")
}
`);
    for (const k of ['sum', 'cond', 'eq', 'fn', 'try', 'unsup']) assert.ok(isUnknown(v[k]), k);
    assert.equal(v.and, false);
    assert.equal(v.or, true);
    assert.equal(v.len, 2);
    assert.ok(isUnknown((v.merge as Record<string, unknown>).a));
    assert.equal((v.merge as Record<string, unknown>).b, 2);
    assert.equal(v.can, true);
    assert.equal(v.cant, false);
  });

  it('try falls back on errors, not on unknowns', () => {
    const v = one('locals {\n  m = { a = 1 }\n}\nresource "a" "b" {\n  x = try(local.m.missing, "fb")\n  y = try(local.m.a, "fb")\n  z = lookup(local.m, "q", "d")\n}\n');
    assert.deepEqual(v, { x: 'fb', y: 1, z: 'd' });
  });
});

describe('functions', () => {
  const cases: [string, unknown][] = [
    ['lookup({a = 1}, "a", 2)', 1],
    ['merge({a = 1, b = 1}, {b = 2}, null)', { a: 1, b: 2 }],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['format("%s-%03d-%.1f-%q-%t-%v%%", "a", 7, 1.26, "q", true, 5)', 'a-007-1.3-"q"-true-5%'],
    ['formatlist("x-%s", ["a", "b"])', ['x-a', 'x-b']],
    ['join(",", ["a"], ["b"])', 'a,b'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['lower("ABC")', 'abc'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("a1b22", "/[0-9]+/", "#")', 'a#b#'],
    ['length("héllo")', 5],
    ['element(["a", "b"], 3)', 'b'],
    ['contains(["a"], "a")', true],
    ['keys({b = 1, a = 2})', ['a', 'b']],
    ['values({b = 1, a = 2})', [2, 1]],
    ['tomap({a = "x"})', { a: 'x' }],
    ['tolist(["a"])', ['a']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['coalesce(null, "", "x")', 'x'],
    ['coalescelist([], [1])', [1]],
    ['jsonencode({a = [1, true, null]})', '{"a":[1,true,null]}'],
    ['jsondecode("{\\"a\\": [1]}")', { a: [1] }],
    ['yamldecode("a: [1, 2]")', { a: [1, 2] }],
    ['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
    ['cidrhost("10.0.0.0/24", 5)', '10.0.0.5'],
    ['cidrnetmask("10.0.0.0/12")', '255.240.0.0'],
    ['cidrsubnets("10.1.0.0/16", 4, 4, 8)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24']],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['flatten([[1, [2]], 3])', [1, 2, 3]],
    ['distinct([1, 2, 1])', [1, 2]],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['substr("hello", 1, 3)', 'ell'],
    ['substr("hello", -3, -1)', 'llo'],
    ['trimspace("  x \\n")', 'x'],
    ['trimprefix("abc", "a")', 'bc'],
    ['trimsuffix("abc", "c")', 'ab'],
    ['trim("?!a?!", "!?")', 'a'],
    ['startswith("abc", "ab")', true],
    ['endswith("abc", "bc")', true],
    ['range(3)', [0, 1, 2]],
    ['range(1, 7, 2)', [1, 3, 5]],
    ['abs(-2)', 2],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['base64encode("hi")', 'aGk='],
    ['base64decode("aGk=")', 'hi'],
    ['regex("([a-z]+)-(\\\\d+)", "ab-12")', ['ab', '12']],
    ['regexall("\\\\d", "a1b2")', ['1', '2']],
    ['one([])', null],
    ['alltrue([true, "true"])', true],
    ['sum([1, 2.5])', 3.5],
    ['setunion(["b"], ["a", "b"])', ['a', 'b']],
    ['setintersection(["a", "b"], ["b", "c"])', ['b']],
    ['setsubtract(["a", "b"], ["b"])', ['a']],
    ['slice([1, 2, 3], 1, 3)', [2, 3]],
    ['reverse([1, 2])', [2, 1]],
    ['sort(["b", "a"])', ['a', 'b']],
    ['chunklist([1, 2, 3], 2)', [[1, 2], [3]]],
    ['transpose({a = ["1", "2"], b = ["2"]})', { 1: ['a'], 2: ['a', 'b'] }],
    ['tostring(5)', '5'],
    ['tonumber("5")', 5],
    ['tobool("true")', true],
    ['title("hello world")', 'Hello World'],
    ['index(["a", "b"], "b")', 1],
    ['parseint("ff", 16)', 255],
    ['urlencode("a b&c")', 'a+b%26c'],
    ['indent(2, "a\\nb")', 'a\n  b'],
    ['chomp("x\\n\\n")', 'x'],
    ['strrev("abc")', 'cba'],
    ['sensitive("s")', 's'],
  ];
  for (const [expr, want] of cases) {
    it(expr, () => assert.deepEqual(fn(expr), want));
  }

  it('unsupported and impure functions give unknowns', () => {
    for (const e of ['file("x")', 'timestamp()', 'uuid()', 'sha256("x")', 'templatefile("x", {})', 'no_such_fn(1)']) assert.ok(isUnknown(fn(e)), e);
  });

  it('type errors give unknowns, never a wrong value', () => {
    for (const e of ['upper([1])', 'element([], 0)', 'cidrsubnet("10.0.0.0/30", 8, 1)', 'range(0, 100000)', 'jsondecode("{")', '1 / 0']) assert.ok(isUnknown(fn(e)), e);
  });
});

describe('modules', () => {
  const fsTree = tree({
    'root/main.tf': `
module "net" {
  source = "./modules/net"
  name   = "prod"
  cidrs  = ["10.0.0.0/24", "10.0.1.0/24"]
}
module "per_env" {
  source   = "./modules/net"
  for_each = { a = "x" }
  name     = each.key
  cidrs    = []
}
module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
module "counted" {
  source = "./modules/leaf"
  count  = 2
  tag    = "t\${count.index}"
}
resource "aws_flow_log" "f" {
  vpc_id = module.net.vpc_id
  name   = module.net.name_out
}
`,
    'root/modules/net/main.tf': `
variable "name" {}
variable "cidrs" { type = list(string) }
resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = var.name }
}
resource "aws_subnet" "private" {
  count      = length(var.cidrs)
  vpc_id     = aws_vpc.this.id
  cidr_block = var.cidrs[count.index]
}
module "leaf" {
  source = "../leaf"
  tag    = var.name
}
output "vpc_id" { value = aws_vpc.this.id }
output "name_out" { value = upper(var.name) }
`,
    'root/modules/leaf/main.tf': `
variable "tag" {}
resource "aws_eip" "e" {
  tags = { t = var.tag }
}
`,
  });

  it('local modules are expanded with their inputs, recursively, with full addresses', () => {
    const res = evaluateRootModule({ dir: 'root', files: fsTree.files('root'), reader: fsTree.reader });
    const byName = new Map(res.objects.map((o) => [o.name, o]));
    assert.deepEqual([...byName.keys()].sort(), [
      'aws_flow_log.f',
      'module.counted[0].aws_eip.e',
      'module.counted[1].aws_eip.e',
      'module.net.aws_subnet.private[0]',
      'module.net.aws_subnet.private[1]',
      'module.net.aws_vpc.this',
      'module.net.module.leaf.aws_eip.e',
      'module.per_env["a"].aws_vpc.this',
      'module.per_env["a"].module.leaf.aws_eip.e',
    ]);
    const subnet = byName.get('module.net.aws_subnet.private[1]')!;
    assert.equal(subnet.value.cidr_block, '10.0.1.0/24');
    assert.deepEqual(isUnknown(subnet.value.vpc_id) && subnet.value.vpc_id.refs, ['module.net.aws_vpc.this']);
    assert.equal(subnet.file, 'root/modules/net/main.tf');
    assert.equal(subnet.annotations['terraform.io/module'], 'module.net');
    assert.equal(subnet.source.locate(['cidr_block']).startLine, 11);
    assert.deepEqual(byName.get('module.net.module.leaf.aws_eip.e')!.value.tags, { t: 'prod' });
    assert.deepEqual(byName.get('module.counted[1].aws_eip.e')!.value.tags, { t: 't1' });
    const flow = byName.get('aws_flow_log.f')!;
    assert.equal(flow.value.name, 'PROD');
    assert.deepEqual(isUnknown(flow.value.vpc_id) && flow.value.vpc_id.refs, ['module.net.aws_vpc.this']);
    assert.ok(res.calledDirs.has('root/modules/net'));
    const remote = res.issues.filter((i) => i.issue.code === 'terraform-module-remote');
    assert.equal(remote.length, 1);
    assert.equal(remote[0]!.level, 'warning');
    assert.equal(remote[0]!.issue.location.startLine, 14);
  });

  it('module cycles and missing modules are errors at the call', () => {
    const t = tree({
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\nmodule "gone" {\n  source = "./gone"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\nresource "x" "y" {}\n',
    });
    const res = evaluateRootModule({ dir: 'a', files: t.files('a'), reader: t.reader });
    assert.deepEqual(
      res.objects.map((o) => o.name),
      ['module.b.x.y'],
    );
    const codes = res.issues.map((i) => `${i.issue.code}@${i.issue.location.path}:${i.issue.location.startLine}`).sort();
    assert.deepEqual(codes, ['terraform-cycle@b/main.tf:2', 'terraform-module@a/main.tf:5']);
  });

  it('a single file on its own does not read modules (no I/O) and does not warn for local ones', () => {
    const r = parseTerraformText('module "m" {\n  source = "./m"\n}\nresource "a" "b" {\n  x = module.m.out\n}\n', 'main.tf');
    assert.deepEqual(r.warnings, []);
    assert.ok(isUnknown(r.objects[0]!.value.x));
  });
});

describe('source locations', () => {
  it('attributes, object keys, list items and blocks; missing paths fall back to the nearest parent', () => {
    const o = objects(`resource "aws_s3_bucket" "b" {
  count = 2
  tags = {
    Name = "x"
  }
  list = ["a", "b"]
  versioning {
    enabled = true
  }
}
`)[1]!;
    const at = (p: (string | number)[]): string => {
      const l = o.source.locate(p);
      return `${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn}`;
    };
    assert.equal(at([]), '1:1-1:31');
    assert.equal(at(['tags']), '3:3-5:4');
    assert.equal(at(['tags', 'Name']), '4:5-4:15');
    assert.equal(at(['list', 1]), '6:16-6:19');
    assert.equal(at(['versioning', 0, 'enabled']), '8:5-8:19');
    assert.equal(at(['versioning', 0, 'mfa_delete']), '7:3-9:4');
    assert.equal(at(['logging', 0, 'target']), '1:1-1:31');
    assert.equal(o.source.resolve(['versioning', 0, 'mfa_delete']).matched, 2);
  });

  it('docText is the resource block', () => {
    const o = objects('# before\nresource "a" "b" {\n  x = 1\n}\nresource "a" "c" {}\n')[0]!;
    assert.equal(o.docText(), 'resource "a" "b" {\n  x = 1\n}');
  });
});

describe('comment suppressions', () => {
  it('checkov inside the block, trivy/tfsec/palisade above the resource, an attribute or a nested block', () => {
    const os = objects(`# palisade:ignore=PAL-TF-0001,aws-s3-versioning-disabled accepted risk expires=2030-01-01
#trivy:ignore:AVD-AWS-0086:exp:2030-02-01
resource "aws_s3_bucket" "b" {
  #checkov:skip=CKV_AWS_18,CKV_AWS_21:no logging here
  bucket = "x"
  # tfsec:ignore:aws-s3-enable-versioning
  versioning {
    enabled = false
  }
  acl = "public-read" #trivy:ignore:AVD-AWS-0092
}
resource "aws_s3_bucket" "other" {
  #trivy:ignore:AVD-AWS-0001[bucket=x]
  bucket = "y"
}
`);
    const s = os[0]!.inlineSuppressions!.map((x) => ({ by: x.by, ids: x.ids, reason: x.reason, expires: x.expires, pathPrefix: x.pathPrefix, line: x.location.startLine }));
    assert.deepEqual(s, [
      { by: 'palisade-comment', ids: ['PAL-TF-0001', 'aws-s3-versioning-disabled'], reason: 'accepted risk', expires: '2030-01-01', pathPrefix: '', line: 1 },
      { by: 'trivy-comment', ids: ['AVD-AWS-0086'], reason: '', expires: '2030-02-01', pathPrefix: '', line: 2 },
      { by: 'checkov-comment', ids: ['CKV_AWS_18', 'CKV_AWS_21'], reason: 'no logging here', expires: undefined, pathPrefix: '', line: 4 },
      { by: 'trivy-comment', ids: ['aws-s3-enable-versioning'], reason: '', expires: undefined, pathPrefix: 'versioning[0]', line: 6 },
      { by: 'trivy-comment', ids: ['AVD-AWS-0092'], reason: '', expires: undefined, pathPrefix: 'acl', line: 10 },
    ]);
    assert.deepEqual(os[1]!.inlineSuppressions, [], 'conditional trivy ignores are not applied');
  });
});

describe('.tf.json', () => {
  it('resources, variables, locals and blocks, located at their keys', () => {
    const text = `{
  "variable": { "env": { "default": "dev", "type": "string" } },
  "locals": { "name": "app-\${var.env}" },
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "count": 2,
        "bucket": "\${local.name}-\${count.index}",
        "versioning": [{ "enabled": true }],
        "tags": { "Env": "\${var.env}" }
      }
    }
  }
}
`;
    const r = parseTerraformText(text, 'main.tf.json');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.objects.map((o) => [o.name, o.value]),
      [
        ['aws_s3_bucket.b[0]', { bucket: 'app-dev-0', versioning: [{ enabled: true }], tags: { Env: 'dev' } }],
        ['aws_s3_bucket.b[1]', { bucket: 'app-dev-1', versioning: [{ enabled: true }], tags: { Env: 'dev' } }],
      ],
    );
    const l = r.objects[0]!.source.locate(['bucket']);
    assert.equal(`${l.startLine}:${l.startColumn}`, '8:9');
    assert.equal(r.objects[0]!.source.locate(['tags', 'Env']).startLine, 10);
  });

  it('invalid JSON and invalid templates are hcl-syntax errors with positions', () => {
    const a = parseTerraformText('{\n  "resource": [\n}', 'main.tf.json');
    assert.equal(a.errors[0]!.code, 'hcl-syntax');
    assert.equal(a.errors[0]!.location.startLine, 3);
    const b = parseTerraformText('{\n  "locals": { "x": "${" }\n}', 'main.tf.json');
    assert.equal(b.errors[0]!.location.startLine, 2);
  });
});

describe('hostile evaluation', () => {
  it('nested loops over ranges stop at the step budget with a warning, not a hang', () => {
    const t0 = performance.now();
    const r = parseTerraformText(
      'locals {\n  a = [for i in range(1000) : [for j in range(1000) : [for k in range(1000) : k]]]\n}\nresource "x" "y" {\n  v = length(local.a)\n  ok = 1\n}\n',
      'main.tf',
    );
    assert.ok(performance.now() - t0 < 20_000);
    assert.ok(isUnknown(r.objects[0]!.value.v));
    assert.equal(r.objects[0]!.value.ok, 1);
    assert.equal(r.warnings[0]!.code, 'terraform-eval-limit');
  });

  it('strings and lists doubled by locals stop at their size limits', () => {
    const doubling = (n: number, f: (p: string) => string): string => Array.from({ length: n }, (_v, i) => `  s${i + 1} = ${f(`local.s${i}`)}`).join('\n');
    const r = parseTerraformText(`locals {\n  s0 = "xxxxxxxxxxxxxxxx"\n${doubling(40, (p) => `"\${${p}}\${${p}}"`)}\n  l0 = [1, 2, 3, 4]\n${doubling(40, (p) => `concat(${p.replace('s', 'l')}, ${p.replace('s', 'l')})`).replace(/ s(\d+) =/g, ' l$1 =')}\n}\nresource "x" "y" {\n  s = local.s40\n  l = local.l40\n}\n`, 'main.tf');
    assert.deepEqual(r.errors, []);
    assert.ok(isUnknown(r.objects[0]!.value.s));
    assert.ok(isUnknown(r.objects[0]!.value.l));
  });
});
