import type { LockfileParser } from '../../define-ecosystem.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [];
