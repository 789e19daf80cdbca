// `npm run site-check -- page.html [calls.har] [--url URL] [--today YYYY-MM-DD] [--json]`
// Offline: what would each adapter read on a page saved from the browser, and where would it put
// badges? The page's address comes from --url, else its <link rel=canonical> or og:url. The
// adapter's same-origin JSON calls are answered from the HAR's entries of that origin (exact path
// and query first, else the only entry with that path); anything missing answers 404. "Today" is
// --today, else the day of the HAR's last entry, else the current date. No network, no browser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { FetchRefused, refusalOf } from '../lib/content/fetch';
import { weekStartOf } from '../lib/load/dates';
import type { Run } from '../lib/load/types';
import { genericAdapter } from '../lib/sites/generic';
import { BUILT_IN_ADAPTERS } from '../lib/sites/registry';
import type { AdapterNotes, BadgeAnchor, FetchJsonInit, Refusal, RefusalReason, SiteAdapter, SourceNote } from '../lib/sites/types';
import { parseLocally } from '../lib/sites/parse';

export interface HarEntry {
  url: string;
  status: number;
  text: string;
}

export interface CallReport {
  path: string;
  /** Extra headers the adapter sent (names only: values may be tokens). */
  headers: string[];
  /** HTTP status served, or 404 when the HAR had no answer. */
  status: number;
  /** How the answer was found. */
  matched: 'exact' | 'path only' | 'missing';
  refused?: RefusalReason;
}

export interface AnchorReport {
  key: string;
  weekStart: string | null;
  placement: BadgeAnchor['placement'];
  /** A short CSS path to the element the badge goes in, after or before. */
  path: string;
}

export interface SiteCheckReport {
  url: string;
  today: string;
  adapter: string | null;
  pageKind: string | null;
  calls: CallReport[];
  runs: number;
  /** Monday-first weeks: runs and km. */
  weeks: { week: string; runs: number; km: number }[];
  sources: SourceNote[];
  refusals: Refusal[];
  incompleteDays: string[];
  coveredFrom: string | null;
  /** Anchors before any data was read, and after (what the core would badge). */
  anchorsBefore: number;
  anchors: AnchorReport[];
  /** How often each selector the adapter declares matches on the page. */
  selectors: { selector: string; matches: number }[];
}

/** Same-origin JSON answers of a HAR (GET, the page's origin, a text body). */
export function harEntries(har: unknown, origin: string): { entries: HarEntry[]; lastDay: string | null } {
  const entries: HarEntry[] = [];
  let lastDay: string | null = null;
  const list = (har as { log?: { entries?: unknown } })?.log?.entries;
  for (const raw of Array.isArray(list) ? list : []) {
    const e = raw as {
      request?: { url?: unknown; method?: unknown };
      response?: { status?: unknown; content?: { text?: unknown; encoding?: unknown } };
      startedDateTime?: unknown;
    };
    const href = e.request?.url;
    if (typeof href !== 'string' || (e.request?.method ?? 'GET') !== 'GET') continue;
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    const content = e.response?.content;
    const text =
      typeof content?.text === 'string'
        ? content.encoding === 'base64'
          ? Buffer.from(content.text, 'base64').toString('utf8')
          : content.text
        : '';
    entries.push({ url: url.pathname + url.search, status: typeof e.response?.status === 'number' ? e.response.status : 200, text });
    if (typeof e.startedDateTime === 'string' && /^\d{4}-\d{2}-\d{2}/.test(e.startedDateTime)) {
      const day = e.startedDateTime.slice(0, 10);
      if (lastDay === null || day > lastDay) lastDay = day;
    }
  }
  return { entries, lastDay };
}

/** The page's own address: <link rel=canonical>, else og:url. */
export function pageUrlOf(doc: Document): string | null {
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  try {
    return href ? new URL(href).href : null;
  } catch {
    return null;
  }
}

