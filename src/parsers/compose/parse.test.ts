import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import type { ConfigObject } from '../../core/config-object.js';
import type { DataPath } from '../../core/location.js';
import { parseComposeText, scalarOriginAt, type ComposeFileRef, type ComposeParseOptions } from './index.js';

function parse(text: string, opts: Partial<ComposeParseOptions> = {}, file = 'compose.yaml') {
  return parseComposeText(text, file, { env: {}, ...opts });
}

function services(r: ReturnType<typeof parse>): ConfigObject[] {
  return r.objects.filter((o) => o.kind === 'ComposeService');
}

function svc(r: ReturnType<typeof parse>, name: string): ConfigObject {
  const o = services(r).find((s) => s.name === name);
  assert.ok(o, `service ${name} missing`);
  return o;
}

const line = (o: ConfigObject, path: DataPath): number => o.source.locate([...o.basePath, ...path]).startLine;

/** A fake file system for `extends.file`, paths relative to the compose file's directory. */
function files(map: Record<string, string>): ComposeParseOptions['readFile'] {
  return (path: string, from: string): ComposeFileRef | { error: string } => {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
    const file = posix.normalize(dir + path);
    return file in map ? { text: map[file]!, file } : { error: 'no such file' };
  };
}

describe('compose parser: objects', () => {
  it('one ComposeService per service (basePath services.<name>) and one ComposeProject', () => {
    const r = parse('name: shop\nservices:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\nvolumes:\n  data: {}\n');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.objects.map((o) => [o.kind, o.name, o.target, o.basePath.join('.')]),
      [
        ['ComposeService', 'web', 'compose', 'services.web'],
        ['ComposeService', 'db', 'compose', 'services.db'],
        ['ComposeProject', 'shop', 'compose', ''],
      ],
    );
    assert.equal(svc(r, 'web').annotations['compose/project-file'], 'compose.yaml');
    assert.equal(line(svc(r, 'db'), ['image']), 6);
  });

  it('the project is named after the directory when the file names none', () => {
    const r = parse('services:\n  web:\n    image: nginx\n', {}, 'apps/My Shop/compose.yaml');
    assert.equal(r.objects.find((o) => o.kind === 'ComposeProject')!.name, 'myshop');
  });

  it('a service without a body is an empty service; labels in both syntaxes become object labels', () => {
    const r = parse('services:\n  empty:\n  a:\n    labels: ["team=core", "tier"]\n  b:\n    labels: { team: web }\n');
    assert.deepEqual(svc(r, 'empty').value, {});
    assert.deepEqual(svc(r, 'a').labels, { team: 'core', tier: '' });
    assert.deepEqual(svc(r, 'b').labels, { team: 'web' });
  });

  it('a missing field is located at the service key', () => {
    const r = parse('services:\n  web:\n    image: nginx\n');
    assert.equal(line(svc(r, 'web'), ['user']), 2);
    assert.equal(line(svc(r, 'web'), []), 2);
  });

  it('bad shapes are errors with a location, never a crash', () => {
    const list = parse('- a\n- b\n');
    assert.equal(list.errors[0]!.code, 'compose-invalid');
    const svcList = parse('services:\n  - web\n');
    assert.equal(svcList.errors[0]!.code, 'compose-invalid');
    assert.equal(svcList.errors[0]!.location.startLine, 1);
    const scalarSvc = parse('services:\n  web: nginx\n  db:\n    image: postgres\n');
    assert.equal(scalarSvc.errors[0]!.message, 'service "web" must be a mapping');
    assert.equal(scalarSvc.errors[0]!.location.startLine, 2);
    assert.deepEqual(services(scalarSvc).map((s) => s.name), ['db']);
    const syntax = parse('services:\n  web:\n    image: [nginx\n');
    assert.equal(syntax.errors[0]!.code, 'yaml-syntax');
  });

  it('an empty file and a file without services yield only what they have', () => {
    assert.deepEqual(parse('').objects, []);
    const r = parse('networks:\n  front: {}\n');
    assert.deepEqual(r.objects.map((o) => o.kind), ['ComposeProject']);
  });
});

