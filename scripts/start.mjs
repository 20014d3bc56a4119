// `npm start`: builds the PWA when its sources are newer than the last build, then runs the server
// (API + built PWA + embedded database) in this same process.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
// `npm start` is the product: a production build and server, whatever the caller's environment
// (test runners set NODE_ENV=test, which would make Vite build React's development bundle).
process.env.NODE_ENV = 'production';

const INPUTS = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'public',
  'src/app',
  'src/domain',
  'src/protocol',
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(p, name))),
    st.mtimeMs,
  );
}

// STATIC_DIR (default ./dist) is both where the server finds the app and where it is built.
const outDir = path.resolve(process.env.STATIC_DIR ?? 'dist');
const indexHtml = path.join(outDir, 'index.html');
const builtAt = existsSync(indexHtml) ? statSync(indexHtml).mtimeMs : 0;
const sourcesAt = Math.max(...INPUTS.map(newestMtime));
if (builtAt < sourcesAt || process.env.FORCE_BUILD === '1') {
  console.log('Đang dựng ứng dụng (vite build)…');
  const { build } = await import('vite');
  await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  process.env.STATIC_DIR = outDir;
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
