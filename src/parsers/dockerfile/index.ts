import type { ParsedObjects } from '../types.js';

// Placeholder until the Dockerfile parser lands (issue #3).
export function parseDockerfileText(_text: string, _file: string): ParsedObjects {
  throw new Error('Dockerfile parser not implemented yet');
}