describe('compose parser: interpolation', () => {
  it('interpolates values, not keys, and keeps data paths and lines', () => {
    const r = parse('services:\n  web:\n    image: nginx:${TAG:-1.27}\n    environment:\n      ${KEY}: x\n', { env: { KEY: 'nope' } });
    const web = svc(r, 'web');
    assert.equal(web.value.image, 'nginx:1.27');
    assert.deepEqual(web.value.environment, { '${KEY}': 'x' });
    assert.equal(line(web, ['image']), 3);
    assert.deepEqual(scalarOriginAt(web.value, ['image']), { raw: 'nginx:${TAG:-1.27}', unset: [] });
  });

  it('an unset variable is a warning once per variable, at its first use; :? is an error at its line', () => {
    const r = parse('services:\n  a:\n    image: x:$TAG\n  b:\n    image: y:${TAG}\n    command: ${CMD:?CMD must be set}\n');
    assert.deepEqual(
      r.warnings.map((w) => [w.code, w.location.startLine]),
      [['compose-unset-variable', 3]],
    );
    assert.equal(r.warnings[0]!.message, 'The "TAG" variable is not set. Defaulting to a blank string.');
    assert.deepEqual(
      r.errors.map((e) => [e.code, e.message, e.location.startLine]),
      [['compose-interpolation', 'required variable CMD is missing a value: CMD must be set', 6]],
    );
    assert.equal(svc(r, 'a').value.image, 'x:');
  });

  it('casts interpolated booleans and integers of known fields like compose', () => {
    const r = parse('services:\n  a:\n    privileged: ${P:-yes}\n    read_only: "false"\n    pids_limit: ${N:-100}\n    environment:\n      FLAG: ${P:-yes}\n');
    const a = svc(r, 'a');
    assert.equal(a.value.privileged, true);
    assert.equal(a.value.read_only, false);
    assert.equal(a.value.pids_limit, 100);
    assert.deepEqual(a.value.environment, { FLAG: 'yes' });
  });

  it('reads plain scalars as YAML 1.2 like compose: 22:22 is a string, on/yes are strings', () => {
    const r = parse('services:\n  a:\n    ports:\n      - 22:22\n      - 80\n    environment:\n      DEBUG: on\n      N: 0x10\n    user: 1000:1000\n');
    const a = svc(r, 'a');
    assert.deepEqual(a.value.ports, ['22:22', 80]);
    assert.deepEqual(a.value.environment, { DEBUG: 'on', N: 16 });
    assert.equal(a.value.user, '1000:1000');
  });

  it('aliased values are interpolated once and stay shared', () => {
    const r = parse('x-env: &env\n  A: ${X:-1}\nservices:\n  a:\n    environment: *env\n  b:\n    environment: *env\n');
    assert.deepEqual(svc(r, 'a').value.environment, { A: '1' });
    assert.equal(svc(r, 'a').value.environment, svc(r, 'b').value.environment);
  });
});

describe('compose parser: profiles', () => {
  const text = 'services:\n  web:\n    image: a\n  debug:\n    image: b\n    profiles: [debug]\n  tools:\n    image: c\n    profiles: [tools, ops]\n';
  it('without --profile every service is scanned', () => {
    assert.deepEqual(services(parse(text)).map((s) => s.name), ['web', 'debug', 'tools']);
  });
  it('with profiles, services of other profiles are left out; * activates all', () => {
    assert.deepEqual(services(parse(text, { profiles: ['ops'] })).map((s) => s.name), ['web', 'tools']);
    assert.deepEqual(services(parse(text, { profiles: ['none'] })).map((s) => s.name), ['web']);
    assert.deepEqual(services(parse(text, { profiles: ['*'] })).map((s) => s.name), ['web', 'debug', 'tools']);
  });
});

