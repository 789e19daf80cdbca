// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, no type information:
// fast on two cores), no import cycles, and the layer rules that keep the architecture honest.
// CONTRIBUTING.md ("Layers") says why each layer is kept apart.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import path that names a folder anywhere in it (`../content/core`, `components/ui/x`). */
const folder = (name) => `(^|/)${name}(/|$)`;

/** The browser's own objects: a pure module takes what it needs as arguments instead. */
export const BROWSER_GLOBALS = ['browser', 'chrome', 'document', 'window'].map((name) => ({
  name,
  message: `Pure layer: no "${name}" here. Take what you need as an argument (see CONTRIBUTING.md, Layers).`,
}));

/** Nothing in lib/ depends on the UI. */
const NO_COMPONENTS = {
  regex: folder('components'),
  message: 'lib/ never imports components/: move the shared logic into lib/ instead.',
};

/** What the pure layers (triage engine, load maths) may not import. */
export const PURE_IMPORT_PATTERNS = [
  NO_COMPONENTS,
  { regex: '^#imports$', message: 'Pure layer: no WXT runtime (#imports). Take what you need as an argument.' },
  { regex: '^wxt(/|$)', message: 'Pure layer: no WXT imports.' },
  { regex: folder('entrypoints'), message: 'Pure layer: no imports from entrypoints/.' },
  { regex: folder('content'), message: 'Pure layer: no imports from lib/content/ (the content script side).' },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'tests/fixtures/**',
      'docs/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x parses to follow imports: without these it reads no TypeScript file
      // and no-cycle silently finds nothing (tests/unit/lint/layers.test.ts checks it does).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `_name` marks an argument kept for its position or a value deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_COMPONENTS] }] },
  },
  {
    files: ['lib/triage/**', 'lib/load/**'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      'no-restricted-imports': ['error', { patterns: PURE_IMPORT_PATTERNS }],
    },
  },
);
