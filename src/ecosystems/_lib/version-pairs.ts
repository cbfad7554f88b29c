import type { VersionScheme } from '../define-ecosystem.js';

/**
 * Checks a version scheme against a `versions.txt` fixture (Renovate / OSV-SCALIBR style). One assertion per line:
 *   `a < b`   a sorts before b (and b after a)
 *   `a == b`  equal in this scheme's ordering
 *   `! v`     v is not a version of this scheme (parse must fail)
 * `#` starts a comment; blank lines are skipped. Returns one message per failed line (empty = all pass).
 */
export function checkVersionPairs<V>(scheme: VersionScheme<V>, text: string, file = 'versions.txt'): { checked: number; failures: string[] } {
  const failures: string[] = [];
  let checked = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const where = `${file}:${i + 1}`;
    checked++;
    if (line.startsWith('! ')) {
      const v = line.slice(2).trim();
      if (scheme.parse(v) !== undefined) failures.push(`${where}: expected "${v}" to be unparsable`);
      return;
    }
    const m = /^(\S+)\s+(<|==)\s+(\S+)$/.exec(line);
    if (!m) {
      failures.push(`${where}: cannot read line "${raw}"`);
      return;
    }
    const [, a, op, b] = m as unknown as [string, string, string, string];
    const pa = scheme.parse(a);
    const pb = scheme.parse(b);
    if (pa === undefined || pb === undefined) {
      failures.push(`${where}: cannot parse "${pa === undefined ? a : b}"`);
      return;
    }
    const ab = Math.sign(scheme.compare(pa, pb));
    const ba = Math.sign(scheme.compare(pb, pa));
    const want = op === '<' ? -1 : 0;
    if (ab !== want || ba !== -want) failures.push(`${where}: ${a} ${op} ${b} but compare gave ${ab} / reversed ${ba}`);
  });
  return { checked, failures };
}
