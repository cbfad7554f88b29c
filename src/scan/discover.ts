import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['.palisade.yaml', '.palisade.yml'];
export const WAIVER_FILE = join('.palisade', 'waivers.yaml');

/** Directory to start looking for config from: the first scanned path (its directory for a file), else cwd. */
export function startDir(inputs: readonly string[], cwd: string): string {
  const first = inputs.find((i) => i !== '-' && !/[*?[\]{}]/.test(i));
  if (!first) return cwd;
  const abs = resolve(cwd, first);
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return cwd;
  }
}

/** Walks up from `from` to the filesystem root; returns the first directory for which `test` finds a file. */
export function findUp(from: string, names: readonly string[]): string | undefined {
  let dir = from;
  for (;;) {
    for (const n of names) {
      const p = join(dir, n);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