describe('compose parser: extends', () => {
  it('merges by the compose rules: maps merge, sequences append, unique keys dedupe, command replaced', () => {
    const r = parse(`services:
  base:
    image: app:1
    command: ["serve", "--base"]
    ports: ["8080:80", "9000:9000"]
    environment: { A: "1", B: "2" }
    cap_add: [NET_ADMIN]
    volumes: ["/data:/data", "logs:/logs"]
    deploy: { resources: { limits: { memory: 1g, cpus: "1" } } }
    logging: { driver: json-file, options: { max-size: 10m } }
  app:
    extends: base
    command: ["serve"]
    ports: ["8080:80", "127.0.0.1:5432:5432"]
    environment: ["B=3", "C=4"]
    cap_add: [NET_ADMIN, SYS_TIME]
    volumes: ["./data:/data"]
    deploy: { resources: { limits: { memory: 2g } } }
    logging: { driver: syslog }
`);
    assert.deepEqual(r.errors, []);
    const app = svc(r, 'app').value;
    assert.equal('extends' in app, false);
    assert.equal(app.image, 'app:1');
    assert.deepEqual(app.command, ['serve']);
    assert.deepEqual(app.ports, ['9000:9000', '8080:80', '127.0.0.1:5432:5432']);
    assert.deepEqual(app.environment, { A: '1', B: '3', C: '4' });
    assert.deepEqual(app.cap_add, ['NET_ADMIN', 'SYS_TIME']);
    assert.deepEqual(app.volumes, ['logs:/logs', './data:/data']);
    assert.deepEqual(app.deploy, { resources: { limits: { memory: '2g', cpus: '1' } } });
    assert.deepEqual(app.logging, { driver: 'syslog' });
  });

  it('locates local values at their own line and inherited ones at the extends key', () => {
    const r = parse(`services:
  base:
    image: app:1
    ports: ["9000:9000"]
    environment: { A: "1" }
  app:
    extends:
      service: base
    ports:
      - "127.0.0.1:5432:5432"
    environment:
      - C=4
`);
    const app = svc(r, 'app');
    assert.equal(line(app, ['image']), 7);
    assert.equal(line(app, ['ports', 0]), 7);
    assert.equal(line(app, ['ports', 1]), 10);
    assert.equal(line(app, ['ports']), 9);
    assert.equal(line(app, ['environment', 'A']), 7);
    assert.equal(line(app, ['environment', 'C']), 12);
    assert.equal(line(app, ['user']), 6);
  });

  it('!reset drops an inherited key and !override replaces it whole', () => {
    const r = parse(`services:
  base:
    image: app:1
    ports: ["80:80"]
    environment: { A: "1" }
  app:
    extends: base
    ports: !reset []
    environment: !override
      B: "2"
`);
    const app = svc(r, 'app').value;
    assert.equal('ports' in app, false);
    assert.deepEqual(app.environment, { B: '2' });
  });

  it('follows chains and other files, relative to the file that names them', () => {
    const readFile = files({
      'common/base.yaml': 'services:\n  root:\n    image: base:1\n    privileged: true\n  mid:\n    extends: { file: ../more.yaml, service: leaf }\n    user: "1000"\n',
      'more.yaml': 'services:\n  leaf:\n    read_only: true\n',
    });
    const r = parse('services:\n  a:\n    extends: { file: ./common/base.yaml, service: root }\n  b:\n    extends: { file: common/base.yaml, service: mid }\n  c:\n    extends: b\n', { readFile });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(svc(r, 'a').value, { image: 'base:1', privileged: true });
    assert.deepEqual(svc(r, 'c').value, { read_only: true, user: '1000' });
    assert.equal(line(svc(r, 'a'), ['privileged']), 3);
  });

  it('cycles, missing services, missing files and bad values are errors at the extends key', () => {
    const cyc = parse('services:\n  a:\n    extends: b\n  b:\n    extends: a\n  self:\n    extends: self\n');
    assert.deepEqual(
      cyc.errors.map((e) => [e.code, e.location.startLine]),
      [
        ['compose-extends', 3],
        ['compose-extends', 7],
      ],
    );
    assert.match(cyc.errors[0]!.message, /cycle/);
    assert.equal(services(cyc).length, 3);
    const missing = parse('services:\n  a:\n    extends: nope\n  b:\n    extends: { file: other.yaml, service: x }\n  c:\n    extends: { file: 3 }\n', { readFile: files({}) });
    assert.deepEqual(
      missing.errors.map((e) => [e.location.startLine, e.message]),
      [
        [3, 'extends: service "nope" not found'],
        [5, 'extends: cannot read file "other.yaml": no such file'],
        [7, 'extends: must be a service name or a mapping with a `service` (and optional `file`)'],
      ],
    );
    const alone = parse('services:\n  a:\n    extends: { file: other.yaml, service: x }\n');
    assert.match(alone.errors[0]!.message, /parsed on its own/);
  });

  it('a cycle across files is an error, not a hang', () => {
    const readFile = files({ 'x.yaml': 'services:\n  x:\n    extends: { file: y.yaml, service: y }\n', 'y.yaml': 'services:\n  y:\n    extends: { file: x.yaml, service: x }\n' });
    const r = parse('services:\n  a:\n    extends: { file: x.yaml, service: x }\n', { readFile });
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.location.path, 'x.yaml');
  });

  it('a chain of 10,000 services is cut at the depth limit with one error per cut, quickly', () => {
    const n = 10_000;
    let text = 'services:\n';
    for (let i = 0; i < n; i++) text += `  s${i}:\n    extends: s${i + 1}\n`;
    text += `  s${n}:\n    image: leaf\n`;
    const t0 = performance.now();
    const r = parse(text);
    assert.ok(performance.now() - t0 < 10_000);
    assert.ok(r.errors.length > 0 && r.errors.every((e) => e.code === 'compose-extends'));
    assert.equal(services(r).length, n + 1);
  });
});

