// The product parses with the js-yaml front end (fast/); parse.ts (the `yaml` library) is the reference it is tested against.
export { parseYamlDocumentsFast as parseYamlDocuments } from './fast/parse-fast.js';
export { DEFAULT_PARSE_LIMITS, type ParseIssue, type ParsedDocument, type ParseResult, type ParseLimits, type SourceLocator } from './types.js';
export { extractObjects, locateIn, isRecord, type K8sObject, type ExtractResult } from './objects.js';
