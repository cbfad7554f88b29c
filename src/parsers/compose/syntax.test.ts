import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDotenv } from './dotenv.js';
import { parseDevice, parsePort, parseVolume, portRange } from './syntax.js';

describe('ports short and long syntax', () => {
  const cases: [unknown, ReturnType<typeof parsePort>][] = [
    ['3000', { hostIp: '', published: '', target: '3000', protocol: 'tcp' }],
    [3000, { hostIp: '', published: '', target: '3000', protocol: 'tcp' }],
    ['3000-3005', { hostIp: '', published: '', target: '3000-3005', protocol: 'tcp' }],
    ['8000:8000', { hostIp: '', published: '8000', target: '8000', protocol: 'tcp' }],
    ['9090-9091:8080-8081', { hostIp: '', published: '9090-9091', target: '8080-8081', protocol: 'tcp' }],
    ['127.0.0.1:8001:8001', { hostIp: '127.0.0.1', published: '8001', target: '8001', protocol: 'tcp' }],
    ['127.0.0.1::5000', { hostIp: '127.0.0.1', published: '', target: '5000', protocol: 'tcp' }],
    ['6060:6060/UDP', { hostIp: '', published: '6060', target: '6060', protocol: 'udp' }],
    ['[::1]:6001:6001', { hostIp: '::1', published: '6001', target: '6001', protocol: 'tcp' }],
    ['::1:6000:6000', { hostIp: '::1', published: '6000', target: '6000', protocol: 'tcp' }],
    [{ target: 80, published: '8080', host_ip: '0.0.0.0', protocol: 'TCP' }, { hostIp: '0.0.0.0', published: '8080', target: '80', protocol: 'tcp' }],
    ['abc', undefined],
    ['80:http', undefined],
    [{ published: 80 }, undefined],
    [1.5, undefined],
    [null, undefined],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.deepEqual(parsePort(input), want));

  it('ranges', () => {
    assert.deepEqual(portRange('5000-5010'), { from: 5000, to: 5010 });
    assert.equal(portRange('10-5'), undefined);
    assert.equal(portRange('70000'), undefined);
  });
});

describe('volumes short and long syntax', () => {
  const cases: [unknown, ReturnType<typeof parseVolume>][] = [
    ['/var/lib/data', { type: 'volume', source: '', target: '/var/lib/data', readOnly: false }],
    ['data:/data', { type: 'volume', source: 'data', target: '/data', readOnly: false }],
    ['./cache:/tmp/cache', { type: 'bind', source: './cache', target: '/tmp/cache', readOnly: false }],
    ['~/configs:/etc/configs/:ro', { type: 'bind', source: '~/configs', target: '/etc/configs/', readOnly: true }],
    ['/etc:/host/etc:ro,z', { type: 'bind', source: '/etc', target: '/host/etc', readOnly: true }],
    ['C:\\data:/data', { type: 'bind', source: 'C:\\data', target: '/data', readOnly: false }],
    [{ type: 'bind', source: '/', target: '/rootfs', read_only: true }, { type: 'bind', source: '/', target: '/rootfs', readOnly: true }],
    [{ source: 'named', target: '/x' }, { type: 'volume', source: 'named', target: '/x', readOnly: false }],
    [{ type: 'tmpfs', target: '/run' }, { type: 'tmpfs', source: '', target: '/run', readOnly: false }],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.deepEqual(parseVolume(input), want));

  it('devices', () => {
    assert.deepEqual(parseDevice('/dev/ttyUSB0:/dev/ttyUSB0:rw'), { source: '/dev/ttyUSB0', target: '/dev/ttyUSB0', permissions: 'rw' });
    assert.deepEqual(parseDevice('/dev/fuse'), { source: '/dev/fuse', target: '/dev/fuse', permissions: 'rwm' });
    assert.deepEqual(parseDevice({ source: '/dev/sda', target: '/dev/xvda' }), { source: '/dev/sda', target: '/dev/xvda', permissions: 'rwm' });
  });
});

describe('.env files', () => {
  it('reads compose .env syntax', () => {
    const r = parseDotenv(
      [
        '# comment',
        'A=1',
        'export B = two ',
        'C: three',
        "D='literal ${A} \\n'",
        'E="x\\ny ${A} \\$A"',
        'F=${A}-${MISSING:-dflt} # trailing comment',
        'G="multi',
        'line"',
        'H',
        'I=',
        'URL=http://host/#anchor',
        '',
      ].join('\n'),
      { H: 'from-shell' },
    );
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.vars, { A: '1', B: 'two', C: 'three', D: 'literal ${A} \\n', E: 'x\ny 1 $A', F: '1-dflt', G: 'multi\nline', H: 'from-shell', I: '', URL: 'http://host/#anchor' });
  });

  it('later lines see earlier ones before the shell environment', () => {
    assert.deepEqual(parseDotenv('X=file\nY=${X}\n', { X: 'shell' }).vars, { X: 'file', Y: 'file' });
  });

  it('bad lines are warnings with their line; an unterminated quote is an error', () => {
    const r = parseDotenv('OK=1\n1BAD=x\n=y\nQ="open\n', {});
    assert.deepEqual(
      r.issues.map((i) => [i.level, i.line]),
      [
        ['warning', 2],
        ['warning', 3],
        ['error', 4],
      ],
    );
    assert.deepEqual(r.vars, { OK: '1' });
  });
});
