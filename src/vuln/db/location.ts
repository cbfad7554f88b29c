import { join, win32 } from 'node:path';
import type { DbStatus } from './store.js';

const FILE = 'osv.sqlite';

/**
 * Where the advisory database lives: `$PALISADE_DB`; else `$PALISADE_CACHE_DIR/osv.sqlite`; else the platform's user
 * cache directory (it is a cache: `db update` can always rebuild it). Everything comes in as arguments so it is testable
 * for every platform on any platform.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const explicit = env['PALISADE_DB'];
  if (explicit) return explicit;
  const pathFor = platform === 'win32' ? win32.join : join;
  const cacheDir = env['PALISADE_CACHE_DIR'];
  if (cacheDir) return pathFor(cacheDir, FILE);
  switch (platform) {
    case 'win32': {
      const local = env['LOCALAPPDATA'] || win32.join(home, 'AppData', 'Local');
      return win32.join(local, 'palisade', 'Cache', FILE);
    }
    case 'darwin':
      return join(home, 'Library', 'Caches', 'palisade', FILE);
    default: {
      // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
      const xdg = env['XDG_CACHE_HOME'];
      const base = xdg && xdg.startsWith('/') ? xdg : join(home, '.cache');
      return join(base, 'palisade', FILE);
    }
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A warning when the data is old enough that a scan's "no vulnerabilities" means less than it seems, or undefined.
 * Age is measured from the last import (`lastUpdate`), not from the newest advisory: a quiet ecosystem is not stale.
 */
export function staleness(status: Pick<DbStatus, 'lastUpdate' | 'total' | 'path'>, now: Date, maxAgeDays = 7): string | undefined {
  if (status.total === 0 || status.lastUpdate === undefined) return `the advisory database ${status.path} is empty: run \`palisade db update\` (or \`palisade db import\` offline)`;
  const last = Date.parse(status.lastUpdate);
  if (Number.isNaN(last)) return `the advisory database ${status.path} has an unreadable update time (${status.lastUpdate}): run \`palisade db update\``;
  const ageDays = (now.getTime() - last) / DAY_MS;
  if (ageDays <= maxAgeDays) return undefined;
  return `the advisory database was last updated ${Math.floor(ageDays)} days ago (${status.lastUpdate.slice(0, 10)}), more than ${maxAgeDays}: run \`palisade db update\` — advisories published since then are not matched`;
}
