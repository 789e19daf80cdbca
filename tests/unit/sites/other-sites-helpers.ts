// Shared by the Garmin, intervals.icu and generic adapter tests: saved pages and a fake same-origin fetch.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AdapterContext } from '../../../lib/sites/types';

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

export type Route = unknown | ((path: string) => unknown);

/**
 * A fetchJson that answers from `routes` (path prefix → JSON, or a function; an Error value
 * rejects) and records every path asked for. Unknown paths reject like a 404.
 */
export function fakeContext(routes: Record<string, Route>, today = '2026-02-18'): AdapterContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    today,
    async fetchJson(path: string) {
      calls.push(path);
      const match = Object.keys(routes)
        .filter((prefix) => path.startsWith(prefix))
        .sort((a, b) => b.length - a.length)[0];
      if (match === undefined) throw new Error(`404 ${path}`);
      const route = routes[match];
      const value = typeof route === 'function' ? (route as (p: string) => unknown)(path) : route;
      if (value instanceof Error) throw value;
      return structuredClone(value);
    },
  };
}
