import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'default account opting out',
      code: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: app
automountServiceAccountToken: false
`,
    },
    {
      name: 'non-default account left unset',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web, namespace: app }
`,
    },
  ],
  invalid: [
    {
      name: 'default account unset',
      code: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: app
imagePullSecrets:
  - name: registry
`,
      errors: [{ path: 'automountServiceAccountToken', line: 1, messageId: 'unset' }],
    },
    {
      name: 'default account explicitly true, in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata: { name: default, namespace: app }
    automountServiceAccountToken: true
`,
      errors: [{ path: 'automountServiceAccountToken', line: 7, messageId: 'explicit', resource: 'default' }],
    },
  ],
});

it('PAL-K8S-0061 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: apps }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [[{ op: 'add', path: '/automountServiceAccountToken', value: false }]]);
});
