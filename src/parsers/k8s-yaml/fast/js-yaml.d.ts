// Minimal typings for the parts of js-yaml@4 used by the fast parser. Delete this file if @types/js-yaml is added.
declare module 'js-yaml' {
  export interface Mark {
    name: string | null;
    buffer: string;
    position: number;
    /** 0-based. */
    line: number;
    /** 0-based. */
    column: number;
    snippet?: string;
  }

  export class YAMLException extends Error {
    reason: string;
    mark: Mark | undefined;
  }

  export interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping';
    multi?: boolean;
    resolve?: (data: unknown) => boolean;
    construct?: (data: unknown, tag?: string) => unknown;
    instanceOf?: object;
    predicate?: (data: object) => boolean;
  }

  export class Type {
    constructor(tag: string, options?: TypeOptions);
    tag: string;
    kind: 'scalar' | 'sequence' | 'mapping' | null;
  }

  export class Schema {
    constructor(definition: Type | Type[] | { implicit?: Type[]; explicit?: Type[] });
    extend(definition: Type | Type[] | { implicit?: Type[]; explicit?: Type[] }): Schema;
  }

  export const FAILSAFE_SCHEMA: Schema;
  export const JSON_SCHEMA: Schema;
  export const CORE_SCHEMA: Schema;
  export const DEFAULT_SCHEMA: Schema;

  /** The loader state handed to `listener` (the fields the fast parser reads). */
  export interface LoaderState {
    input: string;
    position: number;
    /** 0-based. */
    line: number;
    lineStart: number;
    lineIndent: number;
    depth: number;
    kind: 'scalar' | 'sequence' | 'mapping' | null;
    result: unknown;
    tag: string | null;
    anchor: string | null;
  }

  export interface LoadOptions {
    filename?: string;
    onWarning?: (e: YAMLException) => void;
    schema?: Schema;
    json?: boolean;
    listener?: (eventType: 'open' | 'close', state: LoaderState) => void;
    /** js-yaml >= 4.2: composeNode nesting limit (default 100). */
    maxDepth?: number;
    /** js-yaml >= 4.2: total merged keys per stream (default 10000, -1: unlimited). */
    maxTotalMergeKeys?: number;
  }

  export function load(str: string, options?: LoadOptions): unknown;
  export function loadAll(str: string, iterator?: null, options?: LoadOptions): unknown[];
  export function loadAll(str: string, iterator: (doc: unknown) => void, options?: LoadOptions): void;

  export const types: {
    binary: Type;
    float: Type;
    map: Type;
    null: Type;
    pairs: Type;
    set: Type;
    timestamp: Type;
    bool: Type;
    int: Type;
    merge: Type;
    omap: Type;
    seq: Type;
    str: Type;
  };
}
