/** 1-based line and column range inside a file. `path` is relative to the scan's working directory, with `/` separators. */
export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A path into a parsed document: object keys and array indexes, e.g. `['spec', 'containers', 0, 'image']`. */
export type DataPath = readonly (string | number)[];

/** `spec.template.spec.containers[0].securityContext` — the human form of a data path. */
export function formatDataPath(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function fileLocation(path: string): Location {
  return { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}
