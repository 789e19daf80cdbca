// `npm run demo`: see the badges without a Strava account.
//
// Builds a demo build into .output-demo whose content script also matches this machine's demo
// origin (WXT_KNEE_CHECK_DEMO_ORIGIN, baked in at build time; release builds never have it), then
// serves the saved Strava pages (tests/fixtures/pages) and the JSON they call on
// http://localhost:PORT, at Strava's own paths. The content script treats that origin as
// www.strava.com; everything else (same-origin fetch, settings, badges) is the real thing.
//
//   npm run demo                      build, serve, print what to open
//   npm run demo -- --port 5400       another port
//   npm run demo -- --open            also launch Chromium (headed) with the demo build
//   npm run demo -- --check [--screenshot demo.png]
//                                     headless smoke check: open each page, count the badges, exit
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { localToday, REAL_JSON_DIR, stravaResponse, type SiteOptions } from '../tests/e2e/site-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const PORT = Number(option('--port') ?? process.env.KNEE_CHECK_DEMO_PORT ?? 5317);
const ORIGIN = `http://localhost:${PORT}`;
const OUT = join(ROOT, '.output-demo');
const EXTENSION = join(OUT, 'chrome-mv3');
const HAVE_REAL = existsSync(join(REAL_JSON_DIR, 'page1.json'));

const PAGES = [
  { path: '/athletes/123/training/log', what: 'Training Log: a badge per week row (12 weeks, Dec 2025 to Feb 2026)' },
  { path: '/dashboard', what: 'Dashboard: the weekly widget ("This week"), the demo runner moved to this week' },
  { path: '/dashboard?locale=fr', what: 'Dashboard in French ("Cette semaine"): the same badge, found by structure' },
  ...(HAVE_REAL ? [{ path: '/athletes/123', what: "Athlete profile (real 2016 data): click another week's bar, the badge follows" }] : []),
];

function build(): void {
  console.log(`Building the demo extension into ${OUT} (content script also matches ${ORIGIN}/*)…`);
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, KNEE_CHECK_OUT_DIR: '.output-demo', WXT_KNEE_CHECK_DEMO_ORIGIN: ORIGIN },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('demo build failed');
  }
  const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8')) as { content_scripts?: { matches: string[] }[] };
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
  if (!matches.includes(`${ORIGIN}/*`)) throw new Error(`the demo build does not match ${ORIGIN}: ${matches.join(', ')}`);
}

/**
 * Which data a request gets, from the page that asked: the dashboard shows the made-up runner
 * moved to this week, the Training Log the same runner on its own dates, the profile the real
 * 2016 pages.
 */
function optionsFor(req: IncomingMessage, url: URL): SiteOptions {
  const from = new URL(req.headers.referer ?? `${ORIGIN}/`, ORIGIN);
  const page = url.pathname.startsWith('/athlete/') ? from : url;
  if (page.pathname.startsWith('/dashboard'))
    return { activities: 'recent', shiftTo: localToday(), locale: page.searchParams.get('locale') === 'fr' ? 'fr' : 'en' };
  if (/^\/athletes\/\d+\/?$/.test(page.pathname) && HAVE_REAL) return { activities: 'real' };
  return { activities: 'recent' };
}

function indexPage(): string {
  const items = PAGES.map((p) => `<li><a href="${p.path}">${p.path}</a> ${p.what}</li>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Knee Check demo</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:40px auto;padding:0 16px}code{background:#f3f3f3;padding:1px 4px}</style></head>
<body><h1>Knee Check demo</h1>
<p>Saved Strava pages served from this machine. With the demo build of the extension loaded, each gets its knee-load badges.</p>
<ul>${items}</ul>
<p>Hover or focus a badge for the numbers behind it. Change units or thresholds in the extension's options: the badges follow.</p>
</body></html>`;
}

function serve(): Promise<ReturnType<typeof createServer>> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', ORIGIN);
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(indexPage());
        return;
      }
      const response = stravaResponse(url, optionsFor(req, url));
      res.writeHead(response.status, { 'content-type': response.contentType, 'cache-control': 'no-store' }).end(response.body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(PORT, 'localhost', () => resolveServer(server));
  });
}

