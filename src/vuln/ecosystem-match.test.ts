import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ecosystemMatches } from './ecosystem-match.js';

test('ecosystemMatches', () => {
  const cases: [string, string, boolean][] = [
    ['PyPI', 'PyPI', true],
    ['Debian:12', 'Debian:12', true],
    ['Debian', 'Debian:12', true], // no release in the advisory: every release
    ['Ubuntu:22.04:LTS', 'Ubuntu:22.04', true], // the advisory qualifies the package's release
    ['Ubuntu:Pro:22.04:LTS', 'Ubuntu:22.04', false],
    ['Debian:12', 'Debian', false], // package release unknown
    ['Ubuntu:22.04', 'Ubuntu', false],
    ['Debian:11', 'Debian:12', false],
    ['Debian:1', 'Debian:12', false],
    ['Alpine:v3.19', 'Alpine:v3.1', false],
    ['Ubuntu:22.04', 'Debian:12', false],
    ['npm', 'PyPI', false],
    ['Packagist:https://packages.drupal.org/8', 'Packagist', false],
  ];
  for (const [adv, pkg, want] of cases) assert.equal(ecosystemMatches(adv, pkg), want, `${adv} vs ${pkg}`);
});
