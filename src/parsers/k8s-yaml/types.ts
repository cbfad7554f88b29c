import type { SourceLocator } from '../../core/config-object.js';
import type { Location } from '../../core/location.js';

export type { SourceLocator } from '../../core/config-object.js';

export interface ParseIssue {
  code: 'yaml-syntax' | 'alias-bomb' | 'too-deep' | 'not-an-object' | 'duplicate-key';
  message: string;
  location: Location;
}

export interface ParsedDocument {
  /** 0-based position of the document in the file. */
  index: number;
  /** The plain JavaScript value (YAML 1.1 semantics, as kubectl reads it). */
  value: unknown;
  source: SourceLocator;
  /** Line of the document start, for documents without contents. */
  startLine: number;
  /** The document's own source text (comments included), read lazily: peer suppression comments live there. */
  text(): string;
}

export interface ParseResult {
  documents: ParsedDocument[];
  errors: ParseIssue[];
  /** Problems that do not stop the document from being checked (duplicate keys: the last value wins). */
  warnings: ParseIssue[];
}

export interface ParseLimits {
  /** Alias dereferences allowed per document before it is treated as an alias bomb ("billion laughs"). */
  maxAliasCount: number;
  /** Maximum nesting depth of a document. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasCount: 1000, maxDepth: 256 };
