// README screenshots from the built extension in Debian Chromium:
//   npx wxt build && npx tsx scripts/screenshots.ts   -> docs/screenshots/*.png
// KNEE_CHECK_EXTENSION picks another build folder. Add a block below for each new screenshot.
import { mkdirSync } from 'node:fs';
import { launchWithExtension } from './browser';

const extension = process.env.KNEE_CHECK_EXTENSION ?? '.output/chrome-mv3';
const only = process.argv[2];
mkdirSync('docs/screenshots', { recursive: true });

const { context, extensionId, close } = await launchWithExtension(extension);
try {
  // The options page at the width of the browser's embedded options dialog, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    const name = scheme === 'light' ? 'options' : 'options-dark';
    if (only && !name.startsWith(only)) continue;
    const page = await context.newPage();
    await page.setViewportSize({ width: 560, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
    console.log(`wrote docs/screenshots/${name}.png`);
    await page.close();
  }
} finally {
  await close();
}
