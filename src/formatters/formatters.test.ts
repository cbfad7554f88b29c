import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { reportValidator, sarifValidator } from '../../test/schemas.js';
import type { Report } from '../core/report.js';
import type { FormatContext, Formatter } from './define-formatter.js';
import { FORMATTERS, FORMATTER_IDS, getFormatter } from './index.js';
import { MARKDOWN_MAX_CHARS } from './markdown/index.js';
import { buildScenarios, scenarioContext, SCENARIO_CWD, VULN_INVENTORY, type Scenario } from './scenarios.js';

const here = import.meta.dirname;
const snapshotDir = join(here, '__snapshots__');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const ESC = '\u001b';

const scenarios = buildScenarios();
const byName = (name: string): Scenario => scenarios.find((s) => s.name === name)!;

/** Formats a frozen copy, so a formatter that mutates its input fails loudly. */
function run(formatter: Formatter, s: Scenario, overrides: Partial<FormatContext> = {}): string {
  return formatter.format(deepFreeze(structuredClone(s.report)), scenarioContext(s.checks, overrides));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Outputs over this size (the 1,000-finding JSON, SARIF and JUnit) are stored as a digest: megabytes of generated text
 * are not reviewable, and the small scenarios pin the exact shape. The structural tests below still cover the big ones.
 */
const DIGEST_OVER_BYTES = 256 * 1024;

function matchSnapshot(relative: string, output: string): void {
  let actual = output;
  const bytes = Buffer.byteLength(output);
  if (bytes > DIGEST_OVER_BYTES) {
    relative = `${relative}.sha256`;
    actual = `${createHash('sha256').update(output).digest('hex')}  ${bytes} bytes\n`;
  }
  const file = join(snapshotDir, relative);
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `missing snapshot ${relative}; run with UPDATE_SNAPSHOTS=1 and review the new file`);
  const expected = readFileSync(file, 'utf8');
  assert.ok(actual === expected, `output differs from snapshot ${relative}; run with UPDATE_SNAPSHOTS=1 and review the diff`);
}

describe('registry', () => {
  test('ids match keys, lookups of unknown ids are undefined', () => {
    assert.deepEqual([...FORMATTER_IDS].sort(), ['cyclonedx', 'json', 'junit', 'markdown', 'openvex', 'sarif', 'spdx', 'table']);
    for (const id of FORMATTER_IDS) {
      assert.equal(FORMATTERS[id].id, id);
      assert.equal(getFormatter(id), FORMATTERS[id]);
      assert.match(FORMATTERS[id].extension, /^[a-z]+(\.json)?$/);
    }
    for (const id of ['nope', 'toString', '__proto__', 'constructor', '']) assert.equal(getFormatter(id), undefined);
  });
});

describe('snapshots: every scenario through every formatter', () => {
  for (const id of FORMATTER_IDS) {
    const formatter = FORMATTERS[id];
    for (const s of scenarios) {
      test(`${id} / ${s.name}`, () => {
        const out = run(formatter, s);
        assert.ok(out.endsWith('\n'), 'output ends with a newline');
        assert.equal(run(formatter, s), out, 'pure: same input, same output');
        matchSnapshot(`${id}/${s.name}.${formatter.extension}`, out);
      });
    }
  }
  test('table / colour and narrow variants', () => {
    matchSnapshot('table/mixed-severities.color.txt', run(FORMATTERS.table, byName('mixed-severities'), { color: true }));
    matchSnapshot('table/mixed-severities.width-80.txt', run(FORMATTERS.table, byName('mixed-severities'), { width: 80 }));
    matchSnapshot('table/mixed-severities.width-50.txt', run(FORMATTERS.table, byName('mixed-severities'), { width: 50 }));
    matchSnapshot('table/hostile-strings.color.txt', run(FORMATTERS.table, byName('hostile-strings'), { color: true, width: 60 }));
  });
});

