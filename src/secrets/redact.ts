/**
 * The only form in which a secret leaves the engine: its first 4 characters, then a fixed-length mask, so neither the
 * secret nor its length is disclosed. Short secrets show fewer characters.
 */
export function redact(secret: string): string {
  const chars = [...secret];
  const shown = chars.length >= 16 ? 4 : chars.length >= 8 ? 2 : 0;
  return chars.slice(0, shown).join('') + '*'.repeat(8);
}
