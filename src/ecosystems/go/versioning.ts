import type { VersionScheme } from '../define-ecosystem.js';

// PLACEHOLDER until the go version scheme lands: parses nothing, so every comparison is an error result.
export const scheme: VersionScheme<string> = { id: 'go-placeholder', parse: () => undefined, compare: () => 0 };