async function launch(headless: boolean) {
  const profile = mkdtempSync(join(tmpdir(), 'knee-check-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: [
      ...CHROMIUM_ARGS.filter((arg) => arg !== '--disable-gpu'),
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  return { context, profile };
}

/** Headless: open every page, wait for its badges, report; a screenshot of the Training Log if asked. */
async function check(): Promise<number> {
  const { context, profile } = await launch(true);
  const offHost: string[] = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.origin !== ORIGIN) offHost.push(r.url());
  });
  let failed = 0;
  try {
    await new Promise((r) => setTimeout(r, 800)); // the install-time options tab
    const page = await context.newPage();
    for (const { path } of PAGES) {
      await page.goto(ORIGIN + path);
      const count = await page
        .waitForFunction(() => document.querySelectorAll('[data-knee-check-key]').length > 0, null, { timeout: 10_000 })
        .then(() => page.evaluate(() => document.querySelectorAll('[data-knee-check-key]').length))
        .catch(() => 0);
      const first = await page.evaluate(() => {
        const host = document.querySelector('[data-knee-check-key]');
        // The badge's shadow root is closed (page script cannot read it): its key and level only.
        return host ? `${host.getAttribute('data-knee-check-key')}: ${host.getAttribute('data-level')}` : '';
      });
      console.log(`${count ? 'ok  ' : 'FAIL'} ${path}: ${count} badge(s)${first ? `, first: ${first}` : ''}`);
      if (!count) failed++;
    }
    const shot = option('--screenshot');
    if (shot) {
      await page.goto(`${ORIGIN}/athletes/123/training/log`);
      // The badge's shadow root is closed: its chip is focused through the DevTools protocol.
      const cdp = await page.context().newCDPSession(page);
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { nodeId: number } };
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
        nodeId: root.nodeId,
        selector: '[data-knee-check-key="strava-log:2026-02-23"]',
      });
      const { node } = (await cdp.send('DOM.describeNode', { nodeId: nodeIds[0]!, depth: -1, pierce: true })) as unknown as {
        node: { shadowRoots?: { nodeId?: number; backendNodeId: number }[] };
      };
      const shadow = node.shadowRoots?.[0];
      if (shadow) {
        const { nodeIds: shadowIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadow.backendNodeId] });
        const { nodeId: chip } = await cdp.send('DOM.querySelector', { nodeId: shadowIds[0]!, selector: 'button' });
        if (chip) await cdp.send('DOM.focus', { nodeId: chip });
      }
      await cdp.detach();
      await page.waitForTimeout(300);
      await page.screenshot({ path: resolve(shot) });
      console.log(`screenshot: ${resolve(shot)}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (offHost.length) {
    console.log(`FAIL requests to other hosts: ${offHost.join(', ')}`);
    failed++;
  }
  return failed;
}

async function main(): Promise<void> {
  build();
  const server = await serve();
  console.log(`\nServing the saved Strava pages on ${ORIGIN}`);
  for (const p of PAGES) console.log(`  ${ORIGIN}${p.path}\n      ${p.what}`);
  if (flag('--check')) {
    const failed = await check();
    server.close();
    process.exit(failed ? 1 : 0);
  }
  console.log(`
To see the badges in your own Chromium or Chrome:
  1. open chrome://extensions, turn on "Developer mode"
  2. "Load unpacked" and choose ${EXTENSION}
  3. open ${ORIGIN}/athletes/123/training/log
This is a demo build (its content script also runs on ${ORIGIN}): do not publish it.
Release builds (npm run build) match Strava, Garmin Connect and intervals.icu only.
Ctrl+C stops the server.`);
  if (flag('--open')) {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
      console.log('\n--open: no display here; load the extension by hand as above.');
    } else {
      const { context } = await launch(false);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${ORIGIN}/athletes/123/training/log`);
      context.on('close', () => {
        server.close();
        process.exit(0);
      });
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
