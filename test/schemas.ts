// JSON Schema validators for outputs, shared by the formatter snapshots and the end-to-end CLI tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const repoRoot = join(import.meta.dirname, '..');

/** The JSON report contract, schemas/report.schema.json (draft 2020-12). */
export function reportValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas', 'report.schema.json'), 'utf8')) as object);
}

/**
 * The official SARIF 2.1.0 schema from ../shared/schemas. It declares draft-04, which Ajv 8 does not ship. Draft-04 and
 * draft-07 differ only in `id` vs `$id` and boolean exclusiveMinimum/Maximum; the SARIF schema uses neither of the
 * latter, so renaming its top-level `id` is enough.
 */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(repoRoot, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  assert.ok(!JSON.stringify(schema).includes('"exclusiveMinimum":true'));
  const { id, $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile({ $id: String(id), ...rest });
}
