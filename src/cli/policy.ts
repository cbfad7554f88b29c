import type { CliIO } from './io.js';
import { UsageError } from './args.js';

// Placeholder until `palisade policy test|init` lands (issue #3).
export async function runPolicy(_args: string[], _io: CliIO): Promise<number> {
  throw new UsageError('palisade policy is not implemented yet');
}
