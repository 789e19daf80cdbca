// `npm run bench content`: the content script's cost to the page.
//
// 1. Size: a release build into .output-bench; every content script gzipped (level 9) against
//    the 10 KB budget: content-scripts/knee-badges-<site>.js, one per built-in site (in the
//    manifest), and knee-badges-custom.js (user-added sites', registered at runtime), with the
//    modules that make each (esbuild). The scripts only find, ask and place: the background's
//    page service (lib/background/page-service) decides the rest (settings, runs, the badges'
//    words, the fallback card, the page status), and WXT's ContentScriptContext is stubbed out
//    (lib/content/wxt-context.ts). Every script is within the budget (Garmin Connect's is the
//    closest): a script over it fails the run, after the rest is measured (sizes are exact; the
//    timings below are reported, not enforced).
// 2. Time from rows present to badges: the saved 52-week Training Log renders its rows client-side
//    after load (?render=client); a MutationObserver in the page notes when the 52nd badge lands.
//    Target 50 ms (reported, not enforced: a shared 2-core machine is noisy).
// 3. Longest task: a Chromium trace (CDP Tracing) over that window: the longest main-thread task,
//    and the longest one that ran the content script, against the ~4 ms slice budget.
// 4. The page's own script time with vs without the extension: the page's own benchmark
//    (re-render its 52 rows, 30 times, yielding between renders) in Chromium with the extension
//    and without it, as a ratio of medians (wall time: its renders, plus the layout of every badge
//    put back; target 1.2x). In such a burst the content script puts badges back after 250 ms,
//    then 500, then every second while it goes on (lib/content/observer.ts, burstMs), the first
//    re-render after a quiet spell at once.
// Everything is served offline by tests/e2e/site-server.ts; no request leaves the machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { BENCH_ROWS, routeStrava } from '../../tests/e2e/site-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.output-bench');
const EXTENSION = join(OUT, 'chrome-mv3');
/** One script per built-in site (two for Strava: its Training Log is its own app) in the manifest, and the user-added sites' script (registered at runtime). */
const SCRIPTS = [
  { name: 'knee-badges-strava-log.js', what: 'Strava Training Log', entry: 'entrypoints/knee-badges-strava-log.content/index.ts' },
  { name: 'knee-badges-strava.js', what: 'Strava dashboard and profile', entry: 'entrypoints/knee-badges-strava.content/index.ts' },
  { name: 'knee-badges-garmin.js', what: 'Garmin Connect', entry: 'entrypoints/knee-badges-garmin.content/index.ts' },
  { name: 'knee-badges-intervals.js', what: 'intervals.icu', entry: 'entrypoints/knee-badges-intervals.content/index.ts' },
  { name: 'knee-badges-custom.js', what: 'sites you add (runtime-registered)', entry: 'entrypoints/knee-badges-custom.content/index.ts' },
] as const;
/** The issue's budget for the content script on the supported sites: <= 10 KB gzipped. */
const BUDGET_GZ = 10 * 1024;
const TARGET_BADGES_MS = 50;
/** The page's re-render wall time with the extension, over without it (reported, not enforced). */
const TARGET_WALL_RATIO = 1.2;
const SLICE_MS = 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE_BENCH_RENDERS = 30;
const ARGS = CHROMIUM_ARGS;
const LOG_URL = 'https://www.strava.com/athletes/123/training/log?render=client&delay=1200';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

// ------------------------------------------------------------------------------------------------
// 1. Size

function build(): void {
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, KNEE_CHECK_OUT_DIR: '.output-bench', WXT_KNEE_CHECK_DEMO_ORIGIN: '' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('build failed');
  }
}

/**
 * Where the bytes come from (esbuild, the same entries, without WXT's entry wrapper): minified
 * bytes per module of each script, and each bundle's gzip size. Informational: the budget applies
 * to the real build above.
 */
