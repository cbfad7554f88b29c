import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Inventory, Package } from '../../../core/package.js';
import type { Report } from '../../../core/report.js';
import { packageFromPurl, parseCycloneDxJson, parseSpdxJson, sniffSbom } from './index.js';
import { parseJson } from './json.js';

// ecosystems may not import formatters: the formatters' output comes from their committed snapshots of the shared
// `vulnerabilities` scenario, which formatters.test.ts keeps byte-equal to what the formatters produce.
const snapshots = join(import.meta.dirname, '..', '..', '..', 'formatters', '__snapshots__');
const snapshot = (file: string): string => readFileSync(join(snapshots, file), 'utf8');
const report = JSON.parse(snapshot('json/vulnerabilities.json')) as Report;

function inventory(r: ReturnType<typeof parseCycloneDxJson>): Inventory {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

const identity = (p: Pick<Package, 'ecosystem' | 'name' | 'version' | 'purl'>): string => `${p.ecosystem} ${p.name} ${p.version} ${p.purl}`;
/** The scenario's inventory as the matcher sees it: one package per purl. */
const expected = [...new Map(report.inventory!.map((p) => [p.purl, identity(p)])).values()].sort();

/** The located line really holds the purl. */
function assertLocated(text: string, packages: readonly Package[]): void {
  const lines = text.split('\n');
  for (const p of packages) {
    const line = lines[p.location.startLine - 1]!;
    assert.ok(line.includes(JSON.stringify(p.purl)), `${p.purl} not on line ${p.location.startLine}: ${line}`);
    assert.equal(line.slice(p.location.startColumn - 1, p.location.endColumn - 1), JSON.stringify(p.purl));
  }
}

describe('round trip: Palisade SBOMs read back give the same packages', () => {
  test('CycloneDX', () => {
    const text = snapshot('cyclonedx/vulnerabilities.cdx.json');
    const inv = inventory(parseCycloneDxJson(text, 'sbom.cdx.json'));
    assert.deepEqual(inv.packages.map(identity).sort(), expected);
    assert.deepEqual(inv.warnings, []);
    assertLocated(text, inv.packages);
    const by = new Map(inv.packages.map((p) => [p.name, p]));
    assert.deepEqual(by.get('libssl3')!.source, { name: 'openssl', version: '3.0.11-1~deb12u1' });
    assert.equal(by.get('@babel/traverse')!.dev, true);
    assert.equal(by.get('lodash')!.dev, undefined, 'dev in one lockfile, production in the other');
    assert.ok(inv.packages.every((p) => p.foundBy === 'cyclonedx' && p.location.path === 'sbom.cdx.json'));
  });
  test('SPDX', () => {
    const text = snapshot('spdx/vulnerabilities.spdx.json');
    const inv = inventory(parseSpdxJson(text, 'sbom.spdx.json'));
    assert.deepEqual(inv.packages.map(identity).sort(), expected);
    assert.deepEqual(inv.warnings, []);
    assertLocated(text, inv.packages);
    assert.ok(inv.packages.every((p) => p.foundBy === 'spdx'));
  });
  test('the empty scenario gives an empty inventory', () => {
    assert.deepEqual(inventory(parseCycloneDxJson(snapshot('cyclonedx/empty.cdx.json'), 'e.json')), { packages: [], warnings: [] });
    assert.deepEqual(inventory(parseSpdxJson(snapshot('spdx/empty.spdx.json'), 'e.json')), { packages: [], warnings: [] });
  });
});

// Shaped like `trivy image --format cyclonedx` output: OS packages with distro qualifiers and Trivy's source properties,
// a jar nested under its application, a component without a purl, a duplicate and a type Palisade does not match.
const TRIVY = `{
  "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
  "bomFormat": "CycloneDX",
  "specVersion": "1.5",
  "metadata": {
    "component": { "bom-ref": "img", "type": "container", "name": "shop/api:1.4",
      "components": [ { "bom-ref": "os", "type": "operating-system", "name": "debian", "version": "12.5" } ] }
  },
  "components": [
    {
      "bom-ref": "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.5",
      "type": "library",
      "name": "libssl3",
      "version": "3.0.11-1~deb12u1",
      "purl": "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.5",
      "properties": [
        { "name": "aquasecurity:trivy:SrcName", "value": "openssl" },
        { "name": "aquasecurity:trivy:SrcVersion", "value": "3.0.11-1~deb12u1" }
      ]
    },
    {
      "bom-ref": "app", "type": "application", "name": "app/app.jar",
      "components": [
        { "bom-ref": "log4j", "type": "library", "group": "org.apache.logging.log4j", "name": "log4j-core", "version": "2.14.1",
          "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1" },
        { "bom-ref": "dup", "type": "library", "name": "libssl3", "purl": "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.5" }
      ]
    },
    { "bom-ref": "go", "type": "library", "name": "golang.org/x/net", "purl": "pkg:golang/golang.org/x/net@v0.17.0" },
    { "bom-ref": "bin", "type": "library", "name": "custom-binary", "purl": "pkg:generic/custom-binary@1.0" },
    { "bom-ref": "nopurl", "type": "library", "name": "mystery" }
  ]
}
`;

describe('CycloneDX from other tools', () => {
  test('a Trivy-style BOM: nested components, distro qualifiers, source properties, duplicates, unknown types', () => {
    const inv = inventory(parseCycloneDxJson(TRIVY, 'trivy.cdx.json'));
    assert.deepEqual(
      inv.packages.map((p) => [p.ecosystem, p.name, p.version, p.location.startLine]),
      [
        ['Debian:12', 'libssl3', '3.0.11-1~deb12u1', 15],
        ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1', 25],
        ['Go', 'golang.org/x/net', '0.17.0', 29],
      ],
    );
    assert.deepEqual(inv.packages[0]!.source, { name: 'openssl', version: '3.0.11-1~deb12u1' });
    assert.deepEqual(
      inv.warnings.map((w) => [w.code, w.location.startLine]),
      [['unsupported-purl-type', 30], ['no-purl', 1]],
    );
    assert.match(inv.warnings[0]!.message, /1 package of purl type "generic" skipped/);
  });
  test('minified JSON: every package on line 1, columns still exact', () => {
    const text = JSON.stringify(JSON.parse(TRIVY));
    const inv = inventory(parseCycloneDxJson(text, 'min.json'));
    assert.equal(inv.packages.length, 3);
    assertLocated(text, inv.packages);
  });
  test('not JSON is an error at the broken spot; other JSON is not CycloneDX', () => {
    const broken = parseCycloneDxJson('{\n  "bomFormat": "CycloneDX",\n  "components": [\n    { "purl": }\n  ]\n}', 'b.json');
    assert.ok(!broken.ok);
    assert.deepEqual([broken.error[0]!.code, broken.error[0]!.location.startLine], ['json-syntax', 4]);
    const other = parseCycloneDxJson('{"spdxVersion": "SPDX-2.3"}', 'o.json');
    assert.ok(!other.ok);
    assert.equal(other.error[0]!.code, 'not-cyclonedx');
  });
});

describe('SPDX from other tools', () => {
  test('a syft-style document: PACKAGE_MANAGER category, upstream qualifier, dev relationship', () => {
    const doc = {
      spdxVersion: 'SPDX-2.2',
      SPDXID: 'SPDXRef-DOCUMENT',
      packages: [
        { SPDXID: 'SPDXRef-root', name: 'app' },
        { SPDXID: 'SPDXRef-a', name: 'libssl3', externalRefs: [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*' }, { referenceCategory: 'PACKAGE_MANAGER', referenceType: 'purl', referenceLocator: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12' }] },
        { SPDXID: 'SPDXRef-b', name: 'jest', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/jest@29.7.0' }] },
        { SPDXID: 'SPDXRef-c', name: 'musl', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1' }] },
      ],
      relationships: [{ spdxElementId: 'SPDXRef-b', relationshipType: 'DEV_DEPENDENCY_OF', relatedSpdxElement: 'SPDXRef-root' }],
    };
    const text = JSON.stringify(doc, null, 2);
    const inv = inventory(parseSpdxJson(text, 'syft.spdx.json'));
    assert.deepEqual(inv.packages.map((p) => [p.ecosystem, p.name, p.version, p.dev ?? false]), [
      ['Debian:12', 'libssl3', '3.0.11-1~deb12u1', false],
      ['npm', 'jest', '29.7.0', true],
      ['Alpine:v3.19', 'musl', '1.2.4-r2', false],
    ]);
    assert.deepEqual(inv.packages[0]!.source, { name: 'openssl', version: '3.0.11-1~deb12u1' });
    assertLocated(text, inv.packages);
  });
  test('not SPDX 2.x is an error', () => {
    for (const text of ['{"bomFormat":"CycloneDX"}', '{"spdxVersion":"SPDX-3.0"}', '[]']) {
      const r = parseSpdxJson(text, 'x.json');
      assert.ok(!r.ok, text);
      assert.equal(r.error[0]!.code, 'not-spdx');
    }
  });
});

describe('packageFromPurl', () => {
  const cases: [string, string, string, string][] = [
    ['pkg:npm/%40babel/traverse@7.22.5', 'npm', '@babel/traverse', '7.22.5'],
    ['pkg:pypi/requests@2.32.3', 'PyPI', 'requests', '2.32.3'],
    ['pkg:golang/github.com/gin-gonic/gin@v1.9.1', 'Go', 'github.com/gin-gonic/gin', '1.9.1'],
    ['pkg:cargo/time@0.1.45', 'crates.io', 'time', '0.1.45'],
    ['pkg:gem/rails@7.1.0', 'RubyGems', 'rails', '7.1.0'],
    ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar', 'Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1'],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', 'NuGet', 'Newtonsoft.Json', '13.0.1'],
    ['pkg:composer/monolog/monolog@3.5.0', 'Packagist', 'monolog/monolog', '3.5.0'],
    ['pkg:hex/plug@1.15.0', 'Hex', 'plug', '1.15.0'],
    ['pkg:pub/http@1.1.0', 'Pub', 'http', '1.1.0'],
    ['pkg:deb/debian/curl@7.88.1-10?distro=debian-12', 'Debian:12', 'curl', '7.88.1-10'],
    ['pkg:deb/debian/curl@7.88.1-10?distro=debian-bookworm', 'Debian:12', 'curl', '7.88.1-10'],
    ['pkg:deb/ubuntu/curl@8.5.0-2ubuntu10?distro=ubuntu-24.04', 'Ubuntu:24.04', 'curl', '8.5.0-2ubuntu10'],
    ['pkg:apk/alpine/busybox@1.36.1-r15?distro=alpine-3.19.1', 'Alpine:v3.19', 'busybox', '1.36.1-r15'],
    ['pkg:rpm/almalinux/openssl-libs@3.0.7-25.el9_3?arch=x86_64&epoch=1&distro=almalinux-9.3', 'AlmaLinux:9', 'openssl-libs', '1:3.0.7-25.el9_3'],
    ['pkg:rpm/rocky/bash@5.1.8-6.el9?distro=rocky-9.3', 'Rocky Linux:9', 'bash', '5.1.8-6.el9'],
    ['pkg:rpm/redhat/bash@5.1.8-6.el9?distro=rhel-9.3', 'Red Hat', 'bash', '5.1.8-6.el9'],
  ];
  for (const [purl, ecosystem, name, version] of cases) {
    test(purl, () => {
      const r = packageFromPurl(purl);
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual([r.value.ecosystem, r.value.name, r.value.version, r.value.warning], [ecosystem, name, version, undefined]);
    });
  }
  test('OS packages without a release are kept, with a warning', () => {
    const r = packageFromPurl('pkg:deb/debian/curl@7.88.1-10');
    assert.ok(r.ok);
    assert.equal(r.value.ecosystem, 'Debian');
    assert.match(r.value.warning!, /no distro release/);
  });
  test('no version, not a purl, unknown type', () => {
    assert.deepEqual(
      ['pkg:npm/lodash', 'lodash@1', 'pkg:generic/x@1', 'pkg:docker/nginx@1.27'].map((p) => {
        const r = packageFromPurl(p);
        return r.ok ? 'ok' : r.code;
      }),
      ['no-version', 'invalid-purl', 'unsupported-purl-type', 'unsupported-purl-type'],
    );
  });
});

describe('sniffSbom', () => {
  test('by content', () => {
    assert.equal(sniffSbom(snapshot('cyclonedx/empty.cdx.json')), 'cyclonedx');
    assert.equal(sniffSbom(snapshot('spdx/empty.spdx.json')), 'spdx');
    assert.equal(sniffSbom('\uFEFF{"spdxVersion": "SPDX-2.2"}'), 'spdx');
    assert.equal(sniffSbom(snapshot('json/empty.json')), undefined);
    assert.equal(sniffSbom(snapshot('openvex/empty.openvex.json')), undefined);
    assert.equal(sniffSbom('# "bomFormat": "CycloneDX"'), undefined);
    assert.equal(sniffSbom(''), undefined);
  });
});

describe('parseJson', () => {
  test('agrees with JSON.parse on what is valid, and points at the first bad token', () => {
    const cases: [string, [number, number] | undefined][] = [
      ['{"a": [1, 2.5e3, -0, true, false, null, "x\\u00e9\\n"]}', undefined],
      ['\ufeff{"a": 1}', undefined],
      ['{"a": }', [1, 7]],
      ['{"a": 1,}', [1, 9]],
      ['[1 2]', [1, 4]],
      ['{"a": "b', [1, 7]],
      ['{"a": tru}', [1, 7]],
      ['{"a": 01}', [1, 8]],
      ['"\u0001"', [1, 1]],
      ['{} x', [1, 4]],
      ['{\n  "a": }', [2, 8]],
      ['', [1, 1]],
    ];
    for (const [text, at] of cases) {
      const r = parseJson(text, 'x.json');
      assert.deepEqual(r.ok ? undefined : [r.error[0]!.location.startLine, r.error[0]!.location.startColumn], at, text);
      if (!r.ok) assert.equal(r.error[0]!.code, 'json-syntax');
      let valid = true;
      try {
        JSON.parse(text.replace(/^\ufeff/, ''));
      } catch {
        valid = false;
      }
      assert.equal(valid, at === undefined, text);
    }
  });
});
