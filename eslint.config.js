// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The four rooms (see ARCHITECTURE.md). Imports flow one way:
 * domain ← protocol ← app and server. Only app/db touches Dexie, only app/state touches zustand.
 */
const ours = (room) => [`**/${room}/**`, `../${room}/*`, `../../${room}/*`, `../../../${room}/*`];
const restrict = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});
const dexieOnlyInDb = [
  { name: 'dexie', message: 'Only src/app/db may import Dexie.' },
  { name: 'dexie-react-hooks', message: 'Use the live query helpers from src/app/db.' },
];
const zustandOnlyInState = [{ name: 'zustand', message: 'Only src/app/state may import zustand.' }];
const noBrowserStores = [...dexieOnlyInDb, ...zustandOnlyInState];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'dev-dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict(noBrowserStores, [
      {
        group: [...ours('protocol'), ...ours('app'), ...ours('server')],
        message: 'domain imports only domain.',
      },
      {
        group: ['react', 'react-dom', 'fastify', 'pg', '@electric-sql/*', 'node:*'],
        message: 'domain does no IO.',
      },
    ]),
  },
  {
    files: ['src/protocol/**'],
    rules: restrict(noBrowserStores, [
      { group: [...ours('app'), ...ours('server')], message: 'protocol imports only domain.' },
    ]),
  },
  {
    files: ['src/server/**'],
    rules: restrict(noBrowserStores, [
      { group: [...ours('app')], message: 'The server never imports the app.' },
    ]),
  },
  {
    files: ['src/app/**'],
    ignores: ['src/app/db/**', 'src/app/state/**'],
    rules: restrict(noBrowserStores, [
      { group: [...ours('server')], message: 'The app never imports the server.' },
    ]),
  },
  {
    files: ['src/app/db/**'],
    rules: restrict(zustandOnlyInState, [
      { group: [...ours('server')], message: 'The app never imports the server.' },
    ]),
  },
  {
    files: ['src/app/state/**'],
    rules: restrict(dexieOnlyInDb, [
      { group: [...ours('server')], message: 'The app never imports the server.' },
    ]),
  },
  {
    files: ['src/app/**/*.tsx', 'src/app/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
