import { defineFormatter } from '../define-formatter.js';
import { normalizeReport, stringifyJson } from '../_lib/text.js';

/** The report itself: the documented contract (docs/json-output.md, schemas/report.schema.json). */
export default defineFormatter({
  id: 'json',
  mediaType: 'application/json',
  extension: 'json',
  format(report, ctx) {
    return stringifyJson(normalizeReport(report, ctx.cwd));
  },
});