async function breakdown(): Promise<{ modules: Record<string, { module: string; bytes: number }[]>; variants: Record<string, number> }> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return { modules: {}, variants: {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'knee-bench-'));
  const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const stub = file(
    'imports.ts',
    'export const browser: any = (globalThis as any).chrome;\nexport const defineContentScript = (d: any) => d;\n',
  );
  const bundle = async (entry: string, metafile = false) =>
    esbuild.build({
      entryPoints: [join(ROOT, entry)],
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      metafile,
      logLevel: 'silent',
      alias: { '#imports': stub },
      define: { 'import.meta.env.WXT_KNEE_CHECK_DEMO_ORIGIN': 'undefined' },
    });
  const gz = (r: Awaited<ReturnType<typeof bundle>>) => gzipSync(r.outputFiles![0]!.contents, { level: 9 }).length;
  try {
    const modules: Record<string, { module: string; bytes: number }[]> = {};
    const variants: Record<string, number> = {};
    for (const script of SCRIPTS) {
      const full = await bundle(script.entry, true);
      const inputs = Object.values(full.metafile!.outputs)[0]?.inputs ?? {};
      modules[script.name] = Object.entries(inputs)
        .filter(([name]) => !name.includes('knee-bench-'))
        .map(([module, v]) => ({ module, bytes: v.bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes);
      variants[script.name] = gz(full);
    }
    return { modules, variants };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------
// Browser helpers

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'knee-bench-profile-'));
  const args = withExtension ? [...ARGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : ARGS;
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args });
  const offHost: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!['chrome-extension:', 'data:', 'about:', 'chrome:'].includes(url.protocol) && url.host !== 'www.strava.com') offHost.push(r.url());
  });
  await routeStrava(context, { activities: 'recent', trainingLog: 'strava-training-log-52.html' });
  if (withExtension) {
    // Let the install-time options tab open first, so it does not take over the benchmark's tab.
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
    await new Promise((r) => setTimeout(r, 800));
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (offHost.length) throw new Error(`requests to other hosts: ${offHost.join(', ')}`);
    },
  };
}

