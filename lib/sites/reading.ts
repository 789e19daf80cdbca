// An adapter in two halves, so the page carries only what needs the page. The page half (in the
// content script) says which URLs it handles, where the badges go and what the page shows that a
// read needs (its facts: the weeks on screen, the signed-in athlete, a CSRF token, the page's own
// JSON). The read half (a RunReader, in the background) fetches and pages through the site's
// JSON, reads it into runs and notes what it found. Between them a transport: in the extension a
// runtime message, the background's same-origin calls made by the tab (lib/content/proxy.ts: the
// background has no host permission, and the page's cookies are the page's); in tests and
// site-check the reader itself, in process. Both run the same code below.
// Pure of zod and Preact: the content script imports this module.
import type { Run } from '../load/types';
import type { AdapterContext, AdapterNotes, SiteAdapter } from './types';
import type { CallRecord } from '../content/report';

/**
 * What a page shows that a read needs: `key` is the same whenever the read would be the same.
 * `data` is read only when a read is sent (it may be a getter doing the costlier work).
 */
export interface PageFacts {
  key: string;
  readonly data: unknown;
}

/** The page half of an adapter: a SiteAdapter without the reading. */
export interface PagePart extends Omit<SiteAdapter, 'readRuns' | 'prepare'> {
  /** What the read needs from the page now; null: nothing to read (no runs). Never throws. */
  facts(doc: Document, today: string): PageFacts | null;
  /**
   * What the reader says about its reading (what it covers), for findAnchors. True: the reader
   * lacked something the facts left out as already sent (a restarted background): read again.
   */
  accept?(state: unknown, facts: PageFacts, today: string): boolean | void;
  /** The page carries data before its weeks render: have the reader start on it at once. */
  prepares?: boolean;
}

/** The read half: the runs for these facts (the same array while nothing new was read). */
export interface RunReader {
  read(facts: unknown, ctx: AdapterContext, prepare?: boolean): Promise<Run[]>;
  /** What the page half's accept() gets after each read (plain data). */
  state?(): unknown;
}

/** What one read gave: runs, what it noted, its calls' structure, the reader's state. */
export interface ReadReply {
  runs: Run[];
  /** Changes whenever `runs` does: the same version means the same runs. */
  version: string;
  notes: AdapterNotes;
  state: unknown;
  calls?: CallRecord[];
}

export type ReadTransport = (adapter: string, facts: unknown, ctx: AdapterContext, prepare?: boolean) => Promise<ReadReply | null>;

/** After a read that met a refusal, the same facts are read again after this long (here and in lib/content/core). */
export const READ_RETRY_MS = 60_000;

/**
 * The whole adapter from its page half and a transport. A read with the same facts as the last
 * (and no refusal to retry) costs no message; a page that changed while its runs were read is
 * read once more for what it shows now.
 */
export function readingAdapter(page: PagePart, transport: ReadTransport, now: () => number = () => Date.now()): SiteAdapter {
  let last: { key: string; at: number; reply: ReadReply } | null = null;
  const retry = () => !!last?.reply.notes.refusals?.length && now() - last.at >= READ_RETRY_MS;
  return {
    ...page,
    async readRuns(doc, ctx) {
      try {
        let read: ReadReply | null = null;
        let again = false;
        for (let round = 0; round < 2; round++) {
          const facts = page.facts(doc, ctx.today);
          if (!facts) return [];
          const key = `${ctx.today}|${facts.key}`;
          if (last?.key === key && !again && !(round === 0 && retry())) break;
          const reply = await transport(page.id, facts.data, ctx);
          if (!reply || !Array.isArray(reply.runs)) break;
          // The same runs stay the same array (the core compares identities).
          if (last?.reply.version === reply.version) reply.runs = last.reply.runs;
          last = { key, at: now(), reply };
          read = reply;
          again = page.accept?.(reply.state, facts, ctx.today) === true;
          if (reply.calls) ctx.record?.(reply.calls);
        }
        // Each reply restates what the reader knows of the page view: the last one is the notes.
        if (read) ctx.note?.(read.notes);
        return last?.reply.runs ?? [];
      } catch {
        return [];
      }
    },
    ...(page.prepares && {
      prepare(doc: Document, ctx: AdapterContext) {
        const facts = page.facts(doc, ctx.today);
        if (facts)
          void transport(page.id, facts.data, ctx, true)
            .then((reply) => reply && page.accept?.(reply.state, facts, ctx.today))
            .catch(() => null);
      },
    }),
  };
}

/** The transport in process (tests, site-check): the reader itself, with the caller's context. */
export function localTransport(readers: Record<string, RunReader>): ReadTransport {
  const versions = new WeakMap<Run[], string>();
  let count = 0;
  return async (adapter, facts, ctx, prepare) => {
    const reader = readers[adapter];
    if (!reader) return null;
    const notes: AdapterNotes[] = [];
    const runs = await reader.read(facts, { ...ctx, note: (more) => void notes.push(more) }, prepare);
    let version = versions.get(runs);
    if (version === undefined) versions.set(runs, (version = String(++count)));
    return { runs, version, notes: mergeNotes(notes), state: reader.state?.() ?? null };
  };
}

/** What one read noted, merged (as the core merges them). */
export function mergeNotes(all: readonly AdapterNotes[]): AdapterNotes {
  const into: AdapterNotes = {};
  for (const more of all) {
    if (typeof more !== 'object' || more === null) continue;
    if (Array.isArray(more.sources)) into.sources = [...(into.sources ?? []), ...more.sources].slice(-20);
    if (Array.isArray(more.refusals)) into.refusals = [...(into.refusals ?? []), ...more.refusals].slice(-20);
    if (Array.isArray(more.incompleteDays))
      into.incompleteDays = [...new Set([...(into.incompleteDays ?? []), ...more.incompleteDays])].slice(0, 400);
    if (typeof more.coveredFrom === 'string') into.coveredFrom = more.coveredFrom;
  }
  return into;
}
