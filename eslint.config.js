import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// The page imports the core's modules directly (core/token, core/verify…): a value import of the core's
// index pulls every module it re-exports (sign, keygen, JWKS) into the first load, past the lazy imports
// that keep them out of it (issue 7, 90 KB budget). Types from the index cost nothing.
const CORE_INDEX_VALUES = {
  regex: '^(\\.\\./)+core(/index)?$',
  allowTypeImports: true,
  message:
    'Import the core module itself (e.g. ../core/token); the core index drags sign/keygen/JWKS into the first load.',
};

// preact/compat's useSyncExternalStore subscribes in a passive effect, which Preact runs after the next paint:
// a change in between shows a frame late (a linked token's verdict did). src/state/useStoreSlice.ts subscribes
// at commit; every external store in the UI goes through it.
const STORE_HOOK = {
  name: 'react',
  importNames: ['useSyncExternalStore'],
  message: 'Use useStoreSlice from src/state: preact/compat subscribes after the next paint.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-single',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    ignores: ['src/core/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine is pure TypeScript: no React, no DOM, no UI imports (STYLE.md, "Boundaries").
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core must not import React.' },
            {
              group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
              message: 'src/core must not import Monaco.',
            },
            {
              group: ['**/features/**', '**/components/**', '**/app/**', '**/state/**'],
              message: 'src/core must not import UI code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'location',
        'indexedDB',
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [STORE_HOOK], patterns: [CORE_INDEX_VALUES] }],
    },
  },
  {
    // Features own their folders; they share through src/components, src/state and src/core only.
    files: ['src/features/*/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [STORE_HOOK],
          // Feature folders are flat, so `../x` from inside one is always a sibling feature.
          patterns: [
            CORE_INDEX_VALUES,
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'Features must not import each other; share through src/components or src/state.',
            },
            {
              group: ['**/features/**'],
              message: 'Features must not import each other; share through src/components or src/state.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every end-to-end spec takes `test` from tests/e2e/fixtures.ts, which fails it on a Trusted Types violation.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              message: "Import test and expect from './fixtures': it fails the test on a Trusted Types violation.",
            },
          ],
        },
      ],
    },
  },
  prettier,
);
