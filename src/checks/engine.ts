import type { Finding, Resource } from '../core/finding.js';
import { fingerprintOf } from '../core/fingerprint.js';
import { formatDataPath } from '../core/location.js';
import type { TargetIssue } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import type { ConfigObject } from '../core/config-object.js';
import { locateIn } from '../parsers/k8s-yaml/index.js';
import { ObjectIndex } from './_lib/object-index.js';
import { renderMessage, type Check, type ReportDescriptor } from './define-check.js';

/** A check as the policy selected it: options validated, severity possibly overridden. */
export interface ActiveCheck {
  check: Check<unknown>;
  options: unknown;
  severity: Severity;
}

export interface EngineResult {
  findings: Finding[];
  /** Checks that threw: each becomes an error result for the file of the object it crashed on. */
  crashes: { file: string; issue: TargetIssue }[];
}

export function resourceOf(obj: ConfigObject): Resource {
  return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace, name: obj.name };
}

/** Runs every active check over every object of its target. Pure: no I/O, no clock. */
export function runChecks(active: readonly ActiveCheck[], objects: readonly ConfigObject[], index = new ObjectIndex(objects)): EngineResult {
  const findings: Finding[] = [];
  const crashes: EngineResult['crashes'] = [];
  for (const obj of objects) {
    for (const a of active) {
      if (!a.check.appliesTo(obj)) continue;
      const seen = new Set<string>();
      const meta = a.check.meta;
      const report = (d: ReportDescriptor): void => {
        const messageId = d.messageId ?? Object.keys(meta.messages)[0]!;
        const template = meta.messages[messageId];
        if (template === undefined) throw new Error(`${meta.id} reported unknown messageId "${messageId}"`);
        const dataPath = formatDataPath(d.path);
        const message = renderMessage(template, d.data);
        const key = `${dataPath}\u0000${message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const resource = resourceOf(obj);
        const finding: Finding = {
          fingerprint: fingerprintOf(meta.id, resource, obj.stableKey ? obj.stableKey(d.path) : dataPath, obj.file),
          checkId: meta.id,
          slug: meta.slug,
          title: meta.title,
          // A configured override (a.severity differs from the check's own) beats a per-finding severity.
          severity: d.severity !== undefined && a.severity === meta.severity ? d.severity : a.severity,
          category: meta.category,
          message,
          location: locateIn(obj, d.path),
          dataPath,
          resource,
          remediation: meta.remediation,
          references: [...meta.references],
          peers: meta.peers.map((p) => ({ ...p })),
          suppressed: null,
        };
        if (d.fix) finding.fix = d.fix;
        if (obj.derivedFrom) finding.derivedFrom = { ...obj.derivedFrom };
        findings.push(finding);
      };
      try {
        a.check.run(obj, { options: a.options, index, report });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        crashes.push({
          file: obj.file,
          issue: {
            code: 'check-crash',
            checkId: meta.id,
            message: `check ${meta.id} (${meta.slug}) failed on ${obj.kind}/${obj.name}: ${message}`,
            location: locateIn(obj, []),
          },
        });
      }
    }
  }
  return { findings, crashes };
}
