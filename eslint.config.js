// Lint: type-checked typescript-eslint + Prettier compatibility + the layering rules of DESIGN.md.
// shared/ imports neither electron, Node built-ins nor the DOM; renderer/ never imports Node or
// electron (nor the main-process code); only electron/ touches both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const builtinMessage = 'Node built-ins are not allowed here (layering, DESIGN.md).';
// Exact names (a pattern like `domain` would also match our own `./domain/…` folder).
const nodeImportPaths = nodeBuiltins.map((name) => ({ name, message: builtinMessage }));
const nodeImportPatterns = [{ group: ['node:*'], message: builtinMessage }];
const electronPaths = [
  { name: 'electron', message: 'Only electron/ may import electron (layering, DESIGN.md).' },
];
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
];
const nodeGlobals = [
  'process',
  'Buffer',
  '__dirname',
  '__filename',
  'require',
  'global',
  'setImmediate',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodeImportPaths],
          patterns: [
            ...nodeImportPatterns,
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ stands alone.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodeImportPaths],
          patterns: [
            ...nodeImportPatterns,
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the main process only through renderer/api.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'The main process never imports renderer code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'build/**/*.ts', 'build/**/*.mjs', '*.config.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