/** "main > div.Calendar_week > div.Calendar_weekSummary" (at most 4 levels, ids end the walk). */
export function shortPath(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node && parts.length < 4; node = node.parentElement) {
    const tag = node.tagName.toLowerCase();
    if (node.id) {
      parts.unshift(`${tag}#${node.id}`);
      break;
    }
    const cls = [...node.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('');
    parts.unshift(tag + cls);
    if (tag === 'body') break;
  }
  return parts.join(' > ');
}

const STATUS_REASONS: Record<number, RefusalReason> = { 401: 'signed-out', 403: 'forbidden', 404: 'not-found', 429: 'rate-limited' };

function loadDocument(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}

function pickFor(url: URL): SiteAdapter | null {
  for (const adapter of BUILT_IN_ADAPTERS) if (adapter.matches(url)) return adapter;
  // Any other origin: what the detector for a user-added site would do.
  return genericAdapter.matches(url) ? genericAdapter : null;
}

export interface SiteCheckInput {
  html: string;
  har?: unknown;
  url?: string;
  today?: string;
  /** Tests: the adapter instead of the registry's (a fresh one, with its own state). */
  adapter?: SiteAdapter;
}

export async function checkPage(input: SiteCheckInput): Promise<SiteCheckReport> {
  const probe = loadDocument(input.html, 'https://example.invalid/');
  const href = input.url ?? pageUrlOf(probe);
  if (!href) throw new Error('The page has no <link rel="canonical"> or og:url: give its address with --url');
  const url = new URL(href);
  const doc = loadDocument(input.html, url.href);
  const { entries, lastDay } = harEntries(input.har, url.origin);
  const today = input.today ?? lastDay ?? new Date().toISOString().slice(0, 10);
  const adapter = input.adapter ?? pickFor(url);
  const report: SiteCheckReport = {
    url: url.origin + url.pathname,
    today,
    adapter: adapter?.id ?? null,
    pageKind: adapter?.pageKind?.(url) ?? null,
    calls: [],
    runs: 0,
    weeks: [],
    sources: [],
    refusals: [],
    incompleteDays: [],
    coveredFrom: null,
    anchorsBefore: 0,
    anchors: [],
    selectors: [],
  };
  if (!adapter) return report;

  const notes: AdapterNotes[] = [];
  const ctx = {
    today,
    note: (n: AdapterNotes) => void notes.push(n),
    // The background's reading of the site's JSON, called directly (as the extension runs it).
    parse: parseLocally,
    async fetchJson(path: string, init?: FetchJsonInit) {
      const target = new URL(path, url.origin);
      const exact = entries.find((e) => e.url === target.pathname + target.search);
      const samePath = entries.filter((e) => e.url.split('?')[0] === target.pathname);
      const entry = exact ?? (samePath.length === 1 ? samePath[0] : undefined);
      const call: CallReport = {
        path,
        headers: Object.keys(init?.headers ?? {}),
        status: entry?.status ?? 404,
        matched: exact ? 'exact' : entry ? 'path only' : 'missing',
      };
      report.calls.push(call);
      try {
        if (!entry) throw new FetchRefused('not-found', 'HTTP 404', 404);
        if (entry.status < 200 || entry.status >= 300)
          throw new FetchRefused(STATUS_REASONS[entry.status] ?? 'bad-response', `HTTP ${entry.status}`, entry.status);
        try {
          return JSON.parse(entry.text) as unknown;
        } catch {
          throw new FetchRefused('bad-response', 'not JSON', entry.status);
        }
      } catch (error) {
        call.refused = refusalOf(error).reason;
        throw error;
      }
    },
  };

  report.anchorsBefore = adapter.findAnchors(doc).length;
  let runs: Run[] = [];
  if (report.anchorsBefore > 0 || input.har !== undefined) runs = await adapter.readRuns(doc, ctx);
  const anchors = adapter.findAnchors(doc);

  report.runs = runs.length;
  const weeks = new Map<string, { runs: number; km: number }>();
  for (const run of runs) {
    const week = weekStartOf(run.start.slice(0, 10), 'monday') ?? '?';
    const w = weeks.get(week) ?? { runs: 0, km: 0 };
    w.runs++;
    w.km += run.km;
    weeks.set(week, w);
  }
  report.weeks = [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([week, w]) => ({ week, runs: w.runs, km: Math.round(w.km * 100) / 100 }));
  for (const n of notes) {
    report.sources.push(...(n.sources ?? []));
    report.refusals.push(...(n.refusals ?? []));
    report.incompleteDays.push(...(n.incompleteDays ?? []));
    if (n.coveredFrom !== undefined) report.coveredFrom = n.coveredFrom;
  }
  report.incompleteDays = [...new Set(report.incompleteDays)].sort();
  report.anchors = anchors.map((a) => ({ key: a.key, weekStart: a.weekStart ?? null, placement: a.placement, path: shortPath(a.element) }));
  for (const selector of adapter.selectors ?? []) {
    let matches = -1;
    try {
      matches = doc.querySelectorAll(selector).length;
    } catch {
      // a selector happy-dom cannot parse: -1
    }
    report.selectors.push({ selector, matches });
  }
  return report;
}

