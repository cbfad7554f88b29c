import type { ParsedObjects } from '../types.js';

// Placeholder until the Terraform parser lands (issue #3).
export function parseTerraformText(_text: string, _file: string): ParsedObjects {
  throw new Error('Terraform parser not implemented yet');
}
