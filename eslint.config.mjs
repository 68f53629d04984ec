// ESLint (flat config): TypeScript, Lit templates, web-component practice and template a11y.
// Formatting is Prettier's job (`npm run format:check`); Lit template *types* are lit-analyzer's
// (`npm run lint:templates`). `npm run lint` runs all three.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'build/',
      'node_modules/',
      'bench/out/',
      'coverage/',
      '.tmp/',
      'custom-elements.json',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // TypeScript checks these itself (noUnusedLocals/Parameters), with the same exceptions.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The element and everything rendering Lit templates.
  {
    files: ['src/**/*.ts', 'test/**/*.{ts,tsx}', 'demo/**/*.ts', 'examples/**/*.{ts,tsx}'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.{ts,tsx}', 'demo/**/*.ts', 'examples/**/*.{ts,tsx}'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // LitElement implements every lifecycle callback: an unguarded super call cannot miss.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // The element's own sources: no console (the token must never reach it), except the one
      // documented warning when two versions meet on a page.
      'no-console': ['error', { allow: ['warn'] }],
    },
  },
  // Tests: chai's `expect(x).to.be.true` style and mocha's `this`.
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  // The mock's tests read its raw wire JSON, untyped on purpose: that JSON is what they check.
  {
    files: ['test/mock/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Node-side code: the mock's servers, scripts, configs.
  {
    files: [
      'mock/node/**',
      'scripts/**',
      'bench/**',
      'test/**/*.mjs',
      '*.config.{js,mjs,ts}',
      'examples/**/vite.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
