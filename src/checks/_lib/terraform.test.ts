import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTerraformText } from '../../parsers/terraform/index.js';
import { ObjectIndex } from './object-index.js';
import { attr, blocks, isFalse, isTrue, isUnknown, literalNamesOf, moduleOf, providerOf, refersTo, refsOf, relatedResources, withoutInstanceKey } from './terraform.js';

const text = `
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  versioning {
    enabled = true
  }
}
resource "aws_s3_bucket" "data" {
  count  = 2
  bucket = "acme-data-\${count.index}"
}
resource "aws_s3_bucket_versioning" "by_ref" {
  bucket = aws_s3_bucket.logs.id
}
resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "acme-logs"
}
resource "aws_s3_bucket_versioning" "by_index" {
  bucket = aws_s3_bucket.data[1].id
}
resource "aws_s3_bucket_versioning" "by_splat" {
  bucket = aws_s3_bucket.data[*].id
}
resource "aws_s3_bucket_versioning" "other" {
  bucket = aws_s3_bucket.elsewhere.id
}
resource "kubernetes_pod" "p" {
  metadata {
    name = "p"
  }
}
variable "unknown" {}
resource "aws_s3_bucket_public_access_block" "pab" {
  bucket                  = aws_s3_bucket.logs.bucket
  block_public_acls       = "true"
  block_public_policy     = false
  ignore_public_acls      = var.unknown
  restrict_public_buckets = jsonencode({ a = aws_s3_bucket.data[0].arn })
}
`;

const objects = parseTerraformText(text, 'main.tf').objects;
const index = new ObjectIndex(objects);
const get = (name: string) => objects.find((o) => o.name === name)!;

describe('Terraform check helpers', () => {
  it('attr reads nested values safely; blocks always gives a list', () => {
    const logs = get('aws_s3_bucket.logs');
    assert.equal(attr(logs.value, 'versioning', 0, 'enabled'), true);
    assert.equal(attr(logs.value, 'versioning', 1, 'enabled'), undefined);
    assert.equal(attr(logs.value, 'nope', 0, 'x'), undefined);
    assert.equal(attr({ single: { a: 1 } }, 'single', 0, 'a'), 1, 'a .tf.json single block');
    assert.deepEqual(blocks(logs.value, 'versioning'), [{ enabled: true }]);
    assert.deepEqual(blocks(logs.value, 'logging'), []);
    assert.deepEqual(blocks({ one: { a: 1 } }, 'one'), [{ a: 1 }]);
  });

  it('isTrue / isFalse: explicit values only, never unknowns', () => {
    const pab = get('aws_s3_bucket_public_access_block.pab').value;
    assert.equal(isTrue(pab.block_public_acls), true);
    assert.equal(isFalse(pab.block_public_policy), true);
    assert.equal(isTrue(pab.ignore_public_acls), false);
    assert.equal(isFalse(pab.ignore_public_acls), false);
    assert.ok(isUnknown(pab.ignore_public_acls));
  });

  it('refsOf collects the addresses of unknowns, also inside values', () => {
    const pab = get('aws_s3_bucket_public_access_block.pab').value;
    assert.deepEqual(refsOf(pab.bucket), ['aws_s3_bucket.logs']);
    assert.deepEqual(refsOf(pab.restrict_public_buckets), ['aws_s3_bucket.data[0]']);
    assert.deepEqual(refsOf({ a: [pab.bucket] }), ['aws_s3_bucket.logs']);
    assert.deepEqual(refsOf('literal'), []);
  });

  it('refersTo: by reference, by instance, by splat, and by the literal name when given the object', () => {
    const logs = get('aws_s3_bucket.logs');
    const data1 = get('aws_s3_bucket.data[1]');
    const data0 = get('aws_s3_bucket.data[0]');
    assert.equal(refersTo(get('aws_s3_bucket_versioning.by_ref').value.bucket, logs), true);
    assert.equal(refersTo(get('aws_s3_bucket_versioning.by_ref').value.bucket, 'aws_s3_bucket.logs'), true);
    assert.equal(refersTo('acme-logs', logs), true);
    assert.equal(refersTo('acme-logs', 'aws_s3_bucket.logs'), false, 'an address alone knows no names');
    assert.equal(refersTo(get('aws_s3_bucket_versioning.by_index').value.bucket, data1), true);
    assert.equal(refersTo(get('aws_s3_bucket_versioning.by_index').value.bucket, data0), false);
    assert.equal(refersTo(get('aws_s3_bucket_versioning.by_splat').value.bucket, data0), true);
    assert.equal(refersTo(get('aws_s3_bucket_versioning.other').value.bucket, logs), false);
  });

  it('relatedResources finds configuration resources of a bucket', () => {
    const names = (target: string): string[] => relatedResources(index, 'aws_s3_bucket_versioning', 'bucket', get(target)).map((o) => o.name).sort();
    assert.deepEqual(names('aws_s3_bucket.logs'), ['aws_s3_bucket_versioning.by_name', 'aws_s3_bucket_versioning.by_ref']);
    assert.deepEqual(names('aws_s3_bucket.data[1]'), ['aws_s3_bucket_versioning.by_index', 'aws_s3_bucket_versioning.by_splat']);
    assert.deepEqual(names('aws_s3_bucket.data[0]'), ['aws_s3_bucket_versioning.by_splat']);
  });

  it('providers, modules, names', () => {
    assert.equal(providerOf(get('aws_s3_bucket.logs')), 'aws');
    const pod = objects.find((o) => o.target === 'kubernetes')!;
    assert.equal(providerOf(pod), 'kubernetes');
    assert.equal(moduleOf(get('aws_s3_bucket.logs')), '');
    assert.deepEqual(literalNamesOf(get('aws_s3_bucket.logs')), ['acme-logs']);
    assert.equal(withoutInstanceKey('module.a["x"].aws_s3_bucket.b[0]'), 'module.a["x"].aws_s3_bucket.b');
  });
});
