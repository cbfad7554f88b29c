import type { LockfileParser } from '../../define-ecosystem.js';
import { composerLock } from './composer-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [composerLock];
