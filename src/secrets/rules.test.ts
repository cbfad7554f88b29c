import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanText } from './engine.js';
import { redact } from './redact.js';
import { BUILTIN_SECRET_RULES } from './rules/index.js';

const MIN_RULES = 80;

describe('secret rule catalog', () => {
  it('has unique IDs and slugs', () => {
    const seen = new Set<string>();
    for (const r of BUILTIN_SECRET_RULES) {
      for (const k of [r.meta.id, r.meta.slug]) {
        assert.ok(!seen.has(k), `duplicate ${k}`);
        seen.add(k);
      }
    }
    assert.ok(BUILTIN_SECRET_RULES.length >= MIN_RULES, `${BUILTIN_SECRET_RULES.length} rules`);
  });

  it('the index lists every rule file', () => {
    execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/gen-secret-index.mjs'), '--check'], { stdio: 'pipe' });
  });
});

for (const rule of BUILTIN_SECRET_RULES) {
  describe(`${rule.meta.id} ${rule.meta.slug}`, () => {
    rule.meta.examples.positive.forEach((ex, i) => {
      it(`finds positive example #${i}, redacted`, () => {
        assert.ok(rule.meta.keywords.some((k) => ex.toLowerCase().includes(k)), 'no keyword of the rule occurs in the example: the pre-filter would skip it');
        const hits = scanText(ex, [rule]);
        assert.equal(hits.length, 1, `expected exactly one hit in ${JSON.stringify(ex.slice(0, 80))}, got ${hits.length}`);
        const h = hits[0]!;
        assert.ok(h.redacted.endsWith('********'));
        // The redacted form never contains more than 4 characters of the secret.
        assert.ok(h.redacted.replace(/\*+$/, '').length <= 4);
      });
    });
    rule.meta.examples.negative.forEach((ex, i) => {
      it(`ignores negative example #${i}`, () => {
        const hits = scanText(ex, [rule]);
        assert.equal(hits.length, 0, `expected no hit in ${JSON.stringify(ex.slice(0, 80))}, got ${hits.map((h) => h.redacted).join(', ')}`);
      });
    });
  });
}

describe('engine', () => {
  it('locates the secret itself, not its context', () => {
    const text = 'line one\n  aws_access_key_id: AKIAZ4TQPLM3RXK7WB2D\n';
    const [h] = scanText(text, BUILTIN_SECRET_RULES);
    assert.deepEqual([h!.startLine, h!.startColumn, h!.endColumn], [2, 22, 42]);
  });

  it('redaction shows at most 4 characters and hides the length', () => {
    assert.equal(redact('AKIAZ4TQPLM3RXK7WB2D'), 'AKIA********');
    assert.equal(redact('short-pw'), 'sh********');
    assert.equal(redact('abc'), '********');
  });

  it('the same secret has the same hash wherever it appears', () => {
    const a = scanText('k = AKIAZ4TQPLM3RXK7WB2D', BUILTIN_SECRET_RULES)[0]!;
    const b = scanText('\n\n   other: AKIAZ4TQPLM3RXK7WB2D', BUILTIN_SECRET_RULES)[0]!;
    assert.equal(a.secretHash, b.secretHash);
  });

  it('skips placeholders', () => {
    assert.equal(scanText('aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}', BUILTIN_SECRET_RULES).length, 0);
  });
});
