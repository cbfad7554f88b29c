import type { LockfileParser } from '../../define-ecosystem.js';
import { BUN_LOCK, BUN_LOCKB } from './bun-lock.js';
import { createPackageLockParser } from './package-lock.js';
import { PNPM_LOCK } from './pnpm-lock.js';
import { YARN_LOCK } from './yarn-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [createPackageLockParser('package-lock.json'), createPackageLockParser('npm-shrinkwrap.json'), YARN_LOCK, PNPM_LOCK, BUN_LOCK, BUN_LOCKB];
