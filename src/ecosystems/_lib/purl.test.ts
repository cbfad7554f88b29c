import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPurl, parsePurl } from './purl.js';

// Examples from the purl specification (github.com/package-url/purl-spec, PURL-SPECIFICATION.rst and test-suite-data.json).
const CASES: [Parameters<typeof formatPurl>[0], string][] = [
  [{ type: 'npm', namespace: '@angular', name: 'animation', version: '12.3.1' }, 'pkg:npm/%40angular/animation@12.3.1'],
  [{ type: 'maven', namespace: 'org.apache.commons', name: 'io', version: '1.3.4' }, 'pkg:maven/org.apache.commons/io@1.3.4'],
  [{ type: 'golang', namespace: 'github.com/gorilla', name: 'context', version: '234fd47e07d1004f0aed9c' }, 'pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c'],
  [{ type: 'deb', namespace: 'debian', name: 'curl', version: '7.50.3-1', qualifiers: { distro: 'jessie', arch: 'i386' } }, 'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie'],
  [{ type: 'rpm', namespace: 'fedora', name: 'curl', version: '7.50.3-1.fc25', qualifiers: { arch: 'i386', distro: 'fedora-25' } }, 'pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25'],
  [{ type: 'pypi', name: 'django', version: '1.11.1' }, 'pkg:pypi/django@1.11.1'],
  [{ type: 'gem', name: 'ruby-advisory-db-check', version: '0.12.4' }, 'pkg:gem/ruby-advisory-db-check@0.12.4'],
  // Characters outside the unreserved set are percent-encoded: '+' in Debian revisions, ':' in epochs, spaces.
  [{ type: 'deb', namespace: 'debian', name: 'libc6', version: '2.36-9+deb12u4' }, 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4'],
  [{ type: 'deb', namespace: 'debian', name: 'bsdutils', version: '1:2.38.1-5+b1' }, 'pkg:deb/debian/bsdutils@1%3A2.38.1-5%2Bb1'],
  [{ type: 'generic', name: "it's (odd)*", version: '1 0' }, 'pkg:generic/it%27s%20%28odd%29%2A@1%200'],
  // Empty qualifiers are dropped; qualifier keys sorted and lower-cased; subpath segments cleaned.
  [{ type: 'NPM', name: 'a', version: '1.0.0', qualifiers: { Z: 'z', a: undefined, b: '' }, subpath: '/lib/./x/' }, 'pkg:npm/a@1.0.0?z=z#lib/x'],
];

test('formatPurl writes the spec examples', () => {
  for (const [parts, want] of CASES) assert.equal(formatPurl(parts), want);
});

test('parsePurl reads back what formatPurl writes', () => {
  for (const [parts, purl] of CASES.slice(0, 10)) {
    const p = parsePurl(purl);
    assert.ok(p, purl);
    assert.equal(p.type, parts.type.toLowerCase());
    assert.equal(p.namespace, parts.namespace);
    assert.equal(p.name, parts.name);
    assert.equal(p.version, parts.version);
    assert.equal(formatPurl(p), purl);
  }
  assert.equal(parsePurl('not a purl'), undefined);
  assert.equal(parsePurl('pkg:npm/'), undefined);
});
