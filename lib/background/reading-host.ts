// The background's side of the page reads (lib/sites/reading.ts): each built-in site's read half
// runs here, one state per tab's page (its content script's token), and its same-origin calls are
// made by that tab (lib/content/remote.ts: the background has no host permission, and the page's
// cookies stay the page's), one at a time and spaced out. The site's JSON is read into runs here too (lib/sites/parse), and its
// structure kept for the page report (lib/content/report: keys and types, never a value).
// Everything a content script sends is untrusted: the facts are checked by each reader, the
// answers by the parsers; nothing is stored.
import { FetchRefused } from '../content/fetch';
import { PROXY_FETCH, type ProxyAnswer, type ProxyFetchMessage } from '../content/remote';
import { recordingFetch, shapeOf, type CallRecord } from '../content/report';
import type { Run } from '../load/types';
import { createGarminReader } from '../sites/garmin';
import { createIntervalsReader } from '../sites/intervals';
import { parseSiteData } from '../sites/parse';
import { createSerialQueue, type SerialQueue } from '../serial';
import { mergeNotes, type ReadReply, type RunReader } from '../sites/reading';
import { stravaReadersById } from '../sites/strava';
import type { AdapterContext, AdapterNotes, FetchJsonInit } from '../sites/types';

/** Each site's readers by page adapter id, sharing one page view's state. */
const SITE_READERS: Record<string, () => Record<string, RunReader>> = {
  strava: () => stravaReadersById(),
  garmin: () => ({ 'garmin-connect': createGarminReader() }),
  intervals: () => ({ 'intervals-icu': createIntervalsReader() }),
};
const SITE_OF: Record<string, string> = {
  'strava-training-log': 'strava',
  'strava-dashboard': 'strava',
  'strava-profile': 'strava',
  'garmin-connect': 'garmin',
  'intervals-icu': 'intervals',
};

/** The built-in site whose page half has this id, or undefined. */
export const builtInSiteOf = (adapter: string): string | undefined => (Object.hasOwn(SITE_OF, adapter) ? SITE_OF[adapter] : undefined);

/** Pages whose reader state is kept (the latest used); an older page starts over if it asks again. */
const MAX_PAGES = 24;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How the host reaches a tab's content script (tests give their own). */
export type AskTab = (tabId: number, frameId: number, message: ProxyFetchMessage) => Promise<unknown>;

interface PageState {
  readers: Record<string, RunReader>;
  versions: WeakMap<Run[], string>;
  /** The page's calls, one at a time, their starts at least `minGapMs` apart. */
  queue: SerialQueue;
  lastCall: number;
}

export interface ReadingHostOptions {
  /** Minimum gap between the starts of two calls for one page, ms (default 600). */
  minGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What a page's pass asks to read (lib/content/pass PassRequest), from which tab and frame. */
export interface ReadRequest {
  tabId: number;
  frameId: number;
  /** The page's token. */
  page: string;
  /** The page half's id. */
  adapter: string;
  facts: unknown;
  today: string;
  prepare?: boolean;
}

export interface ReadingHost {
  /** The runs for a page's facts: the reply, or null when the adapter is not a built-in site's. */
  read(request: ReadRequest): Promise<ReadReply | null>;
  /** A tab was closed: its pages' states go. */
  forgetTab(tabId: number): void;
}

export function createReadingHost(askTab: AskTab, options: ReadingHostOptions = {}): ReadingHost {
  const { minGapMs = 600, now = () => Date.now(), sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = options;
  const pages = new Map<string, PageState>();
  let versions = 0;
  // A version is unique to this background's life: a restarted one never repeats an old one.
  const epoch = Math.random().toString(36).slice(2, 8);

  function stateOf(key: string, site: string): PageState {
    let state = pages.get(key);
    if (state) pages.delete(key);
    else state = { readers: SITE_READERS[site]!(), versions: new WeakMap(), queue: createSerialQueue(), lastCall: -Infinity };
    pages.set(key, state);
    for (const old of pages.keys()) {
      if (pages.size <= MAX_PAGES) break;
      pages.delete(old);
    }
    return state;
  }

  /** A same-origin GET made by the tab; rejects with FetchRefused like the tab's own fetch would. */
  function tabFetch(tabId: number, frameId: number, page: string, state: PageState) {
    return async (path: string, init?: FetchJsonInit): Promise<unknown> => {
      const answer = await state.queue(async () => {
        const wait = state.lastCall + minGapMs - now();
        if (wait > 0) await sleep(wait);
        state.lastCall = now();
        try {
          return (await askTab(tabId, frameId, { type: PROXY_FETCH, page, path, ...(init && { init }) })) as ProxyAnswer | null;
        } catch {
          return null;
        }
      });
      if (answer && 'json' in answer) return answer.json;
      const refused = answer && 'refused' in answer ? answer.refused : null;
      if (!refused || typeof refused.reason !== 'string') throw new FetchRefused('network', 'the tab did not answer');
      throw new FetchRefused(refused.reason, refused.reason, typeof refused.status === 'number' ? refused.status : undefined);
    };
  }

  return {
    async read(m) {
      const site = builtInSiteOf(m.adapter);
      if (!site || m.page.length > 64 || !DAY.test(m.today)) return null;
      const { tabId, frameId } = m;
      const state = stateOf(`${tabId}:${frameId}:${m.page}`, site);
      const reader = state.readers[m.adapter];
      // A token first used with another site's page half: not this one's state.
      if (!reader) return null;
      const calls: CallRecord[] = [];
      const recorder = recordingFetch(tabFetch(tabId, frameId, m.page, state), calls);
      const notes: AdapterNotes[] = [];
      const ctx: AdapterContext = {
        fetchJson: recorder.fetch,
        parse: async (request) => {
          recorder.shaped(request.data, shapeOf(request.data));
          return parseSiteData(request.kind, request.data, request.athleteId, request.range);
        },
        today: m.today,
        note: (more) => void notes.push(more),
      };
      let runs: Run[] = [];
      try {
        runs = await reader.read(m.facts, ctx, m.prepare === true);
      } catch {
        runs = [];
      }
      let version = state.versions.get(runs);
      if (version === undefined) state.versions.set(runs, (version = `${epoch}:${++versions}`));
      return { runs, version, notes: mergeNotes(notes), state: reader.state?.() ?? null, calls };
    },
    forgetTab(tabId) {
      for (const key of [...pages.keys()]) if (key.startsWith(`${tabId}:`)) pages.delete(key);
    },
  };
}
