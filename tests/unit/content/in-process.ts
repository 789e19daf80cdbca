// The content-script core and the background's page service joined in process, as the extension
// joins them by message: full adapters (page and read in one, as site-check runs them) become page
// halves whose every pass reads again, and the service reads them here, with the test's settings.
import { createPageService, type PageServiceDeps, type ReadOutcome } from '../../../lib/background/page-service';
import type { PageStatus } from '../../../lib/content/messages';
import type { PassRequest } from '../../../lib/content/pass';
import type { Run } from '../../../lib/load/types';
import { defaultSettings, type Settings } from '../../../lib/settings/defaults';
import { mergeNotes, type PagePart } from '../../../lib/sites/reading';
import type { AdapterContext, AdapterNotes, SiteAdapter } from '../../../lib/sites/types';

export interface InProcessOptions extends Partial<Omit<PageServiceDeps, 'settings'>> {
  settings?: () => Settings | Promise<Settings>;
  /** The page's origin (a user-added site's must be in settings.customSites). */
  origin?: string;
  fetchJson?: AdapterContext['fetchJson'];
}

export function inProcess(adapters: readonly SiteAdapter[], options: InProcessOptions = {}) {
  let settings: Settings = defaultSettings();
  let n = 0;
  const byId = new Map(adapters.map((a) => [a.id, a]));
  const versions = new WeakMap<Run[], string>();
  const statuses: (PageStatus | null)[] = [];
  const requests: PassRequest[] = [];
  const parts: PagePart[] = adapters.map((a) => ({
    ...a,
    // A new key every pass: the service reads again each time, as the core once did.
    facts: () => ({ key: String(++n), data: null }),
    ...(a.prepare && { prepares: true }),
  }));

  async function read(request: PassRequest): Promise<ReadOutcome | null> {
    const adapter = byId.get(request.adapter);
    if (!adapter) return null;
    const notes: AdapterNotes[] = [];
    const ctx: AdapterContext = {
      fetchJson: options.fetchJson ?? (async () => ({})),
      today: request.today,
      note: (more) => void notes.push(more),
    };
    if (request.prepare) {
      adapter.prepare?.(document, ctx);
      return null;
    }
    const got = await adapter.readRuns(document, ctx);
    const runs = Array.isArray(got) ? got : [];
    let version = versions.get(runs);
    if (version === undefined) versions.set(runs, (version = String(++n)));
    return { runs, version, notes: mergeNotes(notes) };
  }

  const service = createPageService({
    locale: 'en-US',
    read,
    status: (status) => statuses.push(status),
    ...options,
    settings: options.settings ?? (() => settings),
  });
  let onChange: (() => void) | null = null;
  return {
    parts,
    statuses,
    requests,
    send: (request: PassRequest) => {
      requests.push(request);
      return service.pass(request, {
        tabId: 1,
        frameId: 0,
        key: `1:0:${request.page}`,
        origin: options.origin ?? 'https://www.strava.com',
        top: true,
      });
    },
    watchChanges: (cb: () => void) => {
      onChange = cb;
      return () => void (onChange = null);
    },
    setSettings(next: Settings) {
      settings = next;
      onChange?.();
    },
    watching: () => onChange !== null,
  };
}
