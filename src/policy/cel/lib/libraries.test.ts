/**
 * The Kubernetes CEL libraries, checked against the examples in their documentation
 * (k8s.io/apiserver/pkg/cel/library/*.go and https://kubernetes.io/docs/reference/using-api/cel/).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CelEnvironment } from '../environment.js';
import { fromCel } from '../values.js';

const env = new CelEnvironment({ variables: [] });

type Case = [expr: string, expected: unknown];

function check(cases: Case[]): void {
  for (const [expr, expected] of cases) {
    const c = env.compile(expr);
    if (!c.ok) {
      assert.ok(expected instanceof RegExp, `${expr}: unexpected compile error ${c.error.message}`);
      assert.match(c.error.message, expected, expr);
      continue;
    }
    const r = c.program.evaluate({});
    if (expected instanceof RegExp) {
      assert.ok(!r.ok, `${expr}: expected an error, got ${r.ok ? JSON.stringify(fromCel(r.value)) : ''}`);
      assert.match(r.message, expected, expr);
    } else {
      assert.ok(r.ok, `${expr}: ${r.ok ? '' : r.message}`);
      assert.deepEqual(fromCel(r.value), expected, expr);
    }
  }
}

describe('Kubernetes CEL libraries', () => {
  it('quantity', () =>
    check([
      ["quantity('1.5G').isInteger()", true],
      ["isQuantity('1.3G')", true],
      ["isQuantity('1.3Gi')", true],
      ["isQuantity('1,3G')", false],
      ["isQuantity('10000k')", true],
      ["isQuantity('200K')", false],
      ["isQuantity('Three')", false],
      ["isQuantity('Mi')", false],
      ["quantity('200K')", /quantity format/],
      ['quantity("50000000G").isInteger()', true],
      ['quantity("9999999999999999999999999999999999999G").isInteger()', false],
      ['quantity("9999999999999999999999999999999999999G").asInteger()', /cannot convert value to integer/],
      ['quantity("50k").asInteger() == 50000', true],
      ['quantity("50k").sub(20000).asApproximateFloat() == 30000.0', true],
      ['quantity("50k").add(quantity("20k")) == quantity("70k")', true],
      ['quantity("50k").add(20) == quantity("50020")', true],
      ['quantity("50k").sub(quantity("20k")) == quantity("30k")', true],
      ['quantity("50k").sub(20000) == quantity("30k")', true],
      ['quantity("50k").add(20).sub(quantity("100k")).sub(-50000) == quantity("20")', true],
      ['quantity("200M").compareTo(quantity("0.2G"))', 0],
      ['quantity("50M").compareTo(quantity("50Mi"))', -1],
      ['quantity("50Mi").compareTo(quantity("50M"))', 1],
      ['quantity("150Mi").isGreaterThan(quantity("100Mi"))', true],
      ['quantity("50Mi").isGreaterThan(quantity("100Mi"))', false],
      ['quantity("50M").isLessThan(quantity("100M"))', true],
      ['quantity("100M").isLessThan(quantity("50M"))', false],
      ['quantity("500m").isInteger()', false],
      ['quantity("1000m").asInteger()', 1],
      ['quantity("-1.5").sign()', -1],
      ['quantity("0").sign()', 0],
      ['quantity("1Ki").asInteger()', 1024],
      ['quantity("1.5Gi").asInteger()', 1610612736],
      ['quantity("1e3").asInteger()', 1000],
      ['quantity("1E") == quantity("1000P")', true],
      ['quantity("100m").mul(10) == quantity("1")', true],
      ['quantity("1e999999")', /exponent out of range/],
      ["type(quantity('1')) == kubernetes.Quantity", true],
    ]));

  it('url', () =>
    check([
      ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
      ["isURL('/absolute-path')", true],
      ["isURL('https://a:b:c/')", false],
      ["isURL('../relative-path')", false],
      ["url('/path').getScheme()", ''],
      ["url('https://example.com/').getScheme()", 'https'],
      ["url('https://example.com:80/').getHost()", 'example.com:80'],
      ["url('https://example.com/').getHost()", 'example.com'],
      ["url('https://[::1]:80/').getHost()", '[::1]:80'],
      ["url('https://[::1]/').getHost()", '[::1]'],
      ["url('/path').getHost()", ''],
      ["url('https://example.com:80/').getHostname()", 'example.com'],
      ["url('https://127.0.0.1:80/').getHostname()", '127.0.0.1'],
      ["url('https://[::1]:80/').getHostname()", '::1'],
      ["url('/path').getHostname()", ''],
      ["url('https://example.com:80/').getPort()", '80'],
      ["url('https://example.com/').getPort()", ''],
      ["url('/path').getPort()", ''],
      ["url('https://example.com/path').getEscapedPath()", '/path'],
      ["url('https://example.com/path with spaces/').getEscapedPath()", '/path%20with%20spaces/'],
      ["url('https://example.com').getEscapedPath()", ''],
      ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()", { k1: ['a'], k2: ['b', 'c'] }],
      ["url('https://example.com/path?key with spaces=value with spaces').getQuery()", { 'key with spaces': ['value with spaces'] }],
      ["url('https://example.com/path?').getQuery()", {}],
      ["url('https://example.com/path').getQuery()", {}],
      ["url('../relative')", /neither an absolute URI nor an absolute path/],
    ]));

  it('ip', () =>
    check([
      ["isIP('127.0.0.1')", true],
      ["isIP('::1')", true],
      ["isIP('127.0.0.256')", false],
      ["isIP(':::1')", false],
      ["isIP('01.2.3.4')", false],
      ["isIP('fe80::1%eth0')", false],
      ["isIP('::ffff:1.2.3.4')", false],
      ["ip('::ffff:1.2.3.4')", /IPv4-mapped/],
      ["ip('fe80::1%eth0')", /zone/],
      ["ip.isCanonical('127.0.0.1')", true],
      ["ip.isCanonical('2001:db8::abcd')", true],
      ["ip.isCanonical('2001:DB8::ABCD')", false],
      ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
      ["ip('127.0.0.1').family()", 4],
      ["ip('::1').family()", 6],
      ["ip('0.0.0.0').isUnspecified()", true],
      ["ip('127.0.0.1').isUnspecified()", false],
      ["ip('::').isUnspecified()", true],
      ["ip('127.0.0.1').isLoopback()", true],
      ["ip('192.168.0.1').isLoopback()", false],
      ["ip('::1').isLoopback()", true],
      ["ip('2001:db8::abcd').isLoopback()", false],
      ["ip('224.0.0.1').isLinkLocalMulticast()", true],
      ["ip('224.0.1.1').isLinkLocalMulticast()", false],
      ["ip('ff02::1').isLinkLocalMulticast()", true],
      ["ip('fd00::1').isLinkLocalMulticast()", false],
      ["ip('169.254.169.254').isLinkLocalUnicast()", true],
      ["ip('192.168.0.1').isLinkLocalUnicast()", false],
      ["ip('fe80::1').isLinkLocalUnicast()", true],
      ["ip('fd80::1').isLinkLocalUnicast()", false],
      ["ip('192.168.0.1').isGlobalUnicast()", true],
      ["ip('255.255.255.255').isGlobalUnicast()", false],
      ["ip('2001:db8::abcd').isGlobalUnicast()", true],
      ["ip('ff00::1').isGlobalUnicast()", false],
      ["string(ip('2001:0db8:0000:0000:0001:0000:0000:0001'))", '2001:db8::1:0:0:1'],
      ["string(ip('1:2:3:4:5:6:1.2.3.4'))", '1:2:3:4:5:6:102:304'],
      ["ip('10.0.0.1') == ip('10.0.0.1')", true],
    ]));

  it('cidr', () =>
    check([
      ["isCIDR('192.168.0.0/16')", true],
      ["isCIDR('::1/128')", true],
      ["isCIDR('192.168.0.0/33')", false],
      ["isCIDR('192.168.0.0')", false],
      ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
      ["cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false],
      ["cidr('192.168.0.0/24').containsIP('192.168.0.1')", true],
      ["cidr('192.168.0.0/24').containsIP('::1')", false],
      ["cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25'))", true],
      ["cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/23'))", false],
      ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/25')", true],
      ["cidr('::1/128').containsCIDR('::1/128')", true],
      ["cidr('192.168.0.0/24').ip() == ip('192.168.0.0')", true],
      ["cidr('192.168.0.1/24').ip() == ip('192.168.0.1')", true],
      ["cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true],
      ["cidr('192.168.0.0/24').prefixLength()", 24],
      ["string(cidr('2001:db8::1/64').masked())", '2001:db8::/64'],
    ]));

  it('semver', () =>
    check([
      ["isSemver('1.0.0')", true],
      ["isSemver('hello')", false],
      ["isSemver('v1.0')", false],
      ["isSemver('v1.0', true)", true],
      ["isSemver('01.01.01', true)", true],
      ["semver('1.0', true) == semver('1.0.0')", true],
      ["semver('01.01.01', true) == semver('1.1.1')", true],
      ['semver("1.2.3").major()', 1],
      ['semver("1.2.3").minor()', 2],
      ['semver("1.2.3").patch()', 3],
      ['semver("1.2.3").compareTo(semver("1.2.3"))', 0],
      ['semver("1.2.3").compareTo(semver("2.0.0"))', -1],
      ['semver("1.2.3").compareTo(semver("0.1.2"))', 1],
      ['semver("1.0.0-alpha").isLessThan(semver("1.0.0"))', true],
      ['semver("1.10.0").isGreaterThan(semver("1.9.0"))', true],
      ['semver("1.0.0+build1") == semver("1.0.0+build2")', true],
      ["semver('v1.0.0')", /not a valid semantic version/],
    ]));

  it('lists and sets', () =>
    check([
      ['[1, 2, 3].isSorted()', true],
      ["['a', 'b', 'b', 'c'].isSorted()", true],
      ['[2.0, 1.0].isSorted()', false],
      ['[1].isSorted()', true],
      ['[].isSorted()', true],
      ['[1, 3].sum()', 4],
      ['[1.0, 3.0].sum()', 4],
      ["[duration('1m'), duration('1s')].sum() == duration('61s')", true],
      ['[].sum()', 0],
      ['[1, 3].min()', 1],
      ['[1, 3].max()', 3],
      ['[].min()', /min called on empty list/],
      ['[1].min()', 1],
      ["['b', 'a'].min()", 'a'],
      ['[1, 2, 2, 3].indexOf(2)', 1],
      ["['a', 'b', 'b', 'c'].lastIndexOf('b')", 2],
      ['[1.0].indexOf(1.1)', -1],
      ["[].indexOf('string')", -1],
      ['[1, 2, 3].includes(2)', true],
      ["'model-a'.includes('model-a')", true],
      ['[1, "a"].max()', /not comparable/],
      ['sets.contains([], [])', true],
      ['sets.contains([1, 2, 3, 4], [2, 3])', true],
      ['sets.contains([1, 2, 3], [4])', false],
      ['sets.equivalent([1, 2, 3], [3, 2, 1, 1])', true],
      ['sets.equivalent([1], [1, 2])', false],
      ['sets.intersects([1, 2], [2, 3])', true],
      ['sets.intersects([1], [])', false],
    ]));

  it('regex', () =>
    check([
      ["'abc 123'.find('[0-9]+')", '123'],
      ["'abc 123'.find('xyz')", ''],
      ["'123 abc 456'.findAll('[0-9]+')", ['123', '456']],
      ["'123 abc 456'.findAll('[0-9]+', 1)", ['123']],
      ["'123 abc 456'.findAll('[0-9]+', 0)", []],
      ["'123 abc 456'.findAll('xyz')", []],
      ["'AbC'.find('(?i)b')", 'b'],
      ["'a1b2'.findAll('[[:digit:]]')", ['1', '2']],
      ["'ab'.findAll('')", ['', '', '']],
      ["'héllo'.find('é.')", 'él'],
      ["'nginx:1.27'.matches('^[a-z]+:[0-9.]+$')", true],
      ["'abc'.find('(?<=a)b')", /invalid regular expression/],
      // Leftmost-first, like Go: the first alternative wins, lazy quantifiers stop early.
      ["'abcd'.find('a|ab')", 'a'],
      ["'abcd'.find('ab|a')", 'ab'],
      ["'aaa'.find('a+?')", 'a'],
      ["'aaa'.find('a*?')", ''],
      ["'xaaa'.find('a*')", ''],
      ["'foo bar'.findAll('\\\\b\\\\w')", ['f', 'b']],
      ["'foo bar'.findAll('\\\\B\\\\w')", ['o', 'o', 'a', 'r']],
      ["'ab\\ncd'.findAll('(?m)^.')", ['a', 'c']],
      ["'ab\\ncd'.findAll('^.')", ['a']],
      ["'xy'.findAll('$')", ['']],
      ["'abc'.findAll('b*')", ['', 'b', '']],
      ["'héllo wörld'.findAll('\\\\pL+')", ['héllo', 'wörld']],
      ["'a😀b'.findAll('.')", ['a', '😀', 'b']],
      ["'key=a, key=b'.findAll('key=(\\\\w)')", ['key=a', 'key=b']],
      ["'v1.2.3-rc.1'.find('[0-9]+(\\\\.[0-9]+)*')", '1.2.3'],
    ]));

  it('regex: find and findAll run in linear time, whatever the pattern', () => {
    const started = performance.now();
    check([
      [`'${'a'.repeat(5000)}!'.find('(a+)+$')`, ''],
      [`'${'a'.repeat(5000)}'.find('(a|a)*b')`, ''],
      [`'${'x'.repeat(5000)}'.findAll('(x+x+)+y')`, []],
      [`'${'ab'.repeat(2000)}'.findAll('(a|ab)(c|bcd|b)').size()`, 2000],
    ]);
    assert.ok(performance.now() - started < 5000, `took ${performance.now() - started} ms`);
  });

  it('strings extension', () =>
    check([
      ["'hello'.charAt(1)", 'e'],
      ["'hello mellow'.indexOf('ello')", 1],
      ["'hello mellow'.lastIndexOf('ello')", 7],
      ["'TacoCat'.lowerAscii()", 'tacocat'],
      ["'TacoCat'.upperAscii()", 'TACOCAT'],
      ["'hello hello'.replace('he', 'we')", 'wello wello'],
      ["'hello hello'.replace('he', 'we', 1)", 'wello hello'],
      ["'hello hello hello'.split(' ')", ['hello', 'hello', 'hello']],
      ["'hello hello hello'.split(' ', 2)", ['hello', 'hello hello']],
      ["'hello hello hello'.split(' ', -1)", ['hello', 'hello', 'hello']],
      ["'hello'.split(' ', 0)", []],
      ["'abc'.split('', 2)", ['a', 'bc']],
      ["'tacocat'.substring(4)", 'cat'],
      ["'tacocat'.substring(0, 4)", 'taco'],
      ["'  \\ttrim\\n    '.trim()", 'trim'],
      ["['hello', 'mellow'].join()", 'hellomellow'],
      ["['hello', 'mellow'].join(' ')", 'hello mellow'],
      ['"%s is %d years old".format(["Alice", 30])', 'Alice is 30 years old'],
      ["strings.quote('single-quote with \"double quote\"')", '"single-quote with \\"double quote\\""'],
    ]));
});
