// Debian Chromium for scripts (icons, screenshots), launched with the same flags as the
// e2e fixtures (tests/e2e/fixtures.ts). Playwright cannot download its own browser here.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A plain headless browser (no extension). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BASE_ARGS });
}

/** A persistent profile with the built extension loaded; returns its id and a cleanup. */
export async function launchWithExtension(extensionDir: string): Promise<{
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
}> {
  const ext = resolve(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'knee-check-script-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return {
    context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
