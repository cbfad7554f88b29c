import type { VersionScheme } from '../define-ecosystem.js';

// PLACEHOLDER until the rpm version scheme lands: parses nothing, so every comparison is an error result.
export const scheme: VersionScheme<string> = { id: 'rpm-placeholder', parse: () => undefined, compare: () => 0 };
