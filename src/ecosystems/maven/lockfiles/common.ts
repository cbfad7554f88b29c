import type { Location } from '../../../core/location.js';
import { formatPurl } from '../../_lib/purl.js';

/** The OSV ecosystem string of every package these parsers read. */
export const ECOSYSTEM = 'Maven';

/**
 * The Maven purl (`group:artifact` → namespace/name); MAVEN_ECOSYSTEM.purl is this function.
 */
export function mavenPurl(name: string, version: string): string {
  const i = name.indexOf(':');
  return formatPurl({ type: 'maven', namespace: i > 0 ? name.slice(0, i) : undefined, name: i > 0 ? name.slice(i + 1) : name, version });
}

export function span(path: string, startLine: number, startColumn: number, endLine: number, endColumn: number): Location {
  return { path, startLine, startColumn, endLine, endColumn };
}
