import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Finding } from '../core/finding.js';
import type { Report } from '../core/report.js';
import { applyVex, parseOpenVex, productMatches, type VexStatement } from './vex.js';

// policy may not import formatters, so the formatters' output comes from their committed snapshots of the shared
// `vulnerabilities` scenario; formatters.test.ts keeps those byte-equal to what the formatters produce.
const snapshots = join(import.meta.dirname, '..', 'formatters', '__snapshots__');
const snapshot = (file: string): string => readFileSync(join(snapshots, file), 'utf8');
const report = JSON.parse(snapshot('json/vulnerabilities.json')) as Report;
const scenario = { report };
/** The scenario's vulnerability findings with every suppression lifted, as the matcher hands them over. */
const fresh = (): Finding[] => scenario.report.findings.filter((f) => f.vulnerability).map((f) => ({ ...f, suppressed: null }));
const byId = (fs: Finding[], id: string): Finding => fs.find((f) => f.checkId === id)!;

function openvex(statements: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.com/vex/1', author: 'Shop security', timestamp: '2025-01-10T09:00:00Z', version: 1, statements, ...extra },
    null,
    2,
  );
}

function parsed(text: string, path = 'vex/app.openvex.json'): VexStatement[] {
  const r = parseOpenVex(text, path);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

describe('parseOpenVex: OpenVEX', () => {
  test('reads statements with products, subcomponents, identifiers and timestamps', () => {
    const s = parsed(
      openvex([
        {
          '@id': 'https://example.com/vex/1#lodash',
          vulnerability: { name: 'CVE-2020-28500', aliases: ['GHSA-29mw-wpgm-hmr9'] },
          products: [{ '@id': 'pkg:oci/api?repository_url=registry.example/shop/api', subcomponents: [{ '@id': 'pkg:npm/lodash@4.17.20' }] }],
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          impact_statement: 'trim is never called on user input',
        },
        { vulnerability: { name: 'CVE-2021-44228' }, products: [{ identifiers: { purl: 'pkg:maven/org.apache.logging.log4j/log4j-core' } }], status: 'affected', action_statement: 'upgrade', timestamp: '2025-01-12T00:00:00Z' },
      ]),
    );
    assert.equal(s.length, 2);
    assert.deepEqual(s[0]!.products, ['pkg:oci/api?repository_url=registry.example/shop/api', 'pkg:npm/lodash@4.17.20']);
    assert.equal(s[0]!.source, 'vex/app.openvex.json#https://example.com/vex/1#lodash');
    assert.equal(s[0]!.timestamp, '2025-01-10T09:00:00Z', 'the document timestamp when the statement has none');
    assert.equal(s[0]!.location.startLine, 9);
    assert.deepEqual(s[1]!.products, ['pkg:maven/org.apache.logging.log4j/log4j-core']);
    assert.equal(s[1]!.source, 'vex/app.openvex.json#1');
    assert.equal(s[1]!.timestamp, '2025-01-12T00:00:00Z');
  });
  test('accepts the 0.0.x shape: vulnerability and products as strings', () => {
    const s = parsed(openvex([{ vulnerability: 'CVE-1', products: ['pkg:npm/a@1'], status: 'fixed' }], { '@context': 'https://openvex.dev/ns' }));
    assert.deepEqual([s[0]!.vulnerability, s[0]!.products, s[0]!.status], ['CVE-1', ['pkg:npm/a@1'], 'fixed']);
  });
  test('malformed JSON is an error at the broken spot', () => {
    const r = parseOpenVex('{\n  "@context": "https://openvex.dev/ns/v0.2.0",\n  "statements": [\n    { "status": "fixed", }\n  ]\n}\n', 'v.json');
    assert.ok(!r.ok);
    assert.equal(r.error[0]!.code, 'json-syntax');
    assert.deepEqual([r.error[0]!.location.path, r.error[0]!.location.startLine], ['v.json', 4]);
  });
  test('spec violations are errors located at the statement field', () => {
    const r = parseOpenVex(
      openvex([
        { vulnerability: { name: 'CVE-1' }, products: [{ '@id': 'pkg:npm/a' }], status: 'not_affected' },
        { vulnerability: { name: 'CVE-2' }, products: [{ '@id': 'pkg:npm/a' }], status: 'wontfix' },
        { vulnerability: { name: 'CVE-3' }, products: [{ '@id': 'pkg:npm/a' }], status: 'not_affected', justification: 'trust_me' },
        { vulnerability: {}, products: [], status: 'fixed' },
        { vulnerability: { name: 'CVE-5' }, products: [], status: 'fixed' },
      ]),
      'v.json',
    );
    assert.ok(!r.ok);
    assert.deepEqual(
      r.error.map((e) => [e.message.replace(/:.*/, ''), e.location.startLine]),
      [['statement 0', 17], ['statement 1', 28], ['statement 2', 40], ['statement 3', 43], ['statement 4', 51]],
    );
    assert.match(r.error[0]!.message, /not_affected needs a justification or an impact_statement/);
    assert.match(r.error[1]!.message, /status must be one of/);
  });
  test('other JSON is not VEX', () => {
    for (const text of ['[]', '{"spdxVersion":"SPDX-2.3"}', '"x"']) {
      const r = parseOpenVex(text, 'x.json');
      assert.ok(!r.ok, text);
      assert.equal(r.error[0]!.code, 'not-vex');
    }
  });
});

describe('parseOpenVex: CycloneDX VEX', () => {
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    metadata: { timestamp: '2025-01-11T00:00:00Z' },
    components: [{ 'bom-ref': 'comp-lodash', name: 'lodash', purl: 'pkg:npm/lodash@4.17.20', components: [{ 'bom-ref': 'nested', purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1' }] }],
    vulnerabilities: [
      { id: 'CVE-2020-28500', references: [{ id: 'GHSA-29mw-wpgm-hmr9', source: { name: 'GitHub' } }], analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'never called' }, affects: [{ ref: 'comp-lodash' }] },
      { id: 'CVE-2023-5678', analysis: { state: 'resolved', detail: 'patched', lastUpdated: '2025-01-12T00:00:00Z' }, affects: [{ ref: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#nested' }] },
      { id: 'CVE-9999-0001', ratings: [], affects: [{ ref: 'comp-lodash' }] },
    ],
  };
  test('vulnerabilities with an analysis become statements; refs resolve to purls, BOM-links included', () => {
    const s = parsed(JSON.stringify(bom, null, 2), 'base.cdx.json');
    assert.equal(s.length, 2, 'a vulnerability without analysis is not a statement');
    assert.deepEqual(s[0], {
      vulnerability: 'CVE-2020-28500',
      aliases: ['GHSA-29mw-wpgm-hmr9'],
      products: ['pkg:npm/lodash@4.17.20'],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      impactStatement: 'never called',
      timestamp: '2025-01-11T00:00:00Z',
      source: 'base.cdx.json#CVE-2020-28500',
      location: s[0]!.location,
    });
    assert.deepEqual([s[1]!.status, s[1]!.products, s[1]!.statusNotes, s[1]!.timestamp], ['fixed', ['pkg:deb/debian/libssl3@3.0.11-1~deb12u1'], 'patched', '2025-01-12T00:00:00Z']);
  });
  test('an unknown analysis state is an error', () => {
    const bad = { ...bom, vulnerabilities: [{ id: 'CVE-1', analysis: { state: 'meh' }, affects: [{ ref: 'comp-lodash' }] }] };
    const r = parseOpenVex(JSON.stringify(bad, null, 2), 'b.json');
    assert.ok(!r.ok);
    assert.match(r.error[0]!.message, /unknown analysis.state "meh"/);
  });
});

describe('productMatches', () => {
  test('qualifiers ignored, version-less matches every version, different names or types never', () => {
    const pkg = 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12';
    assert.ok(productMatches('pkg:deb/debian/libssl3@3.0.11-1~deb12u1', pkg));
    assert.ok(productMatches('pkg:deb/debian/libssl3', pkg));
    assert.ok(productMatches('pkg:deb/debian/libssl3?distro=debian-11', pkg));
    assert.ok(!productMatches('pkg:deb/debian/libssl3@3.0.13-1~deb12u1', pkg));
    assert.ok(!productMatches('pkg:deb/debian/libssl', pkg));
    assert.ok(!productMatches('pkg:rpm/debian/libssl3', pkg));
    assert.ok(!productMatches('https://example.com/product', pkg));
    assert.ok(productMatches('pkg:npm/%40babel/traverse@7.22.5', 'pkg:npm/%40babel/traverse@7.22.5'));
  });
});

describe('applyVex', () => {
  test('alias match suppresses with the statement as source; the input is not mutated', () => {
    const findings = fresh();
    const statements = parsed(
      openvex([{ '@id': 'https://example.com/vex/1#0', vulnerability: { name: 'cve-2020-28500' }, products: [{ '@id': 'pkg:npm/lodash@4.17.20' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', impact_statement: 'trim never sees user input' }]),
    );
    const out = applyVex(findings, statements);
    assert.deepEqual(byId(out, 'GHSA-29mw-wpgm-hmr9').suppressed, {
      by: 'vex',
      reason: 'vulnerable_code_not_in_execute_path: trim never sees user input',
      expires: null,
      source: 'vex/app.openvex.json#https://example.com/vex/1#0',
    });
    assert.equal(byId(out, 'GHSA-35jh-r3h4-6jhm').suppressed, null, 'another advisory of the same package');
    assert.equal(byId(findings, 'GHSA-29mw-wpgm-hmr9').suppressed, null);
  });
  test('a version-less product covers every version; fixed becomes a suppression too', () => {
    const statements = parsed(openvex([{ vulnerability: { name: 'CVE-2023-5678' }, products: [{ '@id': 'pkg:deb/debian/libssl3' }], status: 'fixed', status_notes: 'backported' }]));
    assert.equal(byId(applyVex(fresh(), statements), 'DEBIAN-CVE-2023-5678').suppressed!.reason, 'fixed: backported');
  });
  test('no match: other vulnerability, other version, other package, affected or under_investigation', () => {
    const statements = parsed(
      openvex([
        { vulnerability: { name: 'CVE-2020-28500' }, products: [{ '@id': 'pkg:npm/lodash@4.17.21' }], status: 'not_affected', justification: 'component_not_present' },
        { vulnerability: { name: 'CVE-2020-28500' }, products: [{ '@id': 'pkg:npm/underscore' }], status: 'not_affected', justification: 'component_not_present' },
        { vulnerability: { name: 'CVE-0000-0000' }, products: [{ '@id': 'pkg:npm/lodash' }], status: 'not_affected', justification: 'component_not_present' },
        { vulnerability: { name: 'CVE-2021-44228' }, products: [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core' }], status: 'affected', action_statement: 'upgrade' },
        { vulnerability: { name: 'CVE-2024-0727' }, products: [{ '@id': 'pkg:deb/debian/libssl3' }], status: 'under_investigation' },
      ]),
    );
    const out = applyVex(fresh(), statements);
    assert.ok(out.every((f) => f.suppressed === null));
  });
  test('the latest statement wins, whichever way it goes', () => {
    const stmt = (status: string, timestamp: string): Record<string, unknown> => ({
      vulnerability: { name: 'CVE-2021-23337' },
      products: [{ '@id': 'pkg:npm/lodash' }],
      status,
      timestamp,
      ...(status === 'not_affected' ? { impact_statement: 'sandboxed' } : status === 'affected' ? { action_statement: 'upgrade' } : {}),
    });
    const reopened = parsed(openvex([stmt('not_affected', '2025-01-01T00:00:00Z'), stmt('affected', '2025-01-05T00:00:00Z')]));
    assert.equal(byId(applyVex(fresh(), reopened), 'GHSA-35jh-r3h4-6jhm').suppressed, null);
    const closed = parsed(openvex([stmt('not_affected', '2025-01-09T00:00:00Z'), stmt('affected', '2025-01-05T00:00:00Z')]));
    assert.equal(byId(applyVex(fresh(), closed), 'GHSA-35jh-r3h4-6jhm').suppressed!.reason, 'sandboxed');
    // Dated after today: ignored.
    assert.equal(byId(applyVex(fresh(), closed, '2025-01-08'), 'GHSA-35jh-r3h4-6jhm').suppressed, null);
  });
  test('findings already suppressed and non-vulnerability findings are left alone', () => {
    const statements = parsed(openvex([{ vulnerability: { name: 'CVE-2021-45046' }, products: [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core' }], status: 'fixed' }]));
    const out = applyVex(scenario.report.findings, statements);
    assert.equal(byId(out, 'GHSA-7rjr-3q55-vv33').suppressed!.by, 'waiver-file');
    assert.equal(byId(out, 'PAL-K8S-0001'), byId(scenario.report.findings, 'PAL-K8S-0001'), 'the same object, untouched');
  });
});

describe('round trip through the formatters', () => {
  test('the openvex output is schema-valid and, fed back in, suppresses the same findings the same way', () => {
    const text = snapshot('openvex/vulnerabilities.openvex.json');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    ajv.addFormat('iri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(s));
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'schemas', 'openvex-schema.json'), 'utf8')) as object;
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));

    const out = applyVex(fresh(), parsed(text, 'out.openvex.json'));
    const suppressed = (fs: readonly Finding[]): string[] => fs.filter((f) => f.vulnerability && f.suppressed).map((f) => f.checkId).sort();
    assert.deepEqual(suppressed(out), suppressed(scenario.report.findings));
    assert.equal(byId(out, 'GHSA-29mw-wpgm-hmr9').suppressed!.reason, 'vulnerable_code_not_in_execute_path: toNumber, trim and trimEnd never see user input');
    assert.match(byId(out, 'DEBIAN-CVE-2023-5678').suppressed!.reason, /^fixed: patched in the rebuilt base image/);
    // A waiver exported as VEX carries its reason as the impact statement.
    assert.equal(byId(out, 'GHSA-7rjr-3q55-vv33').suppressed!.reason, 'message lookups disabled with log4j2.formatMsgNoLookups until the upgrade ships');
  });
  test('the cyclonedx output read as VEX gives the same decisions', () => {
    const text = snapshot('cyclonedx/vulnerabilities.cdx.json');
    const out = applyVex(fresh(), parsed(text, 'out.cdx.json'));
    const suppressed = (fs: readonly Finding[]): string[] => fs.filter((f) => f.vulnerability && f.suppressed).map((f) => f.checkId).sort();
    assert.deepEqual(suppressed(out), suppressed(scenario.report.findings));
    assert.match(byId(out, 'GHSA-29mw-wpgm-hmr9').suppressed!.reason, /^vulnerable_code_not_in_execute_path: toNumber/);
  });
});
