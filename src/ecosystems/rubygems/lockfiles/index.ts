import type { LockfileParser } from '../../define-ecosystem.js';
import { gemfileLock } from './gemfile-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [gemfileLock];
