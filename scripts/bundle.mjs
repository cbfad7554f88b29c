// Bundles the CLI into one ESM file: loading ~300 small modules dominated the cold start of a one-file scan.
// The tsc output in dist/ stays (benchmarks import the parser from it); bin/palisade.js runs the bundle.
import { build } from 'esbuild';
import ts from 'typescript';

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
  // esbuild (compiles TypeScript policies at run time) finds its platform binary relative to its own package too.
  external: ['better-sqlite3', 'esbuild'],
  legalComments: 'linked',
  logLevel: 'warning',
});

// The policy SDK is the package's public entry (`import { definePolicy } from 'palisade'`, see "exports" in package.json):
// tsc already emits dist/policy/sdk.js; users' editors and `tsc --noEmit` also need its declaration file. The SDK imports
// nothing, so this emits exactly one self-contained dist/policy/sdk.d.ts.
const sdkProgram = ts.createProgram(['src/policy/sdk.ts'], {
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: 'src',
  outDir: 'dist',
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  types: [],
});
const emitted = sdkProgram.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(sdkProgram), ...emitted.diagnostics];
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));
  process.exit(1);
}
