import type { VersionScheme } from '../define-ecosystem.js';

// PLACEHOLDER until the alpine version scheme lands: parses nothing, so every comparison is an error result.
export const scheme: VersionScheme<string> = { id: 'alpine-placeholder', parse: () => undefined, compare: () => 0 };
