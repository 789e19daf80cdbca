// The background's answer to a content script's pass (lib/content/pass): everything about a page
// that takes judgement, so the page carries none of it. Is the site on in the runner's settings?
// The runs: a built-in site's reader (lib/background/reading-host, the tab making its same-origin
// calls), or on a user-added site the generic detector, run here on the snapshot its page sent
// (customRead), which also says where its badges go. Each badge's words (the engine,
// lib/badge/view), with the loop's lines. The fallback card (a log page whose layout was not
// recognised, unless switched off or hidden for this week). The page status for the popup, and
// the captured history (the runner's own runs, once per new read). Pure of the browser: the
// wiring gives it storage and the tab (./page-host); tests run it in process.
// Everything a content script sends is untrusted: passRequestOf checks the request,
// analyseSnapshot a page's snapshot, the engine every run, and the status is validated like any
// page status before it is kept.
import { badgeViewsFrom, type BadgeView } from '../badge/view';
import type { PageStatus } from '../content/messages';
import { PAGE_PASS, type CardReply, type PassReply, type PassRequest } from '../content/pass';
import type { CallRecord } from '../content/report';
import { weekStartOf } from '../load/dates';
import type { Run } from '../load/types';
import type { Settings } from '../settings/defaults';
import { siteOn } from '../sites/custom';
import { analyseSnapshot, genericReading, type SnapshotReading } from '../sites/generic';
import type { GenericFacts, GenericState } from '../sites/generic-page';
import type { AdapterNotes } from '../sites/types';

/** What one read gave (lib/sites/reading ReadReply). */
export interface ReadOutcome {
  runs: Run[];
  /** The same version means the same runs (captured history records a version once). */
  version: string;
  notes: AdapterNotes;
  state?: unknown;
  calls?: CallRecord[];
}

/** Which page asks: its tab and frame, its state's key (tab, frame, token), its origin, whether it is the top frame. */
export interface PageWhere {
  tabId: number;
  frameId: number;
  key: string;
  origin: string;
  top: boolean;
}

export interface PageServiceDeps {
  /** The runner's settings, sanitized. */
  settings(): Settings | Promise<Settings>;
  /** The runs for the request's facts (a built-in site's reader, or customRead); null: none. */
  read(request: PassRequest, where: PageWhere): Promise<ReadOutcome | null>;
  /** The loop's lines every badge's explanation opens with (lib/loop/notes). */
  loop?(): readonly string[] | Promise<readonly string[]>;
  /** { [site]: the week the runner hid the fallback card for }. */
  cardHidden?(): Record<string, string> | Promise<Record<string, string>>;
  /** The history's forget count now (taken at a page's first pass: a capture from before a forget is refused). */
  forgets?(): number | Promise<number>;
  /** Captured history: the runner's own runs, once per new read. */
  record?(site: string, runs: Run[], today: string, forgets: number | undefined): void;
  /** What this page is and what was found, after each answer (top frame only); null: nothing here. */
  status?(status: PageStatus | null, where: PageWhere): void;
  locale?: string;
}

export interface PageService {
  pass(request: PassRequest, where: PageWhere): Promise<PassReply>;
  /** A tab was closed (its pages' keys start with `${tabId}:`). */
  forget(prefix: string): void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: unknown): v is string => typeof v === 'string' && DAY.test(v);
const SITES = ['strava', 'garmin', 'intervals', 'custom'];
/** Pages whose state is kept (the latest used). */
const MAX_PAGES = 24;

/** The request a content script sent, when well-formed (facts are checked by their reader). */
export function passRequestOf(message: unknown): PassRequest | null {
  const m = message as Partial<Record<keyof PassRequest, unknown>> | null;
  if (typeof m !== 'object' || m === null || m.type !== PAGE_PASS) return null;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  if (!text(m.page, 64) || !text(m.adapter, 64) || !SITES.includes(m.site as string) || !text(m.pageKind, 200)) return null;
  if (!isDay(m.today) || !text(m.now, 40) || !text(m.version, 40)) return null;
  if (!Array.isArray(m.weeks) || m.weeks.length > 500 || !m.weeks.every((w) => w === null || isDay(w))) return null;
  if (!Array.isArray(m.selectors) || m.selectors.length > 200) return null;
  return {
    type: PAGE_PASS,
    page: m.page as string,
    adapter: m.adapter as string,
    site: m.site as string,
    pageKind: m.pageKind as string,
    own: m.own === true,
    weeks: m.weeks as (string | null)[],
    today: m.today,
    now: m.now as string,
    read: m.read === true,
    card: m.card === true,
    ...(m.prepare === true && { prepare: true }),
    ...('facts' in m && { facts: m.facts }),
    // Checked with the whole status before it is kept (readPageStatusMessage).
    selectors: m.selectors as PassRequest['selectors'],
    version: m.version as string,
  };
}

/** Pages whose last snapshot's reading is kept (the latest used): a page sends it only when it changed. */
const MAX_CUSTOM_PAGES = 8;
const customPages = new Map<string, { sig: string; reading: SnapshotReading }>();

/**
 * A user-added site's page (its state's key) sends a snapshot of itself (lib/sites/generic-page),
 * or only its key when this background said it has it: the generic detector reads it here, and
 * the state says which of its elements get a badge. The reading is kept in memory per page, the
 * snapshot itself nowhere. Null: malformed facts.
 */
