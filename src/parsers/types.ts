import type { ConfigObject } from '../core/config-object.js';
import type { Location } from '../core/location.js';

/** A problem found while parsing any format: where, and a machine-readable cause (`yaml-syntax`, `hcl-syntax`, …). */
export interface FormatIssue {
  code: string;
  message: string;
  location: Location;
}

/** What every format parser returns for one file: the objects checks read, and what went wrong. */
export interface ParsedObjects {
  objects: ConfigObject[];
  /** The file was not (fully) understood: an error result, exit code 3. */
  errors: FormatIssue[];
  /** Reported, but the objects were still checked. */
  warnings: FormatIssue[];
}
