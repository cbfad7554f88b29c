import type { CvssScore } from '../../core/finding.js';
import { err, ok, type Result } from '../../core/result.js';
import { cvss2BaseScore } from './v2.js';
import { cvss3BaseScore } from './v3.js';
import { cvss4Score } from './v4.js';

export { cvss2BaseScore } from './v2.js';
export { cvss3BaseScore, roundup30, roundup31 } from './v3.js';
export { cvss4Score } from './v4.js';

/**
 * Scores a CVSS vector of any supported version, chosen by the vector's own prefix (`CVSS:4.0/`, `CVSS:3.x/`, none for v2).
 * `osvType` (`CVSS_V2`, `CVSS_V3`, `CVSS_V4`) is checked against it: a v3 vector filed as CVSS_V4 is reported, not rescored.
 */
export function scoreCvss(vector: string, osvType?: string): Result<CvssScore, string> {
  const v = vector.trim();
  let result: Result<{ version: CvssScore['version']; score: number }, string>;
  if (v.startsWith('CVSS:4.')) result = cvss4Score(v);
  else if (v.startsWith('CVSS:3.')) result = cvss3BaseScore(v);
  else result = cvss2BaseScore(v);
  if (!result.ok) return result;
  const expected = osvType === 'CVSS_V2' ? '2' : osvType === 'CVSS_V3' ? '3' : osvType === 'CVSS_V4' ? '4' : undefined;
  if (expected !== undefined && !result.value.version.startsWith(expected)) {
    return err(`${osvType}: vector "${v}" is CVSS ${result.value.version}`);
  }
  return ok({ version: result.value.version, vector: v, score: result.value.score });
}
