import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCustomMeta, customMetaOrThrow } from './meta.js';

describe('custom policy meta', () => {
  it('fills the defaults a built-in check must spell out', () => {
    const r = buildCustomMeta({ id: 'ACME-0001', title: 'Team label required', severity: 'low' });
    assert.ok(r.ok);
    assert.deepEqual(r.meta, {
      target: 'kubernetes',
      id: 'ACME-0001',
      aliases: [],
      slug: 'acme-0001',
      title: 'Team label required',
      severity: 'low',
      category: 'best-practice',
      description: 'Team label required',
      rationale: 'Team label required',
      remediation: 'Change the kubernetes objects so that they satisfy the policy "Team label required" (ACME-0001).',
      references: [],
      standards: {},
      peers: [],
      messages: { default: 'Team label required' },
      examples: { good: '', bad: '' },
      kinds: ['*'],
      defaultEnabled: true,
    });
    assert.ok(Object.isFrozen(r.meta));
  });

  it('keeps what the policy says', () => {
    const meta = customMetaOrThrow({
      id: 'SEC-TF-12',
      title: 'Buckets are private',
      severity: 'high',
      target: 'terraform',
      kinds: ['aws_s3_bucket'],
      category: 'storage',
      slug: 'private-buckets',
      description: 'S3 buckets must not be public.',
      remediation: 'Set the ACL to private.',
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html'],
      peers: [{ tool: 'checkov', id: 'CKV_AWS_20', match: 'partial' }],
      messages: { public: 'bucket {{name}} is public' },
      defaultEnabled: false,
    });
    assert.equal(meta.slug, 'private-buckets');
    assert.equal(meta.remediation, 'Set the ACL to private.');
    assert.equal(meta.rationale, 'S3 buckets must not be public.');
    assert.deepEqual(meta.messages, { public: 'bucket {{name}} is public' });
    assert.equal(meta.defaultEnabled, false);
  });

  it('rejects reserved and malformed IDs, unknown categories and fields, with paths', () => {
    const issues = (input: unknown): string[] => {
      const r = buildCustomMeta(input);
      assert.ok(!r.ok);
      return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    assert.match(issues({ id: 'PAL-K8S-0001', title: 'abc', severity: 'low' })[0]!, /^id: .*PAL- is reserved/);
    assert.match(issues({ id: 'acme-1', title: 'abc', severity: 'low' })[0]!, /^id: /);
    assert.match(issues({ id: 'ACME', title: 'abc', severity: 'low' })[0]!, /^id: /);
    assert.match(issues({ id: 'ACME-1', title: 'abc', severity: 'low', category: 'misc' })[0]!, /^category: category must be one of: pod-security/);
    assert.match(issues({ id: 'ACME-1', title: 'abc', severity: 'low', owner: 'me' })[0]!, /Unrecognized key/);
    assert.match(issues({ id: 'ACME-1', title: 'abc', severity: 'low', peers: [{ tool: 'checkov', id: 'nope', match: 'same' }] })[0]!, /^peers.0: peer id/);
    assert.throws(() => customMetaOrThrow({ id: 'x', title: 'abc', severity: 'low' }), /invalid custom policy meta for x: id:/);
  });
});
