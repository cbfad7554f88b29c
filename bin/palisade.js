#!/usr/bin/env node
// Entry point: the bundled CLI in dist/cli/palisade.mjs (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/palisade.mjs';

const code = await main(process.argv.slice(2));
process.exitCode = code;