/** The report in plain words. */
export function formatReport(r: SiteCheckReport): string {
  const lines: string[] = [];
  lines.push(`Page:     ${r.url}`);
  lines.push(`Today:    ${r.today}`);
  if (!r.adapter) {
    lines.push('Adapter:  none (no built-in adapter handles this address)');
    return lines.join('\n');
  }
  lines.push(`Adapter:  ${r.adapter}${r.pageKind ? ` (${r.pageKind})` : ''}`);
  lines.push('', `Calls (${r.calls.length}):`);
  for (const c of r.calls) {
    lines.push(`  GET ${c.path}`);
    lines.push(
      `      -> ${c.status} ${c.matched}${c.refused ? `, refused: ${c.refused}` : ''}${c.headers.length ? `; extra headers: ${c.headers.join(', ')}` : ''}`,
    );
  }
  lines.push('', `Runs read: ${r.runs}`);
  for (const w of r.weeks) lines.push(`  week of ${w.week}: ${w.runs} run${w.runs === 1 ? '' : 's'}, ${w.km.toFixed(2)} km`);
  lines.push(`Sources:   ${r.sources.length ? r.sources.map((s) => `${s.source} (${s.runs} runs)`).join(', ') : 'none'}`);
  lines.push(
    `Refusals:  ${r.refusals.length ? r.refusals.map((x) => `${x.source}: ${x.reason}${x.status ? ` (${x.status})` : ''}`).join(', ') : 'none'}`,
  );
  lines.push(`Complete from: ${r.coveredFrom ?? 'unknown'}`);
  if (r.incompleteDays.length) lines.push(`Partial days (no number on their weeks): ${r.incompleteDays.join(', ')}`);
  lines.push('', `Badges: ${r.anchors.length} (anchors found before reading: ${r.anchorsBefore})`);
  for (const a of r.anchors) lines.push(`  ${a.key} [${a.placement}] ${a.path}`);
  if (r.selectors.length) {
    lines.push('', 'Selectors:');
    for (const s of r.selectors) lines.push(`  ${String(s.matches).padStart(4)}  ${s.selector}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const url = flag('--url');
  const today = flag('--today');
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (!files.length || files.length > 2) {
    console.error('usage: npm run site-check -- page.html [calls.har] [--url URL] [--today YYYY-MM-DD] [--json]');
    return 2;
  }
  const html = readFileSync(resolve(files[0]!), 'utf8');
  const har = files[1] ? (JSON.parse(readFileSync(resolve(files[1]), 'utf8')) as unknown) : undefined;
  const report = await checkPage({ html, har, url, today });
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.adapter ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
