import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_CHECKS } from '../index.js';
import { runChecks } from '../engine.js';
import { loadObjects } from '../tester/index.js';
import {
  credentialsInText,
  isWorldCidr,
  maybeBase64Decode,
  opensAllPorts,
  opensPort,
  policyDocument,
  securityGroupRules,
  type SgRule,
} from './terraform-aws.js';

const rule = (protocol: string, fromPort: number, toPort: number): SgRule => ({
  direction: 'ingress',
  path: [],
  protocol,
  fromPort,
  toPort,
  cidrs: [],
  descriptionPath: ['description'],
  hasDescription: false,
});

const AWS_CHECKS = BUILTIN_CHECKS.filter((c) => c.meta.slug.startsWith('aws-'));

function runAws(code: string) {
  const objects = loadObjects('terraform', code, 'main.tf');
  const active = AWS_CHECKS.map((check) => ({ check, options: check.options ? check.options.parse({}) : {}, severity: check.meta.severity }));
  return runChecks(active, objects);
}

describe('terraform-aws helpers', () => {
  it('classifies CIDRs', () => {
    for (const c of ['0.0.0.0/0', '::/0', '0000:0000:0000:0000:0000:0000:0000:0000/0', ' 0.0.0.0/0 ']) assert.ok(isWorldCidr(c), c);
    for (const c of ['10.0.0.0/8', '0.0.0.0/1', '::/1', '0.0.0.0', 'sg-123']) assert.ok(!isWorldCidr(c), c);
  });

  it('reads ports by protocol', () => {
    assert.equal(opensPort(rule('tcp', 20, 25), 22), true);
    assert.equal(opensPort(rule('6', 23, 25), 22), false);
    assert.equal(opensPort(rule('-1', 0, 0), 3389), true);
    assert.equal(opensPort(rule('icmp', -1, -1), 22), false);
    assert.ok(opensAllPorts(rule('all', 0, 0)));
    assert.ok(opensAllPorts(rule('tcp', 0, 65535)));
    assert.ok(!opensAllPorts(rule('tcp', 0, 0)), 'TCP 0-0 is port 0, not every port');
    assert.ok(!opensAllPorts(rule('udp', 1024, 65535)));
  });

  it('reads policy documents from JSON text and objects, and refuses what it cannot read', () => {
    const doc = policyDocument('{"Statement":{"Sid":"A","Effect":"Allow","Action":"*","Resource":["*"]}}');
    assert.equal(doc?.statements.length, 1);
    assert.equal(doc?.statements[0]?.sid, 'A');
    assert.deepEqual(doc?.statements[0]?.actions, ['*']);
    assert.equal(policyDocument({ Statement: [{ Effect: 'Deny', NotAction: 'iam:*' }] })?.statements[0]?.notActions[0], 'iam:*');
    assert.equal(policyDocument('not json'), undefined);
    assert.equal(policyDocument('['.repeat(200_000) + ']'.repeat(200_000)), undefined, 'deep nesting is not a crash');
    assert.equal(policyDocument('{"Statement":[' + '{"Effect":"Allow","Action":"s3:GetObject"},'.repeat(40_000) + '{}]}'), undefined, 'over the size cap');
  });

  it('decodes base64 user data only when it is text', () => {
    assert.equal(maybeBase64Decode(Buffer.from('#!/bin/bash\necho hi\n').toString('base64')), '#!/bin/bash\necho hi\n');
    assert.equal(maybeBase64Decode('abcdefgh'), 'abcdefgh', 'a short word that happens to be base64 decodes to noise');
    assert.equal(maybeBase64Decode('not base64 at all!'), 'not base64 at all!');
  });

  it('finds credentials in scripts, not commands that fetch them', () => {
    assert.match(credentialsInText('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE') ?? '', /access key/);
    assert.match(credentialsInText('DB_PASSWORD=hunter2-but-longer') ?? '', /DB_PASSWORD/);
    assert.equal(credentialsInText('DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db)'), undefined);
    assert.equal(credentialsInText('DB_PASSWORD=`cat /run/secrets/db`'), undefined);
  });

  it('stays linear on hostile user data', () => {
    const started = performance.now();
    credentialsInText('$('.repeat(100_000));
    credentialsInText('`'.repeat(200_000));
    credentialsInText('PASSWORD='.repeat(20_000));
    assert.ok(performance.now() - started < 2_000, `took ${Math.round(performance.now() - started)} ms`);
  });

  it('reads every spelling of a security group rule', () => {
    const objects = loadObjects(
      'terraform',
      `resource "aws_vpc_security_group_ingress_rule" "r" {
  security_group_id = "sg-1"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "::/0"
}
`,
      'main.tf',
    );
    const rules = securityGroupRules(objects[0]!);
    assert.equal(rules.length, 1);
    assert.deepEqual(rules[0]!.cidrs, [{ cidr: '::/0', path: ['cidr_ipv6'] }]);
  });
});

describe('AWS checks on hostile and large input', () => {
  it('every AWS check survives odd values without crashing', () => {
    // Wrong types everywhere: strings for blocks, numbers for lists, nulls, empty blocks, unknowns.
    const res = runAws(`variable "x" {}

resource "aws_s3_bucket" "b" {
  bucket     = 42
  versioning = "yes"
  logging    = null
  grant      = [1, "two", null]
  policy     = "{\\"Statement\\": 7}"
}

resource "aws_security_group" "sg" {
  ingress = var.x
  egress {
  }
}

resource "aws_security_group_rule" "r" {
  type        = "ingress"
  protocol    = ["tcp"]
  from_port   = "twenty"
  to_port     = null
  cidr_blocks = "0.0.0.0/0"
}

resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [null, 1, { Effect = "Allow", Action = [1, null, "*"], Resource = { a = 1 } }] })
}

resource "aws_instance" "i" {
  user_data        = 12
  user_data_base64 = "@@@"
  metadata_options = var.x
  root_block_device {
    encrypted = "maybe"
  }
}

resource "aws_lb_listener" "l" {
  protocol       = 80
  default_action = "forward"
}

resource "aws_eks_cluster" "c" {
  vpc_config {
    public_access_cidrs = "0.0.0.0/0"
  }
  enabled_cluster_log_types = "api"
}

data "aws_iam_policy_document" "d" {
  statement {
    principals {
      type = var.x
    }
    condition {
      test = 1
    }
  }
}
`);
    assert.deepEqual(res.crashes, []);
  });

  it('links thousands of buckets to their configuration without quadratic slow-down', () => {
    const n = 1500;
    let code = '';
    for (let i = 0; i < n; i++) {
      code += `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n}\n\n`;
      code += `resource "aws_s3_bucket_public_access_block" "b${i}" {\n  bucket                  = aws_s3_bucket.b${i}.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n\n`;
      code += `resource "aws_s3_bucket_versioning" "b${i}" {\n  bucket = "bucket-${i}"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\n`;
    }
    const started = performance.now();
    const res = runAws(code);
    const ms = performance.now() - started;
    assert.deepEqual(res.crashes, []);
    const slugs = new Set(res.findings.map((f) => f.slug));
    assert.ok(!slugs.has('aws-s3-public-access-block-missing'), 'every bucket has its block');
    assert.ok(!slugs.has('aws-s3-versioning-disabled'), 'every bucket has versioning, linked by name');
    assert.equal(res.findings.filter((f) => f.slug === 'aws-s3-access-logging-disabled').length, n);
    assert.ok(ms < 20_000, `took ${Math.round(ms)} ms`);
  });
});
