// Debian Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi
// (Playwright cannot get a Firefox here; docs/research/toolchain.md, "Firefox end-to-end").
//
// Every session is also a network audit and a console audit, like the Chromium fixtures
// (tests/e2e/fixtures.ts): every request Firefox reports, from any tab, is recorded, and one to a
// host other than the extension itself or a page the test served fails the test (the tabs the
// test opens abort such requests, so nothing leaves the machine either way). Extension pages'
// console messages never reach puppeteer, so Firefox prints them (devtools.console.stdout.content)
// and any console error or uncaught error of ours fails the test.
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SiteResponse } from '../e2e/site-server';
import { INSPECT_BADGES } from '../../lib/content/messages';
import { IDB_NAME, VALUES_STORE } from '../../lib/storage/idb';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve(
  process.env.KNEE_CHECK_FIREFOX_EXTENSION ?? join(process.env.KNEE_CHECK_OUT_DIR ?? '.output', 'firefox-mv3'),
);

// The extension API inside page.evaluate on an extension page (Firefox's `browser`, not Node's).
interface StorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
}
declare const browser: { storage: { local: StorageArea; sync: StorageArea } };

/** Firefox picks a random uuid per install; a fixed one gives the extension a known origin. */
const EXTENSION_UUID = '6b1d7c52-3f0e-4a8b-9d2c-4e5f6a7b8c9d';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Schemes that never leave the device (moz-extension: only for our own uuid, checked apart). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Serves one site's URLs for a tab (e.g. stravaResponse from the e2e site server), given the request's headers. */
export type SiteServer = (url: URL, headers: Record<string, string>) => SiteResponse;

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id Firefox installed the extension under. */
  extensionId: string;
  /** Open one of the extension's pages (e.g. "popup.html") in a new tab, audited. */
  openExtensionPage(path: string): Promise<Page>;
  /** Reload an extension page (page.reload, like page.goto, never resolves for moz-extension). */
  reloadExtensionPage(page: Page): Promise<void>;
  /** Open `url` in a new tab with its origin answered by `serve` (nothing reaches the network). */
  openSite(url: string, serve: SiteServer): Promise<Page>;
  /** Every request URL Firefox reported, in order. */
  readonly requests: string[];
  /** Requests to any other host: must stay empty. */
  offending(): string[];
  /** Console errors and uncaught errors of the extension and the served pages, so far. */
  consoleErrors(): string[];
  /** Forget what was recorded so far (the harness self-check provokes both on purpose). */
  clearRecords(): void;
}

/** The gecko id from the built manifest: the uuid pref is keyed by it, before install. */
function geckoId(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no gecko id: build with \`npx wxt build -b firefox --mv3\``);
  return id;
}

/**
 * Is this line of Firefox's output a console error or an uncaught error of a page we run?
 * With devtools.console.stdout.content, pages' console calls print as `console.error: ` and their
 * arguments, strings quoted (`"…"`) and objects in parentheses; Firefox's own loggers print a
 * bare prefix instead (`console.error: RSLoader: …`), which is not ours. Uncaught errors print
 * as `JavaScript error: <script URL>, line N: …`: ours are those from the extension or a served page.
 */
function isOurError(line: string, origins: readonly string[]): boolean {
  if (line.startsWith('console.error: ')) return !/^console\.error: [A-Za-z][\w.-]*: /.test(line);
  return line.startsWith('JavaScript error: ') && origins.some((origin) => line.startsWith(`JavaScript error: ${origin}/`));
}

/** The BiDi connection under puppeteer's browser: its events cover every tab, not one page. */
interface BidiEvents {
  on(event: 'network.beforeRequestSent', listener: (event: { request: { url: string } }) => void): void;
}

/**
 * Launch Firefox with a fresh profile and the extension installed, run `body`, then close the
 * browser and remove the profile whatever happened, and fail on any offending request or
 * console error recorded during the run.
 */
