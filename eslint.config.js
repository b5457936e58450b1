// Lint: the layering rule (scripts/lint/layers.mjs), TypeScript and lit. Formatting is Prettier's.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './scripts/lint/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'release/**',
      'renderer/dist/**',
      'test/.out/**',
      'test/e2e/.artifacts/**',
      'bench/.out/**',
      'build/.stub-electron/**',
      'main/cli/bundle-stubs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { studio: layers },
    rules: {
      'studio/layers': 'error',
      // `_name` marks a value kept on purpose (destructured away, or a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Control characters are matched on purpose: names and paths from outside are refused when they hold any.
      'no-control-regex': 'off',
      // Full-width spaces (U+3000) inside Chinese strings are typography, not mistakes.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    ...lit.configs['flat/recommended'],
  },
  { files: ['renderer/**/*.ts'], ...litA11y.configs.recommended },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.mjs'],
    rules: {
      // Tests reach into objects to check them; a cast there is the point, not a smell.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
