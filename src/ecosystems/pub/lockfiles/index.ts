import type { LockfileParser } from '../../define-ecosystem.js';
import { PUBSPEC_LOCK } from './pubspec-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [PUBSPEC_LOCK];