/** In the page, before its scripts: note when the rows appear and when the last badge lands. */
function watchBadges(n: number): void {
  const w = window as unknown as { __bench: { rows?: number; badges?: number } };
  w.__bench = {};
  new MutationObserver(() => {
    // The page's client-side render marks "rows-present" just before it inserts the rows (the
    // server-rendered rows it cleared at load do not count).
    const mark = performance.getEntriesByName('rows-present')[0];
    if (w.__bench.rows === undefined && mark && document.querySelectorAll('[class*="_calendarRowContainer_"]').length >= n) {
      w.__bench.rows = mark.startTime;
    }
    if (w.__bench.rows !== undefined && w.__bench.badges === undefined && document.querySelectorAll('[data-knee-check-key]').length >= n) {
      w.__bench.badges = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

async function openTraced(page: Page): Promise<{ badgesMs: number; longestTask: number; longestOwnTask: number; ownTasks: number }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  await page.goto(LOG_URL);
  await page.waitForFunction(() => (window as unknown as { __bench: { badges?: number } }).__bench.badges !== undefined, null, {
    timeout: 15_000,
  });
  const timing = await page.evaluate(() => (window as unknown as { __bench: { rows: number; badges: number } }).__bench);
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  // The renderer's main thread; the window from the page's "rows-present" mark to the last badge.
  const mainThread = events.find(
    (e) =>
      e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((m) => m.pid === e.pid && m.name === 'rows-present'),
  );
  const mark = events.find((e) => e.name === 'rows-present');
  const onMain = (e: TraceEvent) => mainThread !== undefined && e.pid === mainThread.pid && e.tid === mainThread.tid;
  const from = mark?.ts ?? 0;
  const to = from + (timing.badges - timing.rows) * 1000 + 50_000;
  const tasks = events.filter(
    (e) =>
      onMain(e) &&
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
      e.ts + (e.dur ?? 0) >= from &&
      e.ts <= to,
  );
  // The content script's own calls (its functions, including the observer callback and the
  // microtasks it queues inside the page's task), outermost only.
  const calls = events
    .filter(
      (e) =>
        onMain(e) &&
        e.ph === 'X' &&
        /^(FunctionCall|v8\.callFunction|TimerFire|FireIdleCallback)$/.test(e.name) &&
        (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith('chrome-extension://'),
    )
    .sort((a, b) => a.ts - b.ts);
  const outer: TraceEvent[] = [];
  for (const call of calls) {
    const last = outer.at(-1);
    if (!last || call.ts >= last.ts + (last.dur ?? 0)) outer.push(call);
  }
  let longestOwn = 0;
  let ownTasks = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const own = outer.filter((c) => c.ts >= task.ts && c.ts <= end).reduce((t, c) => t + (c.dur ?? 0), 0) / 1000;
    if (own > 0) ownTasks++;
    longestOwn = Math.max(longestOwn, own);
  }
  const longestTask = Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000));
  return { badgesMs: timing.badges - timing.rows, longestTask, longestOwnTask: longestOwn, ownTasks };
}

async function pageBench(page: Page): Promise<{ wall: number; scripting: number }> {
  await page.goto('https://www.strava.com/athletes/123/training/log');
  await page.waitForFunction(() => (window as unknown as { __trainingLog?: { hydrated: boolean } }).__trainingLog?.hydrated);
  await page.waitForTimeout(600);
  return page.evaluate(
    (n) => (window as unknown as { __pageBench(n: number): Promise<{ wall: number; scripting: number }> }).__pageBench(n),
    PAGE_BENCH_RENDERS,
  );
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  // Timings on a shared machine mean little without its load: print it with them.
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  build();
  const sizes = SCRIPTS.map((script) => {
    const bytes = readFileSync(join(EXTENSION, 'content-scripts', script.name));
    return { ...script, minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const over = sizes.filter((x) => x.gzip > BUDGET_GZ);
  console.log(`content scripts, gzip level 9 (minified), budget ${kb(BUDGET_GZ)} gz each:`);
  for (const x of sizes)
    console.log(
      `  ${x.name.padEnd(26)} ${kb(x.gzip).padStart(9)} gz (${kb(x.minified)})  ${x.gzip > BUDGET_GZ ? `NOT MET, ${kb(x.gzip - BUDGET_GZ)} over` : 'met'}  ${x.what}`,
    );
  console.log(
    over.length
      ? `budget not met by ${over.length} of ${sizes.length} scripts: this run fails (the timings below are still measured).`
      : 'budget met by every content script.',
  );
  const { modules, variants } = await breakdown();
  for (const [name, parts] of Object.entries(modules)) {
    const total = parts.reduce((t, p) => t + p.bytes, 0) || 1;
    const groups = new Map<string, number>();
    for (const p of parts) {
      const group = p.module.replace(/^.*?(lib\/[^/]+|entrypoints\/[^/]+|node_modules\/[^/]+(?:\/[^/]+)?).*$/, '$1');
      groups.set(group, (groups.get(group) ?? 0) + p.bytes);
    }
    console.log(`  ${name}: largest modules, minified (esbuild, without WXT's entry wrapper):`);
    for (const p of parts.slice(0, 10))
      console.log(`    ${String(p.bytes).padStart(6)} B  ${((p.bytes / total) * 100).toFixed(0).padStart(3)} %  ${p.module}`);
    console.log(
      `    by folder: ${[...groups]
        .sort((a, b) => b[1] - a[1])
        .map(([g, b]) => `${g} ${((b / total) * 100).toFixed(0)} %`)
        .join(', ')}`,
    );
  }
  if (Object.keys(variants).length) {
    console.log("  esbuild gzip per bundle (the real build differs by a few hundred bytes: its minifier, WXT's entry wrapper):");
    for (const [name, bytes] of Object.entries(variants)) console.log(`    ${kb(bytes).padStart(9)}  ${name}`);
  }

  // 2 + 3: rows present to badges, and the longest tasks, with the extension.
  const withExt = await launch(true);
  const timings: { badgesMs: number; longestTask: number; longestOwnTask: number; ownTasks: number }[] = [];
  try {
    const page = await withExt.context.newPage();
    await page.addInitScript(watchBadges, BENCH_ROWS);
    for (let i = 0; i < RUNS; i++) timings.push(await openTraced(page));
  } finally {
    await withExt.close();
  }
  const badges = median(timings.map((t) => t.badgesMs));
  const longest = median(timings.map((t) => t.longestTask));
  const longestOwn = median(timings.map((t) => t.longestOwnTask));
  console.log(
    `rows present -> ${BENCH_ROWS} badges: median ${ms(badges)} over ${RUNS} loads (min ${ms(Math.min(...timings.map((t) => t.badgesMs)))}, max ${ms(Math.max(...timings.map((t) => t.badgesMs)))}; target ${TARGET_BADGES_MS} ms): ${badges <= TARGET_BADGES_MS ? 'within target' : 'over target'}`,
  );
  console.log(
    `longest main-thread task in that window: median ${ms(longest)}, max ${ms(Math.max(...timings.map((t) => t.longestTask)))} (the page's own render task included)`,
  );
  console.log(
    `longest content-script time in one task: median ${ms(longestOwn)}, max ${ms(Math.max(...timings.map((t) => t.longestOwnTask)))} (slice budget ~${SLICE_MS} ms, plus finding anchors and summaries before the first slice; ${median(timings.map((t) => t.ownTasks))} tasks with content-script work per load)`,
  );

  // 4: the page's own script, with vs without the extension (alternating, medians).
  const walls: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const scripting: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let round = 0; round < 3; round++) {
    for (const mode of ['without', 'with'] as const) {
      const browser = await launch(mode === 'with');
      try {
        const page = await browser.context.newPage();
        const result = await pageBench(page);
        walls[mode].push(result.wall);
        scripting[mode].push(result.scripting);
      } finally {
        await browser.close();
      }
    }
  }
  const wallRatio = median(walls.with) / median(walls.without);
  const scriptRatio = median(scripting.with) / median(scripting.without);
  console.log(
    `page script, ${PAGE_BENCH_RENDERS} re-renders of ${BENCH_ROWS} rows: with the extension ${ms(median(walls.with))} wall / ${ms(median(scripting.with))} in its own code; without ${ms(median(walls.without))} / ${ms(median(scripting.without))}; ratio ${wallRatio.toFixed(2)} wall (target ${TARGET_WALL_RATIO}: ${wallRatio <= TARGET_WALL_RATIO ? 'within target' : 'over target'}), ${scriptRatio.toFixed(2)} own code (3 rounds, medians; noisy on a shared machine)`,
  );

  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'test-results/bench-content.json'),
    JSON.stringify(
      {
        scripts: Object.fromEntries(sizes.map((x) => [x.name, { gzipBytes: x.gzip, minifiedBytes: x.minified }])),
        budgetBytes: BUDGET_GZ,
        budgetMet: over.length === 0,
        overBudgetBytes: Object.fromEntries(sizes.map((x) => [x.name, Math.max(0, x.gzip - BUDGET_GZ)])),
        rowsToBadgesMs: { median: badges, all: timings.map((t) => t.badgesMs), target: TARGET_BADGES_MS },
        longestTaskMs: longest,
        longestContentScriptTaskMs: longestOwn,
        pageScript: {
          renders: PAGE_BENCH_RENDERS,
          wallWith: walls.with,
          wallWithout: walls.without,
          ownWith: scripting.with,
          ownWithout: scripting.without,
          wallRatio,
          wallRatioTarget: TARGET_WALL_RATIO,
          scriptRatio,
        },
        modules,
        esbuildGzipBytes: variants,
      },
      null,
      2,
    ),
  );
  // The size budget is enforced (sizes are exact); the timings are reported only (a shared machine is noisy).
  return over.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
