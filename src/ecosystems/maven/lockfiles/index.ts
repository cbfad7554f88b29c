import type { LockfileParser } from '../../define-ecosystem.js';
import { GRADLE_LOCKFILE } from './gradle-lockfile.js';
import { POM_XML } from './pom-xml.js';

/** Every lockfile format of this ecosystem. */
export const LOCKFILES: readonly LockfileParser[] = [POM_XML, GRADLE_LOCKFILE];
