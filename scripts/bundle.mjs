// Bundles the CLI into one ESM file: loading ~300 small modules dominated the cold start of a one-file scan.
// The tsc output in dist/ stays (benchmarks import the parser from it); bin/palisade.js runs the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/palisade.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __palisadeCreateRequire } from 'node:module'; const require = __palisadeCreateRequire(import.meta.url);" },
  // A native addon: it loads its compiled .node file relative to its own package, so it stays in node_modules.
  external: ['better-sqlite3'],
  legalComments: 'linked',
  logLevel: 'warning',
});
