import type { Formatter } from './define-formatter.js';
import cyclonedx from './cyclonedx/index.js';
import json from './json/index.js';
import junit from './junit/index.js';
import markdown from './markdown/index.js';
import openvex from './openvex/index.js';
import sarif from './sarif/index.js';
import spdx from './spdx/index.js';
import table from './table/index.js';

export type { FormatContext, Formatter } from './define-formatter.js';

/** Every output format by id; the CLI's `--format` accepts exactly these keys. */
export const FORMATTERS = {
  table,
  json,
  sarif,
  junit,
  markdown,
  cyclonedx,
  spdx,
  openvex,
} as const satisfies { [Id in string]: Formatter<Id> };

export type FormatterId = keyof typeof FORMATTERS;

export const FORMATTER_IDS: readonly FormatterId[] = Object.keys(FORMATTERS) as FormatterId[];

export function isFormatterId(id: string): id is FormatterId {
  return Object.hasOwn(FORMATTERS, id);
}

/** The formatter for `id`, or undefined for an unknown id (the caller reports the usage error). */
export function getFormatter(id: string): Formatter | undefined {
  return isFormatterId(id) ? FORMATTERS[id] : undefined;
}
