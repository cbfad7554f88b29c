import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import type { LockfileContext } from '../../define-ecosystem.js';
import { PYPI_ECOSYSTEM } from '../index.js';
import { isRequirementsFileName, requirementsTxt } from './requirements-txt.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lockfiles/requirements');
const read = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');

/** Reads includes from the fixture folder the way the scan layer would: relative to the top file's directory. */
function fixtureContext(dir: string, log: string[] = []): LockfileContext {
  return {
    readRelative(rel) {
      log.push(rel);
      try {
        return { path: `${dir}/${rel}`, text: read(`${dir}/${rel}`) };
      } catch {
        return undefined;
      }
    },
  };
}

function value(r: Result<Inventory, ParseIssue[]>): Inventory {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}

const triples = (inv: Inventory) => inv.packages.map((p) => `${p.name}@${p.version}@${p.location.path}:${p.location.startLine}`);
const warningLines = (inv: Inventory) => inv.warnings.map((w) => `${w.code}@${w.location.path}:${w.location.startLine}`);

test('matches requirements file names pip users write, and nothing else', () => {
  for (const f of ['requirements.txt', 'requirements-dev.txt', 'requirements_test.txt', 'requirements.prod.txt', 'dev-requirements.txt', 'test_requirements.txt', 'base.requirements.txt']) {
    assert.equal(isRequirementsFileName(f), true, f);
    assert.equal(requirementsTxt.matches(f), true, f);
  }
  for (const f of ['requirements.in', 'requirements', 'myrequirements.txt', 'requirements.txt.bak', 'Requirements.TXT', 'constraints.txt', 'poetry.lock']) {
    assert.equal(requirementsTxt.matches(f), false, f);
  }
});

test('pins, extras, markers, hashes, continuations and comments; unpinned, editable and URL lines warn', () => {
  const inv = value(requirementsTxt.parse(read('basic.txt'), 'basic.txt', {}));
  assert.deepEqual(triples(inv), [
    'Django@4.2.1@basic.txt:3',
    'requests@2.31.0@basic.txt:4',
    'zope.interface@6.0@basic.txt:5',
    'PyYAML@6.0.1@basic.txt:6',
    'cryptography@41.0.3@basic.txt:7',
    // `django==4.2.1` on line 17 is Django again under PEP 503: reported once, at its first line.
    'typing_extensions@4.7.1@basic.txt:18',
    'six@1.16.0@basic.txt:20',
  ]);
  assert.deepEqual(warningLines(inv), [
    'not-pinned@basic.txt:10',
    'not-pinned@basic.txt:11',
    'not-pinned@basic.txt:12',
    'editable@basic.txt:13',
    'url-requirement@basic.txt:14',
    'url-requirement@basic.txt:15',
    'url-requirement@basic.txt:16',
  ]);
  const requests = inv.packages[1]!;
  assert.deepEqual(requests, {
    ecosystem: 'PyPI',
    name: 'requests',
    version: '2.31.0',
    purl: 'pkg:pypi/requests@2.31.0',
    location: { path: 'basic.txt', startLine: 4, startColumn: 1, endLine: 4, endColumn: 35 },
    foundBy: 'requirements.txt',
  });
  assert.equal(inv.packages[3]!.purl, 'pkg:pypi/pyyaml@6.0.1');
  assert.match(inv.warnings[0]!.message, /"flask>=2\.0" is not pinned to an exact version: not matched/);
  for (const p of inv.packages) assert.equal(p.purl, PYPI_ECOSYSTEM.purl(p.name, p.version));
});

test('-r and -c includes are followed relative to the including file; cycles and missing files warn at the include line', () => {
  const log: string[] = [];
  const inv = value(requirementsTxt.parse(read('includes/requirements.txt'), 'includes/requirements.txt', fixtureContext('includes', log)));
  assert.deepEqual(triples(inv), [
    'certifi@2023.7.22@includes/base.txt:3',
    'idna@3.4@includes/sub/nested.txt:2',
    'charset-normalizer@3.2.0@includes/constraints.txt:1',
    'attrs@23.1.0@includes/requirements.txt:6',
  ]);
  assert.deepEqual(warningLines(inv), [
    'include-cycle@includes/base.txt:2',
    'include-not-found@includes/requirements.txt:4',
    'include-cycle@includes/requirements.txt:5',
  ]);
  // sub/nested.txt's `-r ../base.txt` resolves to base.txt, already read: not read twice.
  assert.deepEqual(log, ['base.txt', 'sub/nested.txt', 'constraints.txt', 'missing.txt']);
});

test('without file access an include is a warning, not an error', () => {
  const inv = value(requirementsTxt.parse('-r other.txt\nsix==1.16.0\n', 'requirements.txt', {}));
  assert.deepEqual(triples(inv), ['six@1.16.0@requirements.txt:2']);
  assert.deepEqual(warningLines(inv), ['include-not-read@requirements.txt:1']);
});

test('a line continued with a backslash is located at its first line; a comment line ends the continuation', () => {
  const inv = value(requirementsTxt.parse('a==1.0 \\\n  --hash=sha256:x\nb==2.0 \\\n# comment\nc==3.0\n', 'requirements.txt', {}));
  assert.deepEqual(triples(inv), ['a@1.0@requirements.txt:1', 'b@2.0@requirements.txt:3', 'c@3.0@requirements.txt:5']);
});

test('empty and comment-only files have no packages and no error', () => {
  assert.deepEqual(value(requirementsTxt.parse(read('empty.txt'), 'empty.txt', {})), { packages: [], warnings: [] });
  assert.deepEqual(value(requirementsTxt.parse(read('continuation-only-comments.txt'), 'c.txt', {})), { packages: [], warnings: [] });
});

test('a file that is not a requirements file is an error located at its first unreadable line', () => {
  const r = requirementsTxt.parse(read('not-requirements.txt'), 'requirements.txt', {});
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error[0]!.code, 'not-requirements');
  assert.equal(r.error[0]!.location.startLine, 1);
});

test('hostile input: binary junk and a huge single line are errors, not crashes', () => {
  const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const bin = requirementsTxt.parse(junk, 'requirements.txt', {});
  assert.equal(bin.ok, false);
  if (!bin.ok) assert.equal(bin.error[0]!.code, 'binary');
  const invalidUtf8 = '\uFFFD'.repeat(1000);
  assert.equal(requirementsTxt.parse(invalidUtf8, 'requirements.txt', {}).ok, false);
  const huge = requirementsTxt.parse('a'.repeat(5_000_000), 'requirements.txt', {});
  assert.equal(huge.ok, false);
  if (!huge.ok) assert.equal(huge.error[1]!.code, 'line-too-long');
  // Long but legitimate: a pin followed by many hashes joined by continuations.
  const hashes = Array.from({ length: 2000 }, (_, i) => `    --hash=sha256:${i.toString(16).padStart(64, '0')}`).join(' \\\n');
  assert.deepEqual(triples(value(requirementsTxt.parse(`numpy==1.26.0 \\\n${hashes}\n`, 'requirements.txt', {}))), ['numpy@1.26.0@requirements.txt:1']);
});
