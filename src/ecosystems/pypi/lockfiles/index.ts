import type { LockfileParser } from '../../define-ecosystem.js';
import { pipfileLock } from './pipfile-lock.js';
import { poetryLock } from './poetry-lock.js';
import { requirementsTxt } from './requirements-txt.js';
import { uvLock } from './uv-lock.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [requirementsTxt, poetryLock, pipfileLock, uvLock];
