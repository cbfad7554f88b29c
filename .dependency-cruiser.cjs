/** Import directions from STYLE.md, enforced: core ← parsers ← checks; core ← ecosystems ← vuln; checks, vuln ← policy ← scan ← cli, server; core ← formatters ← cli, server. */
const layer = (name) => `^src/${name}/`;
const pureLayers = '^src/(core|parsers|checks|secrets|policy|formatters|ecosystems)/|^src/vuln/(?!db/)';
module.exports = {
  forbidden: [
    { name: 'core-is-the-bottom', severity: 'error', from: { path: layer('core') }, to: { path: '^src/(?!core/)' } },
    { name: 'parsers-only-core', severity: 'error', from: { path: layer('parsers') }, to: { path: '^src/(?!(core|parsers)/)' } },
    { name: 'secrets-only-core', severity: 'error', from: { path: layer('secrets') }, to: { path: '^src/(?!(core|secrets)/)' } },
    { name: 'ecosystems-only-core', severity: 'error', from: { path: layer('ecosystems') }, to: { path: '^src/(?!(core|ecosystems)/)' } },
    { name: 'vuln-only-core-ecosystems', severity: 'error', from: { path: layer('vuln') }, to: { path: '^src/(?!(core|ecosystems|vuln)/)' } },
    { name: 'vuln-pure-part-not-db', severity: 'error', from: { path: layer('vuln'), pathNot: '^src/vuln/db/' }, to: { path: '^src/vuln/db/' } },
    { name: 'checks-no-upward', severity: 'error', from: { path: layer('checks') }, to: { path: '^src/(policy|scan|cli|server|formatters)/' } },
    { name: 'policy-no-upward', severity: 'error', from: { path: layer('policy') }, to: { path: '^src/(scan|cli|server|formatters)/' } },
    { name: 'scan-no-upward', severity: 'error', from: { path: layer('scan') }, to: { path: '^src/(cli|server|formatters)/' } },
    { name: 'formatters-only-core', severity: 'error', from: { path: layer('formatters') }, to: { path: '^src/(?!(core|formatters)/)' } },
    { name: 'cli-not-server', severity: 'error', from: { path: layer('cli') }, to: { path: layer('server') } },
    { name: 'server-not-cli', severity: 'error', from: { path: layer('server') }, to: { path: layer('cli') } },
    {
      name: 'pure-layers-no-io',
      comment: 'Pure layers do no I/O: files, network and processes enter at scan, cli and server.',
      severity: 'error',
      from: { path: pureLayers, pathNot: ['\\.test\\.ts$', '^src/checks/tester/', '^src/ecosystems/.*/tester/', '^src/formatters/scenarios\\.ts$'] },
      to: { path: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|worker_threads|cluster)$' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
