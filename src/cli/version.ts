import { readFileSync } from 'node:fs';

/** The package version, read once from package.json next to the built or source tree. */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const TOOL_NAME = 'palisade';
export const INFORMATION_URI = 'https://github.com/palisade-dev/palisade';
export const DOCS_BASE_URL = 'https://github.com/palisade-dev/palisade/blob/main/docs/checks/';
