// A copy of the helper in ../../pypi/lockfiles/common.ts: no ecosystem imports another. Promote to
// src/ecosystems/_lib/ when a third ecosystem needs it.

/**
 * Positions of object keys and array elements in a JSON text, up to `maxDepth` levels deep, keyed by their path joined
 * with NUL (`default\0requests`, `packages\03`). Run it only on text JSON.parse accepted: it trusts the syntax. Iterative,
 * so deep nesting cannot overflow the stack.
 */
export function jsonMemberPositions(text: string, maxDepth: number): Map<string, { line: number; column: number }> {
  const out = new Map<string, { line: number; column: number }>();
  const stack: { arr: boolean; key: string | number; expectKey: boolean }[] = [];
  let line = 1;
  let lineStart = 0;
  const record = (offset: number) => {
    if (stack.length > maxDepth) return;
    out.set(stack.map((f) => String(f.key)).join('\u0000'), { line, column: offset - lineStart + 1 });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    const top = stack[stack.length - 1];
    if (c === 44 /* , */) {
      if (top) {
        if (top.arr) (top.key as number)++;
        else top.expectKey = true;
      }
      continue;
    }
    if (c === 58 /* : */) continue;
    if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      continue;
    }
    // Start of a value, or of a key.
    const isKey = top !== undefined && !top.arr && top.expectKey;
    if (top?.arr) record(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (isKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          key = text.slice(i + 1, j);
        }
        top.key = key;
        top.expectKey = false;
        record(i);
      }
      i = j;
      continue;
    }
    if (c === 123 /* { */) {
      stack.push({ arr: false, key: '', expectKey: true });
      continue;
    }
    if (c === 91 /* [ */) {
      stack.push({ arr: true, key: 0, expectKey: false });
      continue;
    }
    // A number or literal: skip to its end.
    while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
  }
  return out;
}

export function jsonPathKey(...path: (string | number)[]): string {
  return path.map(String).join('\u0000');
}
