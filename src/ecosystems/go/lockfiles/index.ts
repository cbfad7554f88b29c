import type { LockfileParser } from '../../define-ecosystem.js';
import { goMod } from './go-mod.js';

/** Every lockfile format of this ecosystem. go.sum is no inventory of its own: go.mod is (see go-mod.ts). */
export const LOCKFILES: readonly LockfileParser[] = [goMod];
