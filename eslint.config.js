import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureFiles = ['src/core/**/*.ts', 'src/parsers/**/*.ts', 'src/checks/**/*.ts', 'src/secrets/**/*.ts', 'src/policy/**/*.ts', 'src/formatters/**/*.ts', 'src/ecosystems/**/*.ts', 'src/vuln/*.ts', 'src/vuln/feeds/**/*.ts', 'src/vuln/cvss/**/*.ts'];
const testFiles = ['**/*.test.ts', 'src/checks/tester/**', 'src/ecosystems/**/tester/**', 'src/formatters/scenarios.ts'];

export default tseslint.config(
  { ignores: ['*.cjs', '.tmp/**', 'dist/**', 'node_modules/**', 'bench/.peers/**', 'bench/.out/**', '**/fixtures/**', '**/__snapshots__/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Pure layers read no environment and no clock: pass `now` and options in.
    files: pureFiles,
    ignores: testFiles,
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'Pure layers do not read the process (env, cwd, argv); pass values in.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pure layers read no clock; pass `now` in.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure layers read no clock; pass `now` in.' },
      ],
    },
  },
  { files: ['bench/**/*.mjs', 'scripts/**/*.mjs', 'bin/**/*.js'], rules: { 'no-console': 'off' } },
);