describe('table', () => {
  const table = FORMATTERS.table;
  test('no ESC or other control character without colour, whatever the input', () => {
    for (const s of scenarios) {
      for (const width of [40, 80, 100, Infinity, 0]) {
        const out = run(table, s, { width });
        assert.ok(!out.includes(ESC), `${s.name} @${width}: raw ESC`);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(out, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/, `${s.name}: control character`);
      }
    }
  });
  test('colour uses ANSI SGR codes only, and only the ones the formatter writes', () => {
    for (const s of scenarios) {
      const out = run(table, s, { color: true });
      assert.ok(out.includes(ESC), `${s.name}: colour requested but no ESC`);
      // eslint-disable-next-line no-control-regex
      assert.ok(!out.replace(/\u001b\[[0-9;]*m/g, '').includes(ESC), `${s.name}: ESC outside an SGR sequence`);
    }
  });
  test('an empty report says so', () => {
    assert.match(run(table, byName('empty')), /^No findings/m);
    assert.match(run(table, byName('clean')), /^No findings · 3 resources in 2 files$/m);
  });
  test('finding lines fit the width', () => {
    for (const width of [80, 100, 120]) {
      const lines = run(table, byName('mixed-severities'), { width }).split('\n');
      for (const line of lines) assert.ok([...line].length <= width || !line.startsWith('    '), `@${width}: ${line}`);
    }
  });
  test('summary line counts severities, suppressed, errors, resources and files', () => {
    const out = run(table, byName('parse-error'));
    assert.match(out, /^1 finding \(1 low\) · 2 errors · 1 warning · 3 resources in 3 files$/m);
    assert.match(out, /^ {2}k8s\/broken\.yaml:7:3 {2}yaml-syntax$/m);
    assert.match(run(table, byName('suppressed')), /· 6 suppressed ·/);
  });
  test('Windows paths are shown with forward slashes and relative to cwd', () => {
    const out = run(table, byName('windows-paths'));
    assert.ok(!out.includes('\\'), out);
    assert.match(out, /^deploy\/prod\/web\.yaml$/m);
    assert.match(out, /^abs\/in-cwd\.yaml$/m);
  });
});

describe('json', () => {
  const validate = reportValidator();
  test('every scenario validates against schemas/report.schema.json', () => {
    for (const s of scenarios) {
      const out = run(FORMATTERS.json, s);
      assert.ok(validate(JSON.parse(out)), `${s.name}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });
  test('is the report itself, 2-space indented', () => {
    for (const s of scenarios.filter((x) => x.name !== 'windows-paths')) {
      const out = run(FORMATTERS.json, s);
      assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(s.report)), s.name);
      assert.ok(out.startsWith('{\n  "schemaVersion": '), s.name);
    }
  });
  test('no raw control or bidi characters even inside strings', () => {
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(run(FORMATTERS.json, byName('hostile-strings')), /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
  });
  test('paths are normalised', () => {
    const r = JSON.parse(run(FORMATTERS.json, byName('windows-paths'))) as Report;
    assert.deepEqual(
      r.findings.map((f) => f.location.path),
      ['deploy/prod/web.yaml', 'base/svc account.yaml', 'D:/shared/policies/extra.yaml', 'abs/in-cwd.yaml'],
    );
    assert.deepEqual(r.targets[1]!.warnings[0]!.location.path, 'base/svc account.yaml');
  });
  test('the schema rejects unknown properties and bad values', () => {
    const r = JSON.parse(run(FORMATTERS.json, byName('one-finding'))) as Record<string, unknown>;
    assert.equal(validate({ ...r, extra: 1 }), false);
    assert.equal(validate({ ...r, schemaVersion: '2.0.0' }), false);
    const f = (r.findings as Record<string, unknown>[])[0]!;
    assert.equal(validate({ ...r, findings: [{ ...f, severity: 'urgent' }] }), false);
    assert.equal(validate({ ...r, findings: [{ ...f, fingerprint: 'x' }] }), false);
  });
});

describe('sarif', () => {
  const validate = sarifValidator();
  const sarifOf = (name: string): SarifLog => JSON.parse(run(FORMATTERS.sarif, byName(name))) as SarifLog;

  test('every scenario validates against the SARIF 2.1.0 schema', () => {
    for (const s of scenarios) {
      const log = JSON.parse(run(FORMATTERS.sarif, s)) as unknown;
      assert.ok(validate(log), `${s.name}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });
  test('rules carry GitHub code scanning properties; results point at their rule', () => {
    for (const s of scenarios) {
      const run0 = (JSON.parse(run(FORMATTERS.sarif, s)) as SarifLog).runs[0]!;
      const rules = run0.tool.driver.rules;
      assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, `${s.name}: duplicate rule ids`);
      for (const r of rules) {
        assert.match(r.properties['security-severity'] ?? '', /^\d+\.\d$/);
        if (r.properties.tags?.includes('vulnerability')) assert.equal(r.helpUri, `https://osv.dev/vulnerability/${r.id}`);
        else assert.ok(r.helpUri.endsWith(`/docs/checks/${r.name}.md`));
      }
      for (const res of run0.results) {
        assert.equal(rules[res.ruleIndex]!.id, res.ruleId);
        assert.match(res.partialFingerprints['palisade/v1'] ?? '', /^[0-9a-f]{32}$/);
      }
    }
  });
  test('a check missing from ctx.checks still gets a rule', () => {
    const rules = sarifOf('mixed-severities').runs[0]!.tool.driver.rules;
    assert.ok(rules.some((r) => r.id === 'PAL-K8S-0042' && r.name === 'wildcard-verbs'));
  });
  test('suppressions: annotations are inSource, the waiver file is external', () => {
    const results = sarifOf('suppressed').runs[0]!.results;
    const kinds = results.map((r) => r.suppressions?.[0]?.kind ?? 'none');
    assert.deepEqual(kinds, ['inSource', 'external', 'inSource', 'inSource', 'inSource', 'inSource', 'none']);
    assert.equal(results[1]!.suppressions![0]!.justification, 'legacy image, migration tracked');
  });
  test('target errors become notifications and mark the invocation unsuccessful', () => {
    const inv = sarifOf('parse-error').runs[0]!.invocations[0]!;
    assert.equal(inv.executionSuccessful, false);
    const levels = inv.toolExecutionNotifications!.map((n) => n.level);
    assert.deepEqual(levels, ['error', 'error', 'warning']);
    assert.equal(sarifOf('one-finding').runs[0]!.invocations[0]!.executionSuccessful, true);
  });
  test('URIs: relative with forward slashes and percent-encoding; outside cwd an absolute file URI', () => {
    const log = sarifOf('windows-paths');
    assert.equal(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri, `file://${SCENARIO_CWD}/`);
    const uris = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    assert.deepEqual(uris, [
      { uri: 'deploy/prod/web.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'base/svc%20account.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///D:/shared/policies/extra.yaml' },
      { uri: 'abs/in-cwd.yaml', uriBaseId: '%SRCROOT%' },
    ]);
    const hostile = sarifOf('hostile-strings').runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    assert.equal(hostile, 'k8s/we%20ird/%5Bx%5D%23%25%3F%26%3D%60%7C.yaml');
    assert.equal(decodeURIComponent(hostile), 'k8s/we ird/[x]#%?&=`|.yaml');
  });
});

describe('junit', () => {
  test('every scenario is well-formed XML 1.0 with consistent counts', () => {
    for (const s of scenarios) {
      const root = parseXml(run(FORMATTERS.junit, s));
      assert.equal(root.name, 'testsuites', s.name);
      const cases = root.children.flatMap((suite) => suite.children.filter((c) => c.name === 'testcase'));
      assert.equal(Number(root.attrs.tests), cases.length, `${s.name}: tests`);
      const count = (child: string): number => cases.filter((c) => c.children.some((x) => x.name === child)).length;
      assert.equal(Number(root.attrs.failures), count('failure'), `${s.name}: failures`);
      assert.equal(Number(root.attrs.errors), count('error'), `${s.name}: errors`);
      assert.equal(Number(root.attrs.skipped), count('skipped'), `${s.name}: skipped`);
      for (const suite of root.children) assert.equal(suite.name, 'testsuite');
    }
  });
  test('one suite per target; a clean target has one passing testcase', () => {
    const root = parseXml(run(FORMATTERS.junit, byName('mixed-severities')));
    const names = root.children.map((s) => s.attrs.name);
    assert.deepEqual(names, ['k8s/web.yaml', 'k8s/worker.yaml', 'k8s/cron.yaml', 'rbac/role.yaml', 'k8s/namespace.yaml']);
    const clean = root.children.find((s) => s.attrs.name === 'k8s/namespace.yaml')!;
    assert.equal(clean.children.length, 1);
    assert.equal(clean.children[0]!.children.length, 0);
    // Two privileged containers in one Deployment: one testcase.
    const web = root.children[0]!.children.filter((c) => c.attrs.name?.startsWith('PAL-K8S-0001'));
    assert.equal(web.length, 1);
  });
  test('hostile strings survive as text', () => {
    const root = parseXml(run(FORMATTERS.junit, byName('hostile-strings')));
    const failures = root.children[0]!.children.flatMap((c) => c.children).filter((c) => c.name === 'failure');
    const messages = failures.map((f) => f.attrs.message).join('\n');
    assert.ok(messages.includes('<script>alert("x")</script>'));
    assert.ok(messages.includes(']]> <![CDATA[ boom ]]>'));
    assert.ok(messages.includes('\\x1B[31mRED'));
    assert.ok(!messages.includes(ESC));
  });
  test('a target error is an <error> with its position', () => {
    const root = parseXml(run(FORMATTERS.junit, byName('parse-error')));
    const broken = root.children.find((s) => s.attrs.name === 'k8s/broken.yaml')!;
    const error = broken.children[0]!.children[0]!;
    assert.equal(error.name, 'error');
    assert.equal(error.attrs.type, 'yaml-syntax');
    assert.ok(error.text.startsWith('k8s/broken.yaml:7:3\n'));
  });
});

describe('markdown', () => {
  const md = FORMATTERS.markdown;
  test('fits a GitHub comment; the 1,000-finding report is truncated with a note', () => {
    for (const s of scenarios) assert.ok(run(md, s).length <= 65_536, s.name);
    const big = run(md, byName('thousand-findings'));
    assert.ok(big.length <= MARKDOWN_MAX_CHARS + 1_000);
    assert.match(big, /Output truncated at 60,000 characters to fit a GitHub comment; \d+ more findings not shown/);
    assert.equal(count(big, '<details>'), count(big, '</details>'));
  });
  test('table rows keep their column count whatever the cell text', () => {
    for (const s of scenarios) {
      const out = run(md, s);
      let columns = 0;
      for (const line of out.split('\n')) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const cells = line.replace(/\\./g, '').split('|').length - 2;
        if (columns === 0) columns = cells;
        assert.equal(cells, columns, `${s.name}: ${line}`);
      }
    }
  });
  test('no raw HTML, control characters or mentions from the input', () => {
    const out = run(md, byName('hostile-strings'));
    assert.ok(!out.includes('<script'));
    assert.ok(!out.includes('<img'));
    assert.ok(!/@octocat/.test(out));
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(out, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    assert.equal(count(out, '<details>'), count(out, '</details>'));
  });
  test('an empty report says so', () => {
    assert.match(run(md, byName('empty')), /\*\*No findings · 0 resources in 0 files\*\*/);
  });
});

describe('vulnerabilities in the human formats', () => {
  test('table: one compact row per active vulnerability under its file; suppressed ones say by what', () => {
    const out = run(FORMATTERS.table, byName('vulnerabilities'), { width: 200 });
    assert.match(out, /^Vulnerabilities \(4\)$/m);
    assert.match(out, /^ {2}svc\/pom\.xml\n {6}30 {2}CRITICAL {2}org\.apache\.logging\.log4j:log4j-core {2}2\.14\.1 +→ 2\.17\.1 +GHSA-jfh8-c2jp-5v3q \(CVE-2021-44228\) {2}Remote code injection in Log4j$/m);
    assert.match(out, /RUSTSEC-2021-0139 \(unmaintained\)/);
    assert.match(out, /lodash 4\.17\.20 GHSA-29mw-wpgm-hmr9 \(CVE-2020-28500\)\n {6}by VEX statement: vulnerable_code_not_in_execute_path/);
    // The configuration finding keeps its own layout.
    assert.match(out, /^ {4}21:13 {2}CRITICAL {2}PAL-K8S-0001 privileged-container {2}Container "app" runs privileged\.$/m);
  });
  test('table: vulnerability rows fit the width by cutting names and versions, never the advisory ID', () => {
    for (const width of [80, 100, 120]) {
      const rows = run(FORMATTERS.table, byName('vulnerabilities'), { width }).split('\n').filter((l) => /^ {4} *\d+ {2}[A-Z]+ /.test(l));
      assert.equal(rows.length, 4, `@${width}`);
      for (const row of rows) assert.ok([...row].length <= width, `@${width}: ${row}`);
      // Names are cut from the front: the artifact of a Maven coordinate stays readable.
      assert.ok(rows.some((r) => / (…|org\.apache\.logging\.lo)\S*:log4j-core /.test(r)), `@${width}`);
      for (const id of ['GHSA-35jh-r3h4-6jhm', 'DEBIAN-CVE-2024-0727', 'GHSA-jfh8-c2jp-5v3q', 'RUSTSEC-2021-0139']) assert.ok(rows.some((r) => r.includes(` ${id}`)), `@${width}: ${id}`);
      // Alias while it fits (100 columns does), the advisory's own ID alone below that.
      assert.equal(rows.some((r) => r.includes('(CVE-2021-23337)')), width >= 100, `@${width}`);
    }
  });
  test('sarif: a rule per advisory with help, the OSV page and security-severity from the highest CVSS score', () => {
    const log = JSON.parse(run(FORMATTERS.sarif, byName('vulnerabilities'))) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules;
    const byId = new Map(rules.map((r) => [r.id, r]));
    assert.equal(byId.get('GHSA-jfh8-c2jp-5v3q')!.properties['security-severity'], '10.0');
    assert.equal(byId.get('GHSA-35jh-r3h4-6jhm')!.properties['security-severity'], '7.2');
    // No CVSS: the severity Palisade assigned, on the same scale the check rules use.
    assert.equal(byId.get('DEBIAN-CVE-2024-0727')!.properties['security-severity'], '5.5');
    const log4j = byId.get('GHSA-jfh8-c2jp-5v3q')!;
    assert.equal(log4j.shortDescription.text, 'Remote code injection in Log4j');
    assert.match(log4j.help.text, /Aliases: CVE-2021-44228/);
    assert.match(log4j.help.text, /- org\.apache\.logging\.log4j:log4j-core 2\.14\.1 \(Maven\): upgrade to 2\.17\.1/);
    assert.match(log4j.help.markdown, /\*\*Remediation\*\*\n\nUpgrade org\.apache\.logging\.log4j:log4j-core to 2\.17\.1 or later\./);
    assert.deepEqual(log4j.properties.tags, ['vulnerability', 'security', 'Maven']);
    const results = log.runs[0]!.results;
    const vex = results.find((r) => r.ruleId === 'GHSA-29mw-wpgm-hmr9')!;
    assert.equal(vex.suppressions![0]!.kind, 'external');
    assert.equal(vex.suppressions![0]!.properties.mechanism, 'vex');
    const active = results.find((r) => r.ruleId === 'GHSA-35jh-r3h4-6jhm')!;
    assert.deepEqual(active.properties, { severity: 'high', category: 'vulnerability', purl: 'pkg:npm/lodash@4.17.20', installedVersion: '4.17.20', fixedVersions: ['4.17.21'], upgradeTo: '4.17.21' });
  });
  test('markdown: a vulnerability table, most severe first, linking the advisory', () => {
    const out = run(FORMATTERS.markdown, byName('vulnerabilities'));
    const rows = out.split('\n').filter((l) => l.includes('](https://osv.dev/vulnerability/') && !l.includes('Suppressed'));
    assert.match(rows[0]!, /^\| 🔴 Critical \| org\.apache\.logging\.log4j:log4j-core \| 2\.14\.1 \| 2\.17\.1 \| \[GHSA-jfh8-c2jp-5v3q\]\(https:\/\/osv\.dev\/vulnerability\/GHSA-jfh8-c2jp-5v3q\) CVE-2021-44228 \| svc\/pom\.xml:30 \|$/);
    assert.match(out, /### 📦 Vulnerabilities \(4\)/);
  });
  test('junit: a testcase per advisory and package, pointing at the advisory', () => {
    const root = parseXml(run(FORMATTERS.junit, byName('vulnerabilities')));
    const names = root.children.flatMap((s) => s.children.map((c) => c.attrs.name));
    assert.ok(names.includes('GHSA-35jh-r3h4-6jhm lodash@4.17.20'));
    assert.ok(names.includes('GHSA-29mw-wpgm-hmr9 lodash@4.17.20 (suppressed)'));
    const failure = root.children.flatMap((s) => s.children).find((c) => c.attrs.name === 'GHSA-35jh-r3h4-6jhm lodash@4.17.20')!.children[0]!;
    assert.match(failure.text, /\nAdvisory: https:\/\/osv\.dev\/vulnerability\/GHSA-35jh-r3h4-6jhm$/);
  });
});

describe('cyclonedx', () => {
  const validate = cycloneDxValidator();
  const bomOf = (name: string): CycloneDxBom => JSON.parse(run(FORMATTERS.cyclonedx, byName(name))) as CycloneDxBom;
  test('every scenario validates against the bundled CycloneDX 1.6 schema', () => {
    for (const s of scenarios) {
      const bom = JSON.parse(run(FORMATTERS.cyclonedx, s)) as unknown;
      assert.ok(validate(bom), `${s.name}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });
  test('the schema check can fail', () => {
    const bom = bomOf('vulnerabilities');
    assert.equal(validate({ ...bom, serialNumber: 'urn:uuid:not-a-uuid' }), false);
    assert.equal(validate({ ...bom, vulnerabilities: [{ ...bom.vulnerabilities![0], ratings: [{ method: 'CVSSv9' }] }] }), false);
  });
  test('serial number: deterministic, a UUID, and it changes with the content', () => {
    const a = bomOf('vulnerabilities').serialNumber;
    assert.equal(bomOf('vulnerabilities').serialNumber, a);
    assert.match(a, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(bomOf('empty').serialNumber, a);
    const later = JSON.parse(run(FORMATTERS.cyclonedx, byName('vulnerabilities'), { now: '2025-01-16T12:00:00.000Z' })) as CycloneDxBom;
    assert.notEqual(later.serialNumber, a);
  });
  test('components: one per purl, with group, locations, layer, dev and source package', () => {
    const bom = bomOf('vulnerabilities');
    assert.equal(bom.metadata.timestamp, '2025-01-15T12:00:00.000Z');
    assert.deepEqual(bom.metadata.tools.components.map((c) => [c.name, c.version]), [['palisade', '0.1.0']]);
    const purls = bom.components.map((c) => c.purl);
    assert.equal(new Set(purls).size, purls.length);
    assert.equal(bom.components.length, new Set(Object.values(VULN_INVENTORY).map((p) => p.purl)).size);
    const byPurl = new Map(bom.components.map((c) => [c.purl, c]));
    const lodash = byPurl.get('pkg:npm/lodash@4.17.20')!;
    assert.deepEqual(lodash.properties, [
      { name: 'palisade:location', value: 'app/package-lock.json:12' },
      { name: 'palisade:location', value: 'web/package-lock.json:30' },
    ]);
    assert.equal(lodash['bom-ref'], 'pkg:npm/lodash@4.17.20');
    assert.deepEqual([byPurl.get('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1')!.group, byPurl.get('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1')!.name], ['org.apache.logging.log4j', 'log4j-core']);
    assert.deepEqual([byPurl.get('pkg:npm/%40babel/traverse@7.22.5')!.group, byPurl.get('pkg:npm/%40babel/traverse@7.22.5')!.name], ['@babel', 'traverse']);
    assert.ok(byPurl.get('pkg:npm/%40babel/traverse@7.22.5')!.properties!.some((p) => p.name === 'palisade:dev' && p.value === 'true'));
    const libssl = byPurl.get(VULN_INVENTORY.libssl.purl)!;
    assert.ok(libssl.properties!.some((p) => p.name === 'palisade:layer' && p.value.startsWith('sha256:')));
    assert.ok(libssl.properties!.some((p) => p.name === 'palisade:source:name' && p.value === 'openssl'));
  });
  test('vulnerabilities: source, aliases, ratings, advice, affects and the VEX analysis of suppressed ones', () => {
    const bom = bomOf('vulnerabilities');
    const refs = new Set(bom.components.map((c) => c['bom-ref']));
    const byId = new Map(bom.vulnerabilities!.map((v) => [v.id, v]));
    assert.equal(bom.vulnerabilities!.length, 7);
    for (const v of bom.vulnerabilities!) for (const a of v.affects) assert.ok(refs.has(a.ref), `${v.id} affects unknown ${a.ref}`);
    const log4j = byId.get('GHSA-jfh8-c2jp-5v3q')!;
    assert.deepEqual(log4j.source, { name: 'OSV', url: 'https://osv.dev/vulnerability/GHSA-jfh8-c2jp-5v3q' });
    assert.deepEqual(log4j.references, [{ id: 'CVE-2021-44228', source: { name: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228' } }]);
    assert.deepEqual(log4j.ratings!.map((r) => [r.method, r.score, r.severity]), [['CVSSv4', 10, 'critical'], ['CVSSv31', 10, 'critical']]);
    assert.equal(log4j.recommendation, 'Upgrade org.apache.logging.log4j:log4j-core to 2.17.1 or later.');
    assert.equal(log4j.analysis, undefined);
    assert.deepEqual(byId.get('GHSA-29mw-wpgm-hmr9')!.analysis, {
      state: 'not_affected',
      justification: 'code_not_reachable',
      detail: 'toNumber, trim and trimEnd never see user input — Suppressed by VEX statement (vex/app.openvex.json#https://example.com/vex/app/1)',
    });
    assert.equal(byId.get('DEBIAN-CVE-2023-5678')!.analysis!.state, 'resolved');
    const waived = byId.get('GHSA-7rjr-3q55-vv33')!.analysis!;
    assert.equal(waived.state, 'not_affected');
    assert.equal(waived.justification, undefined);
    assert.match(waived.detail, /formatMsgNoLookups .*waiver file \(waiver-log4j\) until 2025-06-30$/);
    assert.deepEqual(byId.get('DEBIAN-CVE-2024-0727')!.ratings, [{ severity: 'unknown' }]);
    assert.ok(byId.get('RUSTSEC-2021-0139')!.properties!.some((p) => p.name === 'palisade:informational' && p.value === 'unmaintained'));
  });
  test('an image scan describes the image', () => {
    const s = byName('vulnerabilities');
    const image = { ...s, report: { ...s.report, targets: s.report.targets.filter((t) => t.kind === 'image') } };
    const bom = JSON.parse(run(FORMATTERS.cyclonedx, image)) as CycloneDxBom;
    assert.deepEqual(bom.metadata.component, { type: 'container', 'bom-ref': 'palisade:scan-root', name: 'registry.example/shop/api:1.4' });
  });
});

describe('spdx', () => {
  const validate = spdxValidator();
  const docOf = (name: string): SpdxDoc => JSON.parse(run(FORMATTERS.spdx, byName(name))) as SpdxDoc;
  test('every scenario validates against the SPDX 2.3 schema', () => {
    for (const s of scenarios) {
      const doc = JSON.parse(run(FORMATTERS.spdx, s)) as unknown;
      assert.ok(validate(doc), `${s.name}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
    assert.equal(validate({ ...docOf('vulnerabilities'), packages: [{ SPDXID: 'SPDXRef-x' }] }), false);
  });
  test('document: deterministic namespace, creation info from the context, DESCRIBES the root which CONTAINS every package', () => {
    const doc = docOf('vulnerabilities');
    assert.match(doc.documentNamespace, /^https:\/\/palisade\.dev\/spdx\/[0-9a-f]{64}$/);
    assert.equal(docOf('vulnerabilities').documentNamespace, doc.documentNamespace);
    assert.notEqual(docOf('empty').documentNamespace, doc.documentNamespace);
    assert.deepEqual(doc.creationInfo, { created: '2025-01-15T12:00:00Z', creators: ['Tool: palisade-0.1.0'] });
    const ids = doc.packages.map((p) => p.SPDXID);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^SPDXRef-[A-Za-z0-9.-]+$/);
    assert.deepEqual(doc.relationships[0], { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-RootPackage' });
    assert.deepEqual(
      doc.relationships.slice(1).map((r) => r.relatedSpdxElement),
      ids.filter((id) => id !== 'SPDXRef-RootPackage'),
    );
    assert.ok(doc.relationships.slice(1).every((r) => r.relationshipType === 'CONTAINS' && r.spdxElementId === 'SPDXRef-RootPackage'));
  });
  test('packages carry their purl; vulnerabilities are SECURITY advisory references on the package they hit', () => {
    const doc = docOf('vulnerabilities');
    const lodash = doc.packages.find((p) => p.externalRefs?.some((r) => r.referenceLocator === 'pkg:npm/lodash@4.17.20'))!;
    assert.equal(lodash.versionInfo, '4.17.20');
    const advisories = lodash.externalRefs!.filter((r) => r.referenceCategory === 'SECURITY');
    assert.deepEqual(advisories.map((r) => [r.referenceType, r.referenceLocator]), [
      ['advisory', 'https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm'],
      ['advisory', 'https://osv.dev/vulnerability/GHSA-29mw-wpgm-hmr9'],
    ]);
    assert.match(advisories[1]!.comment!, /suppressed by VEX statement: vulnerable_code_not_in_execute_path/);
  });
  test('SPDX IDs stay unique when sanitised names collide', () => {
    const s = byName('vulnerabilities');
    const a = { ...VULN_INVENTORY.lodash, name: 'a_b', purl: 'pkg:npm/a_b@1' , version: '1' };
    const b = { ...VULN_INVENTORY.lodash, name: 'a-b', purl: 'pkg:npm/a-b@1', version: '1' };
    const doc = JSON.parse(run(FORMATTERS.spdx, { ...s, report: { ...s.report, findings: [], inventory: [a, b] } })) as SpdxDoc;
    assert.deepEqual(doc.packages.map((p) => p.SPDXID).slice(1), ['SPDXRef-Package-npm-a-b-1', 'SPDXRef-Package-npm-a-b-1-2']);
  });
});

describe('openvex', () => {
  const validate = openVexValidator();
  const docOf = (name: string): OpenVexDoc => JSON.parse(run(FORMATTERS.openvex, byName(name))) as OpenVexDoc;
  test('every scenario with vulnerability findings validates against the OpenVEX 0.2.0 schema', () => {
    const doc = docOf('vulnerabilities');
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
    // Without vulnerability findings there is nothing to state; the schema wants at least one statement.
    for (const s of scenarios.filter((x) => x.name !== 'vulnerabilities')) {
      const empty = JSON.parse(run(FORMATTERS.openvex, s)) as OpenVexDoc;
      assert.deepEqual(empty.statements, [], s.name);
      assert.ok(validate({ ...empty, statements: doc.statements.slice(0, 1) }), s.name);
    }
    assert.equal(validate({ ...doc, statements: [{ ...doc.statements[0], status: 'not_affected', justification: undefined, impact_statement: undefined }] }), false);
  });
  test('suppressed findings are not_affected or fixed; active ones affected with the upgrade; informational ones left out', () => {
    const doc = docOf('vulnerabilities');
    assert.equal(doc['@context'], 'https://openvex.dev/ns/v0.2.0');
    assert.match(doc['@id'], /^https:\/\/openvex\.dev\/docs\/public\/vex-[0-9a-f]{64}$/);
    assert.equal(docOf('vulnerabilities')['@id'], doc['@id']);
    assert.deepEqual([doc.author, doc.timestamp, doc.version], ['palisade', '2025-01-15T12:00:00.000Z', 1]);
    const by = new Map(doc.statements.map((s) => [s.vulnerability.name, s]));
    assert.deepEqual([...by.keys()], ['DEBIAN-CVE-2023-5678', 'DEBIAN-CVE-2024-0727', 'GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm', 'GHSA-7rjr-3q55-vv33', 'GHSA-jfh8-c2jp-5v3q']);
    assert.deepEqual(by.get('GHSA-29mw-wpgm-hmr9'), {
      vulnerability: { name: 'GHSA-29mw-wpgm-hmr9', aliases: ['CVE-2020-28500'] },
      products: [{ '@id': 'pkg:npm/lodash@4.17.20' }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      impact_statement: 'toNumber, trim and trimEnd never see user input',
      status_notes: 'Suppressed by VEX statement, source vex/app.openvex.json#https://example.com/vex/app/1',
    });
    assert.equal(by.get('GHSA-7rjr-3q55-vv33')!.status, 'not_affected');
    assert.equal(by.get('GHSA-7rjr-3q55-vv33')!.impact_statement, 'message lookups disabled with log4j2.formatMsgNoLookups until the upgrade ships');
    assert.equal(by.get('DEBIAN-CVE-2023-5678')!.status, 'fixed');
    assert.equal(by.get('GHSA-35jh-r3h4-6jhm')!.status, 'affected');
    assert.equal(by.get('GHSA-35jh-r3h4-6jhm')!.action_statement, 'Upgrade lodash to 4.17.21 or later.');
  });
  test('a waiver without a reason still gives a valid not_affected statement', () => {
    const s = byName('vulnerabilities');
    const findings = s.report.findings.map((f) => (f.checkId === 'GHSA-7rjr-3q55-vv33' ? { ...f, suppressed: { by: 'waiver-file' as const, reason: '', expires: null } } : f));
    const doc = JSON.parse(run(FORMATTERS.openvex, { ...s, report: { ...s.report, findings } })) as OpenVexDoc;
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
    assert.equal(doc.statements.find((x) => x.vulnerability.name === 'GHSA-7rjr-3q55-vv33')!.impact_statement, 'Suppressed by waiver file');
  });
});

test('1,000 findings format quickly', () => {
  const s = byName('thousand-findings');
  const start = performance.now();
  for (const id of FORMATTER_IDS) run(FORMATTERS[id], s);
  assert.ok(performance.now() - start < 5_000);
});

// ---------------------------------------------------------------------------------------------------------------------

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

interface SarifLog {
  runs: {
    tool: {
      driver: {
        rules: {
          id: string;
          name: string;
          helpUri: string;
          shortDescription: { text: string };
          help: { text: string; markdown: string };
          properties: Record<string, string> & { tags?: string[] };
        }[];
      };
    };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string; properties: Record<string, unknown> }[];
      properties: Record<string, unknown>;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
}

interface CycloneDxBom {
  serialNumber: string;
  metadata: { timestamp: string; tools: { components: { name: string; version: string }[] }; component: Record<string, string> };
  components: { 'bom-ref': string; group?: string; name: string; purl?: string; properties?: { name: string; value: string }[] }[];
  vulnerabilities?: {
    id: string;
    source: { name: string; url: string };
    references?: { id: string; source: { name: string; url: string } }[];
    ratings?: { method?: string; score?: number; severity?: string }[];
    recommendation?: string;
    analysis?: { state: string; justification?: string; detail: string };
    affects: { ref: string }[];
    properties?: { name: string; value: string }[];
  }[];
}

interface SpdxDoc {
  documentNamespace: string;
  creationInfo: unknown;
  packages: { SPDXID: string; versionInfo?: string; externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string; comment?: string }[] }[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
}

interface OpenVexDoc {
  '@context': string;
  '@id': string;
  author: string;
  timestamp: string;
  version: number;
  statements: {
    vulnerability: { name: string; aliases?: string[] };
    products: { '@id': string }[];
    status: string;
    justification?: string;
    impact_statement?: string;
    action_statement?: string;
  }[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Validators for the SBOM and VEX outputs against their official schemas (the CycloneDX ones bundled with
// @cyclonedx/cyclonedx-library, SPDX 2.3 and OpenVEX from ../shared/schemas).

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
function cdxSchemas(): string {
  return join(here, '..', '..', 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
}
function sharedSchemas(): string {
  return join(here, '..', '..', '..', 'shared', 'schemas');
}
/** A format the schema names that ajv-formats does not ship; loose on purpose (an absolute IRI without spaces). */
function isIri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s);
}

function cycloneDxValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('iri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/);
  // bom-1.6 refers to its siblings by file name, relative to its own $id.
  for (const file of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
    const { $id: _id, ...schema } = readJson(join(cdxSchemas(), file));
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${file}`);
  }
  return ajv.compile(readJson(join(cdxSchemas(), 'bom-1.6.SNAPSHOT.schema.json')));
}

function spdxValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(readJson(join(sharedSchemas(), 'spdx-2.3-schema.json')));
}

function openVexValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('iri', isIri);
  return ajv.compile(readJson(join(sharedSchemas(), 'openvex-schema.json')));
}

// ---------------------------------------------------------------------------------------------------------------------
// A minimal XML 1.0 reader: enough to prove the JUnit output is well-formed (legal characters, balanced and matching tags,
// quoted attributes without duplicates, only known entities, one root) and to read it back. No regular expressions.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function isLegalXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function isNameChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '-' || ch === '_' || ch === ':' || ch === '.';
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}

function parseXml(src: string): XmlElement {
  for (const ch of src) {
    const cp = ch.codePointAt(0)!;
    if (!isLegalXmlChar(cp) || (cp >= 0xd800 && cp <= 0xdfff)) throw new Error(`illegal XML character U+${cp.toString(16)}`);
  }
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}: ${JSON.stringify(src.slice(Math.max(0, i - 40), i + 40))}`);
  };
  const skipSpace = (): void => {
    while (isSpace(src[i])) i++;
  };
  const expect = (s: string): void => {
    if (!src.startsWith(s, i)) fail(`expected ${JSON.stringify(s)}`);
    i += s.length;
  };
  const readName = (): string => {
    const start = i;
    while (i < src.length && isNameChar(src[i]!)) i++;
    if (i === start) fail('expected a name');
    return src.slice(start, i);
  };
  const readEntity = (): string => {
    expect('&');
    const end = src.indexOf(';', i);
    if (end < 0 || end - i > 10) fail('unterminated entity');
    const name = src.slice(i, end);
    i = end + 1;
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name in named) return named[name]!;
    if (name.startsWith('#')) {
      const cp = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(cp) || !isLegalXmlChar(cp)) fail(`bad character reference &${name};`);
      return String.fromCodePoint(cp);
    }
    return fail(`unknown entity &${name};`);
  };
  const parseElement = (): XmlElement => {
    expect('<');
    const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      const hadSpace = isSpace(src[i]);
      skipSpace();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail('attributes must be separated by whitespace');
      const key = readName();
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      expect('=');
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
      i++;
      let value = '';
      while (src[i] !== quote) {
        if (i >= src.length) fail('unterminated attribute');
        if (src[i] === '<') fail('< in attribute value');
        if (src[i] === '&') value += readEntity();
        else value += src[i++];
      }
      i++;
      el.attrs[key] = value;
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== el.name) fail(`</${name}> closes <${el.name}>`);
        skipSpace();
        expect('>');
        return el;
      }
      if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('unexpected markup declaration');
      if (src[i] === '<') el.children.push(parseElement());
      else if (src[i] === '&') el.text += readEntity();
      else {
        if (src.startsWith(']]>', i)) fail(']]> in text');
        el.text += src[i++];
      }
    }
  };

  if (src.startsWith('<?xml')) {
    const end = src.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  skipSpace();
  const root = parseElement();
  skipSpace();
  if (i !== src.length) fail('content after the root element');
  return root;
}
