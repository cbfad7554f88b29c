export { parseYamlDocuments, DEFAULT_PARSE_LIMITS, type ParseIssue, type ParsedDocument, type ParseResult, type ParseLimits } from './parse.js';
export { SourceMap } from './source-map.js';
export { extractObjects, locateIn, isRecord, type K8sObject, type ExtractResult } from './objects.js';
