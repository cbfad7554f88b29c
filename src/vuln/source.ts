import type { OsvRecord } from './osv.js';

/**
 * Where the matcher gets advisories: the SQLite store (src/vuln/db), or an in-memory list in tests.
 * `name` is the package name as written; implementations normalise it with the ecosystem's `normaliseName`.
 * Returns every record with an `affected[]` entry for that package in that ecosystem base (`Debian` for `Debian:12`);
 * the matcher itself checks the exact ecosystem release.
 */
export interface AdvisorySource {
  advisoriesFor(ecosystem: string, name: string): readonly OsvRecord[];
}