export async function withFirefox(body: (session: FirefoxSession) => Promise<void>): Promise<void> {
  if (!existsSync(FIREFOX_PATH))
    throw new Error(`No Firefox at ${FIREFOX_PATH}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH`);
  const id = geckoId(EXTENSION_DIR);
  const profile = mkdtempSync(join(tmpdir(), 'knee-check-firefox-'));
  const output: string[] = [];
  // stdout and stderr each end their chunks mid-line: one pending tail per stream.
  const tails = { stdout: '', stderr: '' };
  const collect = (stream: keyof typeof tails) => (chunk: Buffer) => {
    const lines = (tails[stream] + chunk.toString('utf8')).split('\n');
    tails[stream] = lines.pop() ?? '';
    output.push(...lines);
  };

  let browser: Browser | null = null;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      // Extension pages can only be navigated to with this flag.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
        'devtools.console.stdout.content': true,
      },
    });
    const child = browser.process();
    child?.stdout?.on('data', collect('stdout'));
    child?.stderr?.on('data', collect('stderr'));

    const requests: string[] = [];
    const pageOrigins = new Set<string>();
    (browser as unknown as { connection: BidiEvents }).connection.on('network.beforeRequestSent', (event) =>
      requests.push(event.request.url),
    );
    const allowed = (url: string) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'moz-extension:') return parsed.origin === EXTENSION_ORIGIN;
      return LOCAL_SCHEMES.has(parsed.protocol) || pageOrigins.has(parsed.origin);
    };

    const session: FirefoxSession = {
      browser,
      extensionId: await browser.installExtension(EXTENSION_DIR),
      requests,
      offending: () => requests.filter((url) => !allowed(url)),
      consoleErrors: () => [...output, tails.stdout, tails.stderr].filter((line) => isOurError(line, [EXTENSION_ORIGIN, ...pageOrigins])),
      clearRecords: () => {
        requests.length = 0;
        output.length = 0;
        tails.stdout = tails.stderr = '';
      },
      async openExtensionPage(path) {
        const page = await auditedPage(browser!, allowed);
        await context(page).navigate(`${EXTENSION_ORIGIN}/${path}`, 'complete');
        return page;
      },
      async reloadExtensionPage(page) {
        // Puppeteer learns of the new document late (no navigation event for extension pages):
        // mark the old document and wait until it is gone, then let one plain query rebuild
        // puppeteer's own helper realm (an ARIA query sent first keeps waiting in the old one).
        await page.evaluate(() => Object.assign(window, { __kneeCheckBeforeReload: true }));
        await context(page).reload({ wait: 'complete' });
        await eventually(
          () => page.evaluate(() => !('__kneeCheckBeforeReload' in window)).catch(() => false),
          Boolean,
          'the reloaded document',
        );
        await page.waitForSelector('body');
      },
      async openSite(url, serve) {
        const origin = new URL(url).origin;
        pageOrigins.add(origin);
        const page = await auditedPage(browser!, allowed, (request) => {
          const target = new URL(request.url());
          if (target.origin !== origin) return false;
          const response = serve(target, request.headers());
          void request.respond({ status: response.status, contentType: response.contentType, body: response.body });
          return true;
        });
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
    };

    await body(session);

    // Let the last console lines of the run arrive before judging them.
    await new Promise((done) => setTimeout(done, 300));
    const offending = session.offending();
    if (offending.length) {
      throw new Error(`Requests left the device (only the extension and the served page's origin are allowed):\n${offending.join('\n')}`);
    }
    const errors = session.consoleErrors();
    if (errors.length) throw new Error(`Console errors in Firefox:\n${errors.join('\n')}`);
  } finally {
    await browser?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * A new tab whose every request is intercepted: `serve` may answer it, an allowed one goes on,
 * and any other is aborted (the session's audit has recorded it and fails the test).
 */
async function auditedPage(browser: Browser, allowed: (url: string) => boolean, serve?: (request: HTTPRequest) => boolean): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (serve?.(request)) return;
    if (allowed(request.url())) void request.continue();
    else void request.abort();
  });
  return page;
}

/**
 * The tab's WebDriver BiDi browsing context. page.goto and page.reload never resolve for
 * moz-extension:// (BiDi ignores extension pages' navigation events), so extension pages are
 * navigated and reloaded through it, waiting for the document to be complete.
 */
function context(page: Page): {
  navigate(url: string, wait: 'complete'): Promise<unknown>;
  reload(options: { wait: 'complete' }): Promise<unknown>;
} {
  return (page.mainFrame() as unknown as { browsingContext: ReturnType<typeof context> }).browsingContext;
}

/** Poll `read` until `done` holds for its value, or throw with the last value after `timeout` ms. */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeout) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

/** What the content script says one of its badges shows (lib/content/start.ts, INSPECT_BADGES). */
export interface Inspection {
  key: string;
  level: string;
  label: string;
  text: string;
  ariaLabel: string;
  explanation: string[];
  /** The fallback card's badge. */
  inCard?: boolean;
}

/**
 * What the badges on the tab whose URL matches `urlPattern` (e.g. "https://www.strava.com/*") show.
 * Their shadow roots are closed (the page cannot read or rewrite them), so neither the page nor
 * WebDriver can look inside: an extension page of ours asks the content script, which only
 * answers the extension. `probe` keeps that page between calls.
 */
export async function inspectBadges(
  session: { openExtensionPage(path: string): Promise<Page> },
  probe: { page?: Page },
  urlPattern: string,
): Promise<Inspection[]> {
  probe.page ??= await session.openExtensionPage('welcome.html');
  return probe.page.evaluate(
    async (type, url) => {
      interface TabsApi {
        query(q: { url: string }): Promise<{ id?: number }[]>;
        sendMessage(tabId: number, message: unknown): Promise<unknown>;
      }
      const ext = (globalThis as unknown as { browser: { tabs: TabsApi } }).browser;
      const [tab] = await ext.tabs.query({ url });
      if (tab?.id === undefined) return [];
      return ((await ext.tabs.sendMessage(tab.id, { type })) as Inspection[] | undefined) ?? [];
    },
    INSPECT_BADGES,
    urlPattern,
  );
}

/**
 * Where the extension keeps things, read from one of its pages: its IndexedDB (lib/storage/idb:
 * Firefox keeps every value there, in the extension's origin, out of content scripts' reach),
 * and storage.local and storage.sync (which a content script could read: no health data there).
 */
export function storedAreas(
  page: Page,
): Promise<{ kept: Record<string, unknown>; local: Record<string, unknown>; sync: Record<string, unknown> }> {
  return page.evaluate(
    async (name, store) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const kept = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const values = db.transaction(store, 'readonly').objectStore(store);
        const keys = values.getAllKeys();
        const all = values.getAll();
        all.onsuccess = () => resolve(Object.fromEntries(keys.result.map((key, i) => [String(key), all.result[i]])));
        all.onerror = () => reject(all.error);
      });
      db.close();
      return { kept, local: await browser.storage.local.get(null), sync: await browser.storage.sync.get(null) };
    },
    IDB_NAME,
    VALUES_STORE,
  );
}
