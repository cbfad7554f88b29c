import type { CliIO } from './io.js';
import { UsageError } from './args.js';

// Placeholder until `palisade fix` lands (issue #3).
export async function runFix(_args: string[], _io: CliIO): Promise<number> {
  throw new UsageError('palisade fix is not implemented yet');
}
