import type { LockfileParser } from '../../define-ecosystem.js';
import { cargoLock } from './cargo-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [cargoLock];
