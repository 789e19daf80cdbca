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

// ------------------------------------------------------------------------------------------------
// Badges live in CLOSED shadow roots: page script cannot read them, and neither can Playwright's
// locators or page.evaluate. Tests read them from outside the page, through the DevTools protocol
// (DOM.getDocument with pierce), which no page script can reach.

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface ClosedBadge {
  tag: string;
  key: string;
  level: string;
  label: string;
  text: string;
  /** The explanation, if it was built (it is built on first open). */
  tip: string;
  /** The chip's accessible name. */
  ariaLabel: string;
  /** The chip's aria-expanded: is the explanation open? */
  expanded: boolean;
  /** The button's and its text's node ids in the CDP session that read them. */
  chipNode: number;
  textNode: number;
  /** Inside the fallback card. */
  inCard: boolean;
  /** The class of the element the badge sits in. */
  parentClass: string;
}

const attr = (node: CdpNode, name: string): string | null => {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1]!;
  return null;
};
const kids = (node: CdpNode): CdpNode[] => [...(node.shadowRoots ?? []), ...(node.children ?? [])];
function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return kids(node).map(textOf).join('');
}
function find(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of kids(node)) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return null;
}

async function cdpDocument(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return { cdp, root };
}

function collectBadges(node: CdpNode, inCard: boolean, out: ClosedBadge[], parent: CdpNode | null = null): void {
  const key = node.nodeType === 1 ? attr(node, 'data-knee-check-key') : null;
  if (key !== null && node.shadowRoots?.length) {
    const root = node.shadowRoots[0]!;
    const chip = find(root, (n) => n.localName === 'button');
    const label = chip && find(chip, (n) => n.localName === 'b');
    const span = chip?.children?.find((n) => n.localName === 'span');
    const tip = find(root, (n) => n.nodeType === 1 && attr(n, 'role') === 'tooltip');
    out.push({
      tag: node.localName ?? '',
      key,
      level: attr(node, 'data-level') ?? '',
      label: label ? textOf(label) : '',
      text: span ? textOf(span) : '',
      tip: tip ? [...(tip.children ?? [])].map(textOf).join(' ') : '',
      ariaLabel: (chip && attr(chip, 'aria-label')) ?? '',
      expanded: (chip && attr(chip, 'aria-expanded')) === 'true',
      chipNode: chip?.nodeId ?? 0,
      textNode: span?.nodeId ?? 0,
      inCard,
      parentClass: (parent && attr(parent, 'class')) ?? '',
    });
    return;
  }
  const card = node.nodeType === 1 && attr(node, 'data-knee-check-card') !== null;
  for (const child of kids(node)) collectBadges(child, inCard || card, out, node);
}

/** Every badge on the page (the fallback card's included), read through the closed shadow roots. */
export async function readClosedBadges(page: Page): Promise<ClosedBadge[]> {
  const { cdp, root } = await cdpDocument(page);
  await cdp.detach();
  const out: ClosedBadge[] = [];
  collectBadges(root, false, out);
  return out;
}

/** Focus one badge's chip, as a keyboard user would (the browser, not page script, moves focus). */
export async function focusChip(page: Page, key: string): Promise<void> {
  const { cdp, root } = await cdpDocument(page);
  const found: ClosedBadge[] = [];
  collectBadges(root, false, found);
  const badge = found.find((b) => b.key === key);
  if (!badge) throw new Error(`no badge ${key}`);
  await cdp.send('DOM.focus', { nodeId: badge.chipNode });
  await cdp.detach();
}

/** One badge's explanation: its chip focused, the explanation read, then focus dropped. */
export async function openExplanation(page: Page, key: string): Promise<string> {
  await focusChip(page, key);
  const tip = (await readClosedBadges(page)).find((b) => b.key === key)?.tip ?? '';
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return tip;
}

/** The fallback card: its heading and buttons, read through its closed shadow root. */
export async function readCard(
  page: Page,
): Promise<{ heading: string; buttons: string[]; corner: string; badge: ClosedBadge | null } | null> {
  const { cdp, root } = await cdpDocument(page);
  await cdp.detach();
  const card = find(root, (n) => n.nodeType === 1 && attr(n, 'data-knee-check-card') !== null);
  if (!card) return null;
  const shadow = card.shadowRoots?.[0];
  const heading = shadow && find(shadow, (n) => n.localName === 'p');
  const buttons: string[] = [];
  const walk = (n: CdpNode) => {
    if (n.localName === 'button') buttons.push(textOf(n));
    else if (n.nodeType !== 1 || attr(n, 'data-knee-check-key') === null) kids(n).forEach(walk); // the card's own buttons, not the badge's
  };
  if (shadow) walk(shadow);
  const badges: ClosedBadge[] = [];
  collectBadges(card, true, badges);
  return { heading: heading ? textOf(heading) : '', buttons, corner: attr(card, 'data-corner') ?? '', badge: badges[0] ?? null };
}

/** Each badge's chip and text boxes (CSS px), measured after scrolling it into view; null when not rendered. */
export async function badgeBoxes(
  page: Page,
): Promise<{ key: string; chip: { width: number; height: number } | null; text: { width: number; height: number } | null }[]> {
  const { cdp, root } = await cdpDocument(page);
  const found: ClosedBadge[] = [];
  collectBadges(root, false, found);
  const box = async (nodeId: number) => {
    try {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { width: number; height: number } };
      return { width: model.width, height: model.height };
    } catch {
      return null;
    }
  };
  const out = [];
  for (const b of found) {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: b.chipNode }).catch(() => undefined);
    out.push({ key: b.key, chip: await box(b.chipNode), text: await box(b.textNode) });
  }
  await cdp.detach();
  return out;
}
