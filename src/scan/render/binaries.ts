import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type RendererName = 'helm' | 'kustomize';

/** Where scripts/install-renderers.sh puts pinned copies; also searched by the scanner, after PATH. */
export function renderersCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env.PALISADE_TOOLS_DIR) return env.PALISADE_TOOLS_DIR;
  return env.HOME ? join(env.HOME, '.cache', 'palisade-tools', 'bin') : undefined;
}

const INSTALL_URL: Record<RendererName, string> = {
  helm: 'https://helm.sh/docs/intro/install/',
  kustomize: 'https://kubectl.docs.kubernetes.io/installation/kustomize/',
};

export function missingRendererMessage(name: RendererName, what: 'chart' | 'overlay'): string {
  return `${name} is not installed or not on PATH: install it (${INSTALL_URL[name]}) or exclude the ${what} with ignorePaths in .palisade.yaml`;
}

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The renderer binary: PATH first (what the user installed wins), then the install script's cache directory.
 * Searched by hand rather than through a shell so a missing binary is a clear message, not a spawn ENOENT.
 */
export function findRenderer(name: RendererName, env: Record<string, string | undefined>): string | undefined {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const cache = renderersCacheDir(env);
  if (cache) dirs.push(cache);
  for (const d of dirs) {
    const p = join(d, exe);
    if (isExecutable(p)) return p;
  }
  return undefined;
}
