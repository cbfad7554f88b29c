import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isUnknown } from './values.js';
import { isTerraformPlan, parseTerraformPlan } from './plan.js';

const text = readFileSync(join(import.meta.dirname, 'fixtures', 'plan.json'), 'utf8');
const value = JSON.parse(text) as unknown;

describe('terraform show -json plans', () => {
  it('recognises plans and state, and nothing else', () => {
    assert.equal(isTerraformPlan(value), true);
    assert.equal(isTerraformPlan({ format_version: '1.0', values: { root_module: {} } }), true);
    assert.equal(isTerraformPlan({ format_version: '1.0' }), false);
    assert.equal(isTerraformPlan({ planned_values: {} }), false);
    assert.equal(isTerraformPlan({ apiVersion: 'v1', kind: 'List' }), false);
    assert.equal(isTerraformPlan([]), false);
  });

  it('one object per resource of the root and child modules, with the HCL model', () => {
    const r = parseTerraformPlan(value, text, 'plan.json');
    assert.deepEqual(r.errors, []);
    const tf = r.objects.filter((o) => o.target === 'terraform');
    assert.deepEqual(
      tf.map((o) => [o.kind, o.name, o.annotations['terraform.io/module']]),
      [
        ['aws_s3_bucket', 'aws_s3_bucket.logs', ''],
        ['aws_s3_bucket_versioning', 'aws_s3_bucket_versioning.logs', ''],
        ['kubernetes_deployment', 'kubernetes_deployment.web', ''],
        ['data.aws_caller_identity', 'data.aws_caller_identity.current', ''],
        ['aws_instance', 'module.web.aws_instance.this[0]', 'module.web'],
      ],
    );
    const bucket = tf[0]!;
    assert.equal(bucket.apiVersion, 'aws');
    assert.equal(bucket.value.bucket, 'acme-logs');
    assert.ok(!('timeouts' in bucket.value), 'null attributes are not set');
    assert.ok(isUnknown(bucket.value.arn));
  });

  it('after_unknown values are unknowns carrying the configuration references', () => {
    const r = parseTerraformPlan(value, text, 'plan.json');
    const v = r.objects.find((o) => o.name === 'aws_s3_bucket_versioning.logs')!;
    assert.ok(isUnknown(v.value.bucket));
    assert.deepEqual(isUnknown(v.value.bucket) && v.value.bucket.refs, ['aws_s3_bucket.logs']);
    const i = r.objects.find((o) => o.name === 'module.web.aws_instance.this[0]')!;
    assert.deepEqual(isUnknown(i.value.subnet_id) && i.value.subnet_id.refs, ['module.web.aws_subnet.private[0]', 'module.web.aws_subnet.private']);
    const md = (i.value.metadata_options as Record<string, unknown>[])[0]!;
    assert.equal(md.http_tokens, 'optional');
    assert.ok(isUnknown(md.http_endpoint));
  });

  it('located at the attribute keys in the plan file', () => {
    const r = parseTerraformPlan(value, text, 'plan.json');
    const lines = text.split('\n');
    const lineOf = (needle: string, from = 0): number => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
    const v = r.objects.find((o) => o.name === 'aws_s3_bucket_versioning.logs')!;
    const start = lineOf('"address": "aws_s3_bucket_versioning.logs"');
    assert.equal(v.source.locate(['versioning_configuration', 0, 'status']).startLine, lineOf('"status": "Suspended"', start));
    assert.equal(v.source.locate([]).startLine, start);
    assert.equal(v.source.locate(['missing']).startLine, start);
  });

  it('kubernetes_* resources of a plan are Kubernetes objects too', () => {
    const r = parseTerraformPlan(value, text, 'plan.json');
    const k = r.objects.find((o) => o.target === 'kubernetes')!;
    assert.equal(k.kind, 'Deployment');
    assert.deepEqual(k.derivedFrom, { target: 'terraform', kind: 'kubernetes_deployment', name: 'kubernetes_deployment.web' });
    const sc = ((k.value as { spec: { template: { spec: { containers: { securityContext: Record<string, unknown> }[] } } } }).spec.template.spec.containers[0]!).securityContext;
    assert.deepEqual(sc, { privileged: true, runAsUser: 0 });
    assert.equal(k.source.locate(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']).startLine, text.split('\n').findIndex((l) => l.includes('"privileged": true')) + 1);
  });

  it('a plan without planned values is a warning; broken positions are an error, not a crash', () => {
    const w = parseTerraformPlan({ format_version: '1.2', resource_changes: [] }, '{"format_version":"1.2","resource_changes":[]}', 'p.json');
    assert.equal(w.warnings.length, 1);
    const e = parseTerraformPlan(value, '{"format_version": ', 'p.json');
    assert.equal(e.errors[0]!.code, 'json-syntax');
  });
});