export function customRead(facts: unknown, page: string, today: string): ReadOutcome | null {
  const f = facts as Partial<GenericFacts> | null;
  if (typeof f !== 'object' || f === null || typeof f.sig !== 'string' || f.sig.length > 100) return null;
  let kept = customPages.get(page);
  customPages.delete(page);
  if (kept?.sig !== f.sig) {
    // A restarted background, or another page in the same state: ask for the snapshot.
    if (f.snap === undefined) return { runs: [], version: '', notes: {}, state: { sig: f.sig, needSnapshot: true } satisfies GenericState };
    const reading = analyseSnapshot(f.snap);
    if (!reading) return null;
    kept = { sig: f.sig, reading };
  }
  customPages.set(page, kept);
  for (const old of customPages.keys()) {
    if (customPages.size <= MAX_CUSTOM_PAGES) break;
    customPages.delete(old);
  }
  const { runs, notes, anchors } = genericReading(kept.reading, today);
  return { runs, version: JSON.stringify(runs), notes, state: { sig: f.sig, has: true, anchors } satisfies GenericState };
}

/** A tab was closed: its pages' readings go (keys start with `${tabId}:`). */
export function forgetCustomPages(prefix: string): void {
  for (const key of [...customPages.keys()]) if (key.startsWith(prefix)) customPages.delete(key);
}

/** The loop's lines open every badge's explanation. */
const withLoop = (views: (BadgeView | null)[], loop: readonly string[]) =>
  loop.length ? views.map((view) => view && { ...view, lines: [...loop, ...view.lines] }) : views;

interface PageState {
  forgets?: number;
  recorded?: string;
  calls: CallRecord[];
}

export function createPageService(deps: PageServiceDeps): PageService {
  const pages = new Map<string, PageState>();

  function stateOf(key: string): PageState {
    let state = pages.get(key);
    if (state) pages.delete(key);
    state ??= { calls: [] };
    pages.set(key, state);
    for (const old of pages.keys()) {
      if (pages.size <= MAX_PAGES) break;
      pages.delete(old);
    }
    return state;
  }

  async function read(request: PassRequest, where: PageWhere): Promise<ReadOutcome | null> {
    try {
      return await deps.read(request, where);
    } catch {
      return null;
    }
  }

  return {
    async pass(request, where) {
      const settings = await deps.settings();
      if (!siteOn(request.site, where.origin, settings)) {
        if (where.top) deps.status?.(null, where);
        return { off: true, views: [], card: null };
      }
      const page = stateOf(where.key);
      // Unreadable: the badges still come, and nothing is recorded for this page (record needs it).
      if (page.forgets === undefined && deps.forgets) page.forgets = await Promise.resolve(deps.forgets()).catch(() => undefined);
      if (request.prepare) return { views: [], card: null, state: (await read(request, where))?.state ?? null };

      const out = request.read ? await read(request, where) : null;
      const runs = Array.isArray(out?.runs) ? out.runs : [];
      const notes = out?.notes ?? {};
      if (out?.calls?.length) page.calls = [...page.calls, ...out.calls].slice(-20);
      if (out && runs.length && request.own && page.recorded !== out.version) {
        page.recorded = out.version;
        deps.record?.(request.site === 'custom' ? where.origin : request.site, runs, request.today, page.forgets);
      }

      const { today, now } = request;
      const week = weekStartOf(today, settings.weekStartsOn) ?? today;
      const loop = (await deps.loop?.()) ?? [];
      const opts = {
        locale: deps.locale,
        now,
        coverage: {
          coveredFrom: isDay(notes.coveredFrom) ? notes.coveredFrom : undefined,
          incompleteDays: notes.incompleteDays?.filter(isDay),
        },
      };
      const views = request.weeks.length
        ? withLoop(
            badgeViewsFrom(
              runs,
              request.weeks.map((w) => w ?? week),
              settings,
              today,
              opts,
            ),
            loop,
          )
        : [];

      let card: CardReply | null = null;
      if (request.card && settings.fallbackCard && runs.length && request.site !== 'custom') {
        const hidden = (await deps.cardHidden?.()) ?? {};
        const view = hidden[request.site] === week ? null : withLoop(badgeViewsFrom(runs, [week], settings, today, opts), loop)[0];
        const kind = request.pageKind;
        if (view)
          card = { title: `Knee Check, this week${kind ? ` (${kind}: layout not recognised)` : ''}`, site: request.site, week, view };
      }

      if (where.top)
        deps.status?.(
          {
            site: request.site,
            adapter: request.adapter,
            pageKind: request.pageKind,
            runs: runs.length,
            sources: notes.sources ?? [],
            refusals: notes.refusals ?? [],
            anchors: request.weeks.length,
            weeksBadged: views.filter(Boolean).length,
            card: card !== null,
            incompleteDays: notes.incompleteDays?.length ?? 0,
            report: {
              version: request.version,
              adapter: request.adapter,
              pageKind: request.pageKind,
              selectors: request.selectors,
              calls: [...page.calls],
            },
          },
          where,
        );
      return { views, card, state: out?.state ?? null, ...(notes.refusals?.length ? { retry: true } : {}) };
    },
    forget(prefix) {
      for (const key of [...pages.keys()]) if (key.startsWith(prefix)) pages.delete(key);
    },
  };
}
