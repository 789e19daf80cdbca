// Shared by the Garmin, intervals.icu and generic adapter tests: saved pages and a fake same-origin fetch.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FetchRefused } from '../../../lib/content/fetch';
import type { AdapterContext, AdapterNotes, FetchJsonInit } from '../../../lib/sites/types';
import { parseLocally } from '../../../lib/sites/parse';

export const PAGES = resolve(__dirname, '../../fixtures/pages');
export const REAL_FIXTURES = resolve(__dirname, '../../fixtures/real');

export function pageText(name: string): string {
  return readFileSync(resolve(PAGES, name), 'utf8');
}

export function pageJson(name: string): unknown {
  return JSON.parse(pageText(name));
}

/** A saved page as a live document (happy-dom). */
export function loadPage(name: string): Document {
  return htmlDocument(pageText(name));
}

export function htmlDocument(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

export type Route = unknown | ((path: string, init?: FetchJsonInit) => unknown);

/** Everything the notes said, merged (sources and refusals concatenated, the last coverage). */
export function mergedNotes(
  notes: readonly AdapterNotes[],
): Required<Pick<AdapterNotes, 'sources' | 'refusals' | 'incompleteDays'>> & { coveredFrom?: string } {
  const out: ReturnType<typeof mergedNotes> = { sources: [], refusals: [], incompleteDays: [] };
  for (const n of notes) {
    out.sources.push(...(n.sources ?? []));
    out.refusals.push(...(n.refusals ?? []));
    out.incompleteDays.push(...(n.incompleteDays ?? []));
    if (n.coveredFrom !== undefined) out.coveredFrom = n.coveredFrom;
  }
  return out;
}

/**
 * A fetchJson that answers from `routes` (path prefix → JSON, or a function; an Error value
 * rejects) and records every path asked for. Unknown paths reject like a 404.
 */
export interface FakeContext extends AdapterContext {
  calls: string[];
  /** The headers each call sent (same order as calls). */
  headers: (Record<string, string> | undefined)[];
  /** Every note the adapter gave. */
  notes: AdapterNotes[];
}

export function fakeContext(routes: Record<string, Route>, today = '2026-02-18'): FakeContext {
  const calls: string[] = [];
  const headers: (Record<string, string> | undefined)[] = [];
  const notes: AdapterNotes[] = [];
  return {
    calls,
    headers,
    notes,
    today,
    note: (n) => void notes.push(n),
    parse: parseLocally,
    async fetchJson(path: string, init?: FetchJsonInit) {
      calls.push(path);
      headers.push(init?.headers);
      const match = Object.keys(routes)
        .filter((prefix) => path.startsWith(prefix))
        .sort((a, b) => b.length - a.length)[0];
      if (match === undefined) throw new FetchRefused('not-found', 'HTTP 404', 404);
      const route = routes[match];
      const value = typeof route === 'function' ? (route as (p: string, init?: FetchJsonInit) => unknown)(path, init) : route;
      if (value instanceof Error) throw value;
      return structuredClone(value);
    },
  };
}
