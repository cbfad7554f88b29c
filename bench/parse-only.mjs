#!/usr/bin/env node
// Parse-only floor: reads every .yaml/.yml/.json file under a path and runs Palisade's own YAML parser and
// object extraction on it (no checks, no report). Prints one JSON line with counts and the in-process time.
// Usage: node bench/parse-only.mjs [corpus]   (needs `npm run build` first: it imports dist/)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultCorpus, listManifestFiles, repoRoot } from './lib.mjs';

const corpus = process.argv[2] ?? defaultCorpus;
const t0 = process.hrtime.bigint();
const { parseYamlDocuments, extractObjects } = await import(
  pathToFileURL(join(process.env.PALISADE_DIST ?? join(repoRoot, 'dist'), 'parsers', 'k8s-yaml', 'index.js')).href
);
const tImport = process.hrtime.bigint();
let bytes = 0;
let documents = 0;
let objects = 0;
let parseErrors = 0;
let filesWithErrors = 0;
let skipped = 0;
const files = listManifestFiles(corpus);
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  const parsed = parseYamlDocuments(text, f);
  documents += parsed.documents.length;
  if (parsed.errors.length > 0) filesWithErrors++;
  parseErrors += parsed.errors.length;
  const ex = extractObjects(parsed.documents, f);
  objects += ex.objects.length;
  skipped += ex.skipped;
}
const t1 = process.hrtime.bigint();
process.stdout.write(
  JSON.stringify({
    files: files.length,
    bytes,
    documents,
    objects,
    skippedDocuments: skipped,
    parseErrors,
    filesWithErrors,
    importMs: Number(tImport - t0) / 1e6,
    parseMs: Number(t1 - tImport) / 1e6,
  }) + '\n',
);
