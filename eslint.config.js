import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// The page imports the core's modules directly (core/token, core/verify…): a value import of the core's
// index pulls every module it re-exports (sign, keygen, JWKS) into the first load, past the lazy imports
// that keep them out of it (the 90 KB first-load budget). Types from the index cost nothing.
const CORE_INDEX_VALUES = {
  regex: '^(\\.\\./)+core(/index)?$',
  allowTypeImports: true,
  message:
    'Import the core module itself (e.g. ../core/token); the core index drags sign/keygen/JWKS into the first load.',
};

// One-way layers: core → state → components → features → app (docs/ARCHITECTURE.md). A lower layer never
// imports a higher one, so a feature can be read, tested and removed without the page around it.
const NO_FEATURES_OR_APP = {
  group: ['**/features/**', '**/features', '**/app/**', '**/app'],
  message:
    'src/state and src/components must not import src/features or src/app (layers: core → state → components → features → app).',
};
const NO_APP = {
  group: ['**/app/**', '**/app'],
  message: 'src/features must not import src/app (layers: core → state → components → features → app).',
};

// The x5c engine carries pkijs (about 90 KB gzip): the page loads it with import() only when a token has x5c.
// Dynamic imports are not checked by this rule; type imports are free.
const LAZY_X5C = {
  group: ['pkijs', 'pkijs/*', 'asn1js', '**/core/x5c', '**/core/x5c/*', './x5c', './x5c/*'],
  allowTypeImports: true,
  message: "The x5c engine (pkijs) is loaded lazily: use import('…/core/x5c'), or import its types only.",
};

// The key engine (reading keys, the security review, verification) loads after the first paint
// (src/state/keyEngine.ts): the modules on the first load take it from the store, never by a static import.
const LAZY_KEY_ENGINE = {
  group: ['**/core/keys', '**/core/key-exposure', '**/core/lint', '**/core/verify', '**/core/key-engine'],
  allowTypeImports: true,
  message: 'The key engine loads after the first paint: read state.keyEngine or await loadKeyEngine() (src/state).',
};

// Feature folders are flat, so `../x` from inside one is always a sibling feature.
const FEATURE_PATTERNS = [
  CORE_INDEX_VALUES,
  LAZY_X5C,
  {
    regex: '^\\.\\./(?!\\.\\./)',
    message: 'Features must not import each other; share through src/components or src/state.',
  },
  {
    group: ['**/features/**'],
    message: 'Features must not import each other; share through src/components or src/state.',
  },
  NO_APP,
];

export default tseslint.config(
  {
    ignores: [
      // Vite's dependency cache (vite.config.ts cacheDir): `npm run dev` fills it, and lint must not read it.
      '.vite',
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
    // The engine is pure TypeScript: no React, no DOM, no UI imports.
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
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/x5c/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [LAZY_X5C] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [CORE_INDEX_VALUES, LAZY_X5C] }],
    },
  },
  {
    // Features own their folders; they share through src/components, src/state and src/core only.
    files: ['src/features/*/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: FEATURE_PATTERNS,
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [CORE_INDEX_VALUES, LAZY_X5C, LAZY_KEY_ENGINE, NO_FEATURES_OR_APP] },
      ],
    },
  },
  {
    // The first load: the page, the Decode view and the key box.
    files: ['src/main.tsx', 'src/app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [CORE_INDEX_VALUES, LAZY_X5C, LAZY_KEY_ENGINE] },
      ],
    },
  },
  {
    files: ['src/features/decode/**/*.{ts,tsx}', 'src/features/keys/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...FEATURE_PATTERNS, LAZY_KEY_ENGINE] }],
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
