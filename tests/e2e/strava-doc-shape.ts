// The Strava Training Log in its documented shape (docs/research/sites.md, 2026-12): the saved
// page, its weeks, and what the product's own adapter reads from it, for the Chromium and
// Firefox end-to-end tests to compare the badges with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { FetchRefused } from '../../lib/content/fetch';
import type { Coverage } from '../../lib/load/context';
import type { Run } from '../../lib/load/types';
import { parseLocally } from '../../lib/sites/parse';
import { createStravaAdapters } from '../../lib/sites/strava';
import type { AdapterContext } from '../../lib/sites/types';
import { localToday, PAGES_DIR, stravaResponse, type SiteOptions } from './site-server';

const STRAVA = 'https://www.strava.com';
const LOG = '/athletes/123/training/log';
export const DOC_SHAPE_PAGE = 'strava-training-log-doc-shape.html';
/** The Mondays of its week rows. */
export const DOC_SHAPE_WEEKS = ['2024-03-11', '2024-03-04', '2024-02-26', '2024-02-19', '2024-02-12', '2024-02-05'];

/**
 * What the product's own Training Log adapter reads from the saved page, answered exactly as the
 * browser is (site-server.ts, a fresh feed), in Node on a happy-dom copy of the page: its runs and
 * the coverage it notes (the content core judges every comparison on that coverage).
 */
export async function adapterRead(opts: SiteOptions): Promise<{ runs: Run[]; coverage: Coverage }> {
  const win = new Window({
    url: STRAVA + LOG,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(readFileSync(join(PAGES_DIR, DOC_SHAPE_PAGE), 'utf8'));
  const fresh: SiteOptions = { ...opts, onRequest: undefined };
  const coverage: { coveredFrom?: string; incompleteDays: string[] } = { incompleteDays: [] };
  const ctx: AdapterContext = {
    today: localToday(),
    parse: parseLocally,
    // As lib/content/fetch.ts asks: same origin, X-Requested-With; a refusal for any error status.
    fetchJson: async (path) => {
      const response = stravaResponse(new URL(STRAVA + path), fresh, { 'x-requested-with': 'XMLHttpRequest' });
      if (response.status >= 400) throw new FetchRefused('bad-response', `HTTP ${response.status}`, response.status);
      return JSON.parse(response.body) as unknown;
    },
    note: (notes) => {
      if (notes.coveredFrom !== undefined) coverage.coveredFrom = notes.coveredFrom;
      coverage.incompleteDays.push(...(notes.incompleteDays ?? []));
    },
  };
  const runs = await createStravaAdapters().trainingLog.readRuns(win.document as unknown as Document, ctx);
  return { runs, coverage };
}
