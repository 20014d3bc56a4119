/**
 * Renders public/icons/*.png from public/icons/favicon.svg with Chromium.
 * Run once after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../tests/e2e/browser';

const svg = await readFile('public/icons/favicon.svg', 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await launchChromium();
const page = await browser.newPage();

async function render(file: string, size: number, maskable: boolean) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon fills the square; its drawing stays inside the central 80 % safe zone.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<body style="margin:0;background:${maskable ? '#0b6e4f' : 'transparent'};display:grid;place-items:center;height:${size}px">
     <img src="${dataUrl}" width="${inner}" height="${inner}"></body>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: !maskable });
}

await render('icon-192.png', 192, false);
await render('icon-512.png', 512, false);
await render('icon-maskable-512.png', 512, true);
await render('apple-touch-icon.png', 180, true);
await browser.close();
