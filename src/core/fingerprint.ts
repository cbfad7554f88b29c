import { createHash } from 'node:crypto';
import type { Resource } from './finding.js';

/**
 * Identifies a finding across runs regardless of line moves: the check, the resource identity and the data path.
 * The file path is part of the identity only when the resource has no name (e.g. a non-Kubernetes document).
 */
export function fingerprintOf(checkId: string, resource: Resource, dataPath: string, filePath: string): string {
  const identity =
    resource.name !== ''
      ? [resource.apiVersion.split('/')[0] ?? '', resource.kind, resource.namespace, resource.name]
      : ['file', filePath];
  const h = createHash('sha256');
  h.update([checkId, ...identity, dataPath].join('\u0000'));
  return h.digest('hex').slice(0, 32);
}
