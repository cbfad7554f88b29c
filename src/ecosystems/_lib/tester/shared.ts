import { fileURLToPath } from 'node:url';

/**
 * `../shared` beside the repository (corpora, OSV data, schemas), for tests. Computed from this file's place in the
 * repository so a clone anywhere finds its own neighbour; tests that need it skip with a reason when it is absent.
 */
export const SHARED = fileURLToPath(new URL('../../../../../shared', import.meta.url));
