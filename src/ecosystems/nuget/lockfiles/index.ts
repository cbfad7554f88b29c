import type { LockfileParser } from '../../define-ecosystem.js';
import { PACKAGES_LOCK_JSON } from './packages-lock-json.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [PACKAGES_LOCK_JSON];
