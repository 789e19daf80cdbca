// Renders the product icon to the PNG sizes the manifest needs: public/icon/{16,32,48,128}.png.
// WXT picks these up automatically. The 16 px size uses a simpler drawing (public/icon-16.svg)
// that stays readable at that size; the rest scale public/icon.svg.
// Run: npx tsx scripts/icons.ts   (needs /usr/bin/chromium; commit the PNGs it writes)
import { mkdirSync, readFileSync } from 'node:fs';
import { launchBrowser } from './browser';

const SIZES = [16, 32, 48, 128] as const;
const sourceFor = (size: number) => (size <= 16 ? 'public/icon-16.svg' : 'public/icon.svg');

mkdirSync('public/icon', { recursive: true });
const browser = await launchBrowser();
try {
  for (const size of SIZES) {
    const svg = readFileSync(sourceFor(size), 'utf8').replace(
      /<svg\b([^>]*?)\swidth="\d+"\sheight="\d+"/,
      `<svg$1 width="${size}" height="${size}"`,
    );
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
    );
    const out = `public/icon/${size}.png`;
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
