import type { VersionScheme } from '../define-ecosystem.js';

// PLACEHOLDER until the rubygems version scheme lands: parses nothing, so every comparison is an error result.
export const scheme: VersionScheme<string> = { id: 'rubygems-placeholder', parse: () => undefined, compare: () => 0 };
