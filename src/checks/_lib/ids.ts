import type { K8sObject } from '../../parsers/k8s-yaml/index.js';
import type { CheckContext } from '../define-check.js';
import { isWindowsPod } from './capabilities.js';
import { containers, effective, podSpec } from './pod.js';

/**
 * Shared by low-user-id and low-group-id: reports each container whose effective `field` is unset ('notSet') or a
 * non-root ID below `min` ('low'); an ID set once on the pod is reported once ('podLow'), naming the containers that
 * inherit it. 0 is left to the run-as-root checks; non-integers (invalid or unrendered) are not judged.
 * Message data: `container`, and `valueKey` (uid/gid) with `containers` for the pod-level message.
 */
export function reportLowIds(obj: K8sObject, ctx: CheckContext<unknown>, field: 'runAsUser' | 'runAsGroup', min: number, valueKey: 'uid' | 'gid'): void {
  const pod = podSpec(obj);
  if (!pod || isWindowsPod(pod)) return;
  const inheriting: string[] = [];
  let podValue: number | undefined;
  for (const c of containers(obj)) {
    const v = effective(c, field);
    if (v.from === 'none') {
      ctx.report({ path: v.path, messageId: 'notSet', data: { container: c.name } });
      continue;
    }
    if (typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value === 0 || v.value >= min) continue;
    if (v.from === 'pod') {
      podValue = v.value;
      inheriting.push(`"${c.name}"`);
    } else ctx.report({ path: v.path, messageId: 'low', data: { container: c.name, [valueKey]: v.value } });
  }
  if (podValue !== undefined) {
    ctx.report({ path: [...pod.path, 'securityContext', field], messageId: 'podLow', data: { [valueKey]: podValue, containers: inheriting.join(', ') } });
  }
}