describe('compose parser: inline suppressions', () => {
  const text = `services:
  # palisade:ignore=PAL-COMPOSE-0001 the build agent needs it
  agent:
    image: docker:27
    # palisade:ignore=compose-host-network,compose-host-pid debugging only expires=2027-01-31
    # a note between the comment and the key
    network_mode: host
    ports:
      - "22:22" # palisade:ignore=compose-ssh-port-exposed gitea ssh
  web:
    image: nginx
`;
  it('covers the service, the key below and a trailing line; paths are relative to the service', () => {
    const r = parse(text);
    const agent = svc(r, 'agent');
    assert.deepEqual(
      agent.inlineSuppressions!.map((s) => [s.ids.join(','), s.pathPrefix, s.reason, s.expires ?? null, s.location.startLine]),
      [
        ['PAL-COMPOSE-0001', '', 'the build agent needs it', null, 2],
        ['compose-host-network,compose-host-pid', 'network_mode', 'debugging only', '2027-01-31', 5],
        ['compose-ssh-port-exposed', 'ports[0]', 'gitea ssh', null, 9],
      ],
    );
    assert.equal(svc(r, 'web').inlineSuppressions, undefined);
    assert.deepEqual(r.warnings, []);
  });

  it('under extends, paths follow the merge, and a comment above extends: covers what is inherited', () => {
    const r = parse(`services:
  base:
    image: app:1
    privileged: true
    ports: ["80:80"]
    environment: { A: "1" }
  app:
    # palisade:ignore=compose-privileged inherited on purpose
    extends: base
    ports:
      # palisade:ignore=compose-ssh-port-exposed git over ssh
      - "2222:22"
    environment:
      # palisade:ignore=compose-env-credential-literal test fixture
      - TOKEN=abc
`);
    assert.deepEqual(
      svc(r, 'app').inlineSuppressions!.map((s) => [s.ids[0], s.pathPrefix]),
      [
        ['compose-privileged', 'image'],
        ['compose-privileged', 'privileged'],
        ['compose-privileged', 'ports[0]'],
        ['compose-privileged', 'environment.A'],
        ['compose-ssh-port-exposed', 'ports[1]'],
        ['compose-env-credential-literal', 'environment.TOKEN'],
      ],
    );
  });

  it('a comment above services: covers every service', () => {
    const r = parse('# palisade:ignore=compose-runs-as-root images set their own user\nservices:\n  a:\n    image: x\n  b:\n    image: y\n');
    for (const s of services(r)) assert.equal(s.inlineSuppressions?.[0]?.pathPrefix, '');
  });

  it('no reason, a bad expiry or nothing to cover is a warning with the comment line', () => {
    const r = parse('services:\n  a:\n    # palisade:ignore=PAL-COMPOSE-0001\n    privileged: true\n    # palisade:ignore=PAL-COMPOSE-0001 why expires=someday\n    read_only: false\nnetworks:\n  # palisade:ignore=PAL-COMPOSE-0001 nothing here\n  front: {}\n');
    assert.deepEqual(
      r.warnings.map((w) => [w.code, w.location.startLine]),
      [
        ['compose-suppression', 3],
        ['compose-suppression', 5],
        ['compose-suppression', 8],
      ],
    );
    assert.equal(svc(r, 'a').inlineSuppressions, undefined);
  });
});

describe('compose parser: fingerprints', () => {
  it('the stable key holds the file and names list entries by content', () => {
    const r = parse('services:\n  a:\n    ports: ["8080:80", "5432:5432"]\n    environment: ["A=1", "PASSWORD=x"]\n');
    const a = svc(r, 'a');
    assert.equal(a.stableKey!(['ports', 1]), 'compose.yaml:ports[=5432:5432]');
    assert.equal(a.stableKey!(['environment', 1]), 'compose.yaml:environment[=PASSWORD]');
    assert.equal(a.stableKey!(['privileged']), 'compose.yaml:privileged');
  });
});

describe('compose parser: hostile input', () => {
  it('an alias bomb is refused with an error', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nservices:\n  web:\n    environment: *e\n';
    const r = parse(bomb);
    assert.equal(r.errors[0]!.code, 'alias-bomb');
    assert.deepEqual(r.objects, []);
  });

  it('deep nesting is refused with an error', () => {
    const r = parse('services:\n  web:\n    x: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n');
    assert.equal(r.errors[0]!.code, 'too-deep');
  });

  it('a 10,000-service file parses, and locating fields costs the path, not the file', () => {
    let text = 'services:\n';
    for (let i = 0; i < 10_000; i++) text += `  svc${i}:\n    image: app:\${TAG:-1}\n    ports: ["${i % 60000}:80"]\n`;
    const t0 = performance.now();
    const r = parse(text);
    const parseMs = performance.now() - t0;
    assert.equal(services(r).length, 10_000);
    const t1 = performance.now();
    for (const s of services(r)) {
      line(s, ['ports', 0]);
      line(s, ['user']);
    }
    const locateMs = performance.now() - t1;
    assert.equal(line(svc(r, 'svc9999'), ['ports', 0]), 2 + 9999 * 3 + 2);
    assert.ok(parseMs < 10_000, `parse took ${parseMs} ms`);
    assert.ok(locateMs < 2_000, `20,000 lookups took ${locateMs} ms`);
  });
});
