import type { LockfileParser } from '../../define-ecosystem.js';
import { MIX_LOCK } from './mix-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [MIX_LOCK];
