// Playwright fixtures: Debian Chromium with the built extension loaded unpacked.
// Playwright cannot download its own browser here (toolchain.md), so we point at /usr/bin/chromium.
//
// Every test is also a network audit: each request made by the extension's pages, its service
// worker, its content scripts and the pages under test is recorded, and any request to a host
// other than the extension itself or the top-level page's own origin fails the test.
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browser';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export const EXTENSION_PATH = resolve(process.env.KNEE_CHECK_EXTENSION ?? '.output/chrome-mv3');

/** Schemes that never leave the device. */
const LOCAL_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:']);

export interface NetworkAudit {
  /** Every request URL seen, in order. */
  requests: string[];
  /** Origins of top-level documents the test navigated to (the running-log pages). */
  pageOrigins: Set<string>;
  /** Requests to any other host: must stay empty. */
  offending(): string[];
}

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  networkAudit: NetworkAudit;
  /** Open one of the extension's pages (e.g. "options.html") in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
}

function createAudit(): NetworkAudit {
  const audit: NetworkAudit = {
    requests: [],
    pageOrigins: new Set(),
    offending: () =>
      audit.requests.filter((url) => {
        const parsed = new URL(url);
        return !LOCAL_SCHEMES.has(parsed.protocol) && !audit.pageOrigins.has(parsed.origin);
      }),
  };
  return audit;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  networkAudit: async ({}, use) => {
    await use(createAudit());
  },
  context: async ({ networkAudit }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'knee-check-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`],
    });
    context.on('request', (request) => {
      const url = request.url();
      networkAudit.requests.push(url);
      // A navigation of a top-level document defines "the page the user is on".
      // request.frame() throws for a navigation issued before its frame exists (e.g. the tab the
      // extension opens on install): such a request is still checked against the allowed origins.
      let topLevel = false;
      try {
        topLevel = request.isNavigationRequest() && request.frame()?.parentFrame() === null;
      } catch {
        topLevel = false;
      }
      if (topLevel) {
        const { protocol, origin } = new URL(url);
        if (protocol === 'https:' || protocol === 'http:') networkAudit.pageOrigins.add(origin);
      }
    });
    await settleInstallTab(context);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });

    const offending = networkAudit.offending();
    recordAudit(testInfo.titlePath.join(' › '), networkAudit.requests.length, offending.length);
    if (offending.length) {
      throw new Error(`Requests left the device (only the extension and the page's own origin are allowed):\n${offending.join('\n')}`);
    }
  },
  extensionId: async ({ context }, use) => {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    await use(new URL(worker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

/**
 * On install the background opens the welcome page (chrome-extension://<id>/welcome.html), and
 * Chromium may hand it a blank tab a test has just opened, interrupting that test's navigation.
 * Every test starts once that tab exists, so its own tabs are its own.
 */
async function settleInstallTab(context: BrowserContext): Promise<void> {
  // The tab is created blank and navigates after, so poll the URLs rather than wait for 'page'.
  const opened = () => context.pages().some((page) => /^chrome-extension:\/\/[a-z]+\/welcome\.html/.test(page.url()));
  for (let waited = 0; waited < 10_000 && !opened(); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One line per test in test-results/network-audit.jsonl, summed into the README's privacy figures. */
function recordAudit(test: string, requests: number, offending: number) {
  try {
    mkdirSync('test-results', { recursive: true });
    appendFileSync('test-results/network-audit.jsonl', JSON.stringify({ test, requests, offending }) + '\n');
  } catch {
    // The audit itself still fails the test above; the summary file is only a report.
  }
}

export const expect = test.expect;
