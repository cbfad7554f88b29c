import type { Finding, Resource } from '../core/finding.js';
import { fingerprintOf } from '../core/fingerprint.js';
import { formatDataPath, type DataPath, type Location } from '../core/location.js';
import { isRecord, locateIn, type K8sObject } from '../parsers/k8s-yaml/index.js';
import { resourceOf } from '../checks/engine.js';
import { scanText, type SecretHit } from '../secrets/engine.js';
import type { SecretRule } from '../secrets/define-rule.js';

const NO_RESOURCE: Resource = { apiVersion: '', kind: '', namespace: '', name: '' };

function toFinding(hit: SecretHit, location: Location, resource: Resource, dataPath: DataPath): Finding {
  const m = hit.rule.meta;
  const dp = formatDataPath(dataPath);
  return {
    // The secret's hash, not its line, identifies it: the same leaked value in the same file is the same finding.
    fingerprint: fingerprintOf(m.id, resource, `${dp}#${hit.secretHash}`, location.path),
    checkId: m.id,
    slug: m.slug,
    title: m.title,
    severity: m.severity,
    category: 'secrets',
    message: `${m.title} found: "${hit.redacted}".`,
    location,
    dataPath: dp,
    resource,
    remediation: m.remediation,
    references: [...m.references],
    peers: m.peers.map((p) => ({ tool: p.tool, id: p.id, match: 'same' as const })),
    suppressed: null,
  };
}

/** Secrets in a file's text, located at the secret itself. */
export function secretsInText(text: string, path: string, rules: readonly SecretRule[]): Finding[] {
  return scanText(text, rules).map((h) =>
    toFinding(h, { path, startLine: h.startLine, startColumn: h.startColumn, endLine: h.endLine, endColumn: h.endColumn }, NO_RESOURCE, []),
  );
}

/**
 * Secrets inside a Kubernetes Secret's base64 `data`: invisible to a text scan, so each value is decoded and scanned;
 * findings point at the data key in the manifest.
 */
export function secretsInSecretObject(obj: K8sObject, rules: readonly SecretRule[]): Finding[] {
  if (obj.kind !== 'Secret' || !isRecord(obj.value.data)) return [];
  const out: Finding[] = [];
  for (const [key, raw] of Object.entries(obj.value.data)) {
    if (typeof raw !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(raw)) continue;
    const decoded = Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (decoded.includes('\uFFFD')) continue; // binary payload (keystore, image): not text to scan
    const path: DataPath = ['data', key];
    // The key name is context several rules need (e.g. `azurestorageaccountkey`, `AWS_SECRET_ACCESS_KEY`): scan the pair.
    for (const h of scanText(`${key}: ${decoded}`, rules)) out.push(toFinding(h, locateIn(obj, path), resourceOf(obj), path));
  }
  return out;
}

/**
 * The finding `secretsInText` makes for a hit, for callers that locate hits themselves (the git-history scan maps
 * lines of added text back to lines of the file). Same fingerprint as the working-tree scan of the same secret in the
 * same file: rule + path + secret hash, never the line.
 */
export function textSecretFinding(hit: SecretHit, location: Location): Finding {
  return toFinding(hit, location, NO_RESOURCE, []);
}
