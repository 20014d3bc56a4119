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

/**
 * The app's own rooms, lowest first: each imports only those before it (ARCHITECTURE.md). The
 * composition root (main.tsx, App.tsx, routes.ts) sits above them all.
 */
const APP_ROOMS = ['state', 'platform', 'db', 'api', 'session', 'sync', 'ui', 'features'];
const higherThan = (room) => APP_ROOMS.slice(APP_ROOMS.indexOf(room) + 1);
const upward = (room) => ({
  regex: `^(\\.\\./)+(${[...higherThan(room), 'routes', 'App', 'main'].join('|')})(/|$)`,
  message: `app/${room} imports only the rooms below it: ${APP_ROOMS.slice(0, APP_ROOMS.indexOf(room)).join(', ') || 'none'}.`,
});
/** Outside app/db, device data comes through its face (src/app/db/index.ts) only. */
const dbFaceOnly = {
  regex: '^(\\.\\./)+db/.+',
  message: "Import device data from app/db's face (src/app/db/index.ts), not its inner modules.",
};
/** What only the sync engine may take from the face. */
const syncOnly = ['../db', '../../db', '../../../db'].map((name) => ({
  name,
  importNames: ['deviceDb', 'syncStore', 'pullStore', 'TungNhaDb'],
  message: "Only app/sync works on the database itself; screens use the face's stores.",
}));

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
  ...APP_ROOMS.map((room) => {
    const stores =
      room === 'db' ? zustandOnlyInState : room === 'state' ? dexieOnlyInDb : noBrowserStores;
    const face = room === 'db' ? [] : [dbFaceOnly];
    const paths = room === 'sync' || room === 'db' ? stores : [...stores, ...syncOnly];
    return {
      files: [`src/app/${room}/**`],
      rules: restrict(paths, [
        { group: [...ours('server')], message: 'The app never imports the server.' },
        upward(room),
        ...face,
      ]),
    };
  }),
  {
    files: ['src/app/*.{ts,tsx}'],
    rules: restrict(
      [
        ...noBrowserStores,
        ...syncOnly.filter((p) => p.name === '../db').map((p) => ({ ...p, name: './db' })),
      ],
      [
        { group: [...ours('server')], message: 'The app never imports the server.' },
        { regex: '^\\./db/.+', message: dbFaceOnly.message },
      ],
    ),
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
