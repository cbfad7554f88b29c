import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultDbPath, staleness } from './location.js';

test('defaultDbPath: PALISADE_DB, then PALISADE_CACHE_DIR, then the platform cache directory', () => {
  assert.equal(defaultDbPath({ PALISADE_DB: '/x/my.sqlite', PALISADE_CACHE_DIR: '/c' }, 'linux', '/home/u'), '/x/my.sqlite');
  assert.equal(defaultDbPath({ PALISADE_CACHE_DIR: '/c' }, 'linux', '/home/u'), '/c/osv.sqlite');
  assert.equal(defaultDbPath({}, 'linux', '/home/u'), '/home/u/.cache/palisade/osv.sqlite');
  assert.equal(defaultDbPath({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u'), '/xdg/palisade/osv.sqlite');
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and is ignored.
  assert.equal(defaultDbPath({ XDG_CACHE_HOME: 'rel' }, 'linux', '/home/u'), '/home/u/.cache/palisade/osv.sqlite');
  assert.equal(defaultDbPath({ XDG_CACHE_HOME: '/xdg' }, 'darwin', '/Users/u'), '/Users/u/Library/Caches/palisade/osv.sqlite');
  assert.equal(defaultDbPath({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), 'C:\\Users\\u\\AppData\\Local\\palisade\\Cache\\osv.sqlite');
  assert.equal(defaultDbPath({}, 'win32', 'C:\\Users\\u'), 'C:\\Users\\u\\AppData\\Local\\palisade\\Cache\\osv.sqlite');
  assert.equal(defaultDbPath({ PALISADE_CACHE_DIR: 'D:\\cache' }, 'win32', 'C:\\Users\\u'), 'D:\\cache\\osv.sqlite');
  // An empty variable counts as unset, as shells leave them.
  assert.equal(defaultDbPath({ PALISADE_DB: '', PALISADE_CACHE_DIR: '' }, 'freebsd', '/home/u'), '/home/u/.cache/palisade/osv.sqlite');
});

test('staleness: warns past the age limit, on an empty database, and not within the limit', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const s = (lastUpdate: string | undefined, total = 10) => ({ path: '/db/osv.sqlite', total, lastUpdate });
  assert.equal(staleness(s('2026-11-20T00:00:00.000Z'), now), undefined);
  assert.equal(staleness(s('2026-11-15T12:00:00.000Z'), now), undefined);
  assert.match(staleness(s('2026-11-10T00:00:00.000Z'), now)!, /last updated 12 days ago \(2026-11-10\), more than 7: run `palisade db update`/);
  assert.match(staleness(s('2026-11-20T00:00:00.000Z'), now, 1)!, /2 days ago .* more than 1/);
  assert.match(staleness(s(undefined, 0), now)!, /\/db\/osv\.sqlite is empty/);
  assert.match(staleness(s('2026-11-20T00:00:00.000Z', 0), now)!, /is empty/);
  assert.match(staleness(s('yesterday'), now)!, /unreadable update time/);
});
