// Sorts candidate versions with node-semver (npm's own implementation) and prints versions.txt lines.
// Usage: node bench/version-refs/npm.mjs bench/version-refs/candidates/npm.txt
// With --check FILE it instead verifies every line of a versions.txt (hand-written ones included) and prints disagreements.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkLines, emitPairs, readCandidates } from './lib.mjs';

const require = createRequire(import.meta.url);
const semver = require('semver');
const { version } = require('semver/package.json');

const valid = (v) => semver.valid(v) !== null;
const compare = (a, b) => semver.compare(a, b);
if (process.argv[2] === '--check') process.exit(checkLines(process.argv[3], readFileSync(process.argv[3], 'utf8'), valid, compare));
emitPairs(`node-semver ${version}`, 'npm.mjs', readCandidates(readFileSync(process.argv[2], 'utf8')), valid, compare);
