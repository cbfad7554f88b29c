import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_CHECKS } from '../index.js';
import { runChecks } from '../engine.js';
import type { ConfigObject } from '../../core/config-object.js';
import { Unknown } from '../../parsers/terraform/values.js';
import { loadObjects } from '../tester/index.js';
import { boolOf, durationSeconds, gkeNodeConfigs, isAnySource, metadataBool, portSpecIncludes, portSpecIsAll } from './terraform-cloud.js';

describe('terraform-cloud helpers', () => {
  it('portSpecIncludes: single ports, ranges, wildcards, unknowns', () => {
    assert.equal(portSpecIncludes('22', 22), true);
    assert.equal(portSpecIncludes(22, 22), true);
    assert.equal(portSpecIncludes('20-25', 22), true);
    assert.equal(portSpecIncludes('23-25', 22), false);
    assert.equal(portSpecIncludes('*', 3389), true);
    assert.equal(portSpecIncludes('ssh', 22), 'unknown');
    assert.equal(portSpecIncludes(new Unknown(), 22), 'unknown');
    assert.equal(portSpecIsAll('0-65535'), true);
    assert.equal(portSpecIsAll('1-65535'), true);
    assert.equal(portSpecIsAll('1-1024'), false);
  });

  it('isAnySource: internet spellings of GCP and Azure', () => {
    for (const s of ['0.0.0.0/0', '::/0', '*', 'Internet', 'any', '0.0.0.0']) assert.equal(isAnySource(s), true, s);
    for (const s of ['10.0.0.0/8', 'VirtualNetwork', 'AzureLoadBalancer', '35.235.240.0/20', 42]) assert.equal(isAnySource(s), false, String(s));
  });

  it('boolOf / metadataBool keep unknowns apart from false', () => {
    assert.equal(boolOf(true), true);
    assert.equal(boolOf('false'), false);
    assert.equal(boolOf(undefined), 'unset');
    assert.equal(boolOf(new Unknown(['var.x'])), 'unknown');
    assert.equal(boolOf('${var.x}'), 'unknown');
    assert.equal(metadataBool('TRUE'), true);
    assert.equal(metadataBool('0'), false);
    assert.equal(metadataBool(null), 'unknown');
    assert.equal(metadataBool(undefined), 'unset');
  });

  it('durationSeconds reads GCP durations', () => {
    assert.equal(durationSeconds('7776000s'), 7776000);
    assert.equal(durationSeconds('100.5s'), 100.5);
    assert.equal(durationSeconds('90d'), undefined);
  });

  it('gkeNodeConfigs: default pool, inline pools, removed default pool, Autopilot', () => {
    assert.deepEqual(gkeNodeConfigs('google_container_cluster', {}).map((n) => n.path), [[]]);
    assert.deepEqual(gkeNodeConfigs('google_container_cluster', { remove_default_node_pool: true }), []);
    assert.deepEqual(gkeNodeConfigs('google_container_cluster', { enable_autopilot: true }), []);
    assert.deepEqual(gkeNodeConfigs('google_container_cluster', { enable_autopilot: new Unknown() }), []);
    const pools = gkeNodeConfigs('google_container_cluster', { node_pool: [{ name: 'a' }, { name: 'b', node_config: [{ machine_type: 'x' }] }] });
    assert.deepEqual(pools.map((p) => [p.path, p.label]), [
      [['node_pool', 0], 'node pool "a"'],
      [['node_pool', 1, 'node_config', 0], 'node pool "b"'],
    ]);
    assert.deepEqual(gkeNodeConfigs('google_container_node_pool', { node_config: new Unknown() }), []);
  });
});

/** Values of every shape a hostile or unusual configuration can give an attribute. */
const SHAPES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x'.repeat(10_000),
  '0.0.0.0/0',
  true,
  'true',
  [],
  [null, 1, 'a', [[]]],
  {},
  { nested: { deeper: [{}] } },
  new Unknown(['aws_x.y']),
  [new Unknown()],
  [{ enabled: new Unknown(), value: [1, 2] }],
];

describe('GCP and Azure checks on hostile values', () => {
  const mine = BUILTIN_CHECKS.filter((c) => c.meta.target === 'terraform' && /^(gcp|azure)-/.test(c.meta.slug));

  it('there are at least 26 of them, 12 per cloud', () => {
    assert.ok(mine.filter((c) => c.meta.slug.startsWith('gcp-')).length >= 12);
    assert.ok(mine.filter((c) => c.meta.slug.startsWith('azure-')).length >= 12);
  });

  it('never crash, whatever shape each attribute has', () => {
    // Take the attribute names the checks' own examples use, and give each of them every shape in turn.
    const base = new Map<string, ConfigObject>();
    const attrs = new Set<string>();
    for (const c of mine) {
      for (const o of [...loadObjects('terraform', c.meta.examples.good, 'main.tf'), ...loadObjects('terraform', c.meta.examples.bad, 'main.tf')]) {
        if (!base.has(o.kind)) base.set(o.kind, o);
        const walk = (v: unknown, depth: number): void => {
          if (depth > 6 || typeof v !== 'object' || v === null) return;
          for (const [k, x] of Object.entries(v)) {
            attrs.add(k);
            walk(x, depth + 1);
          }
        };
        walk(o.value, 0);
      }
    }
    const objects: ConfigObject[] = [];
    for (const template of base.values()) {
      for (const shape of SHAPES) {
        const value: Record<string, unknown> = {};
        for (const a of attrs) value[a] = shape;
        objects.push({ ...template, value });
        objects.push({ ...template, value: { ...template.value, ...Object.fromEntries([...attrs].map((a) => [a, [{ [a]: shape }]])) } });
      }
    }
    const active = mine.map((check) => ({ check, options: {}, severity: check.meta.severity }));
    const res = runChecks(active, objects);
    assert.deepEqual(res.crashes.map((c) => c.issue.message), []);
  });
});
