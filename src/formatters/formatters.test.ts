import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { reportValidator, sarifValidator } from '../../test/schemas.js';
import type { Report } from '../core/report.js';
import type { FormatContext, Formatter } from './define-formatter.js';
import { FORMATTERS, FORMATTER_IDS, getFormatter } from './index.js';
import { MARKDOWN_MAX_CHARS } from './markdown/index.js';
import { buildScenarios, scenarioContext, SCENARIO_CWD, type Scenario } from './scenarios.js';

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
    assert.deepEqual([...FORMATTER_IDS].sort(), ['json', 'junit', 'markdown', 'sarif', 'table']);
    for (const id of FORMATTER_IDS) {
      assert.equal(FORMATTERS[id].id, id);
      assert.equal(getFormatter(id), FORMATTERS[id]);
      assert.match(FORMATTERS[id].extension, /^[a-z]+$/);
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
        assert.ok(r.helpUri.endsWith(`/docs/checks/${r.name}.md`));
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
    tool: { driver: { rules: { id: string; name: string; helpUri: string; properties: Record<string, string> }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string }[];
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
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
