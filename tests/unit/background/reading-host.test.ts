// @vitest-environment happy-dom
// The background's reads (lib/background/reading-host) with the tab's side (lib/content/remote):
// known page halves only, one reader state per page, every call made by the tab with the page's
// token, the calls' structure (never a value) for the page report, and the whole adapter (page
// half in the page, read half in the background) giving what the in-process adapter gives.
// Which senders may ask is checked where passes arrive (lib/background/page-host).
import { describe, expect, it } from 'vitest';
import { createReadingHost, type AskTab, type ReadRequest } from '../../../lib/background/reading-host';
import { createSameOriginAnswer } from '../../../lib/content/fetch';
import { proxyListener, type ProxyAnswer, type ProxyFetchMessage } from '../../../lib/content/remote';
import { createGarminAdapter } from '../../../lib/sites/garmin';
import { createGarminPage } from '../../../lib/sites/garmin-page';
import { readingAdapter, type ReadTransport } from '../../../lib/sites/reading';
import { fakeContext, loadPage, mergedNotes, pageJson } from '../sites/other-sites-helpers';

const OWN = 'own-id';
const TAB = { id: 7 };
const activities = pageJson('garmin-activities.json');
const SEARCH = '/gc-api/activitylist-service/activities/search/activities';
const TODAY = '2026-02-18';

/** A tab whose content script answers the host's calls from `routes` (the tab's fetch). */
function tab(routes: Record<string, unknown>) {
  const asked: ProxyFetchMessage[] = [];
  const ask: AskTab = async (tabId, frameId, message) => {
    asked.push(message);
    expect([tabId, frameId]).toEqual([TAB.id, 0]);
    const route = Object.keys(routes).find((prefix) => message.path.startsWith(prefix));
    if (route === undefined) return { refused: { reason: 'not-found', status: 404 } } satisfies ProxyAnswer;
    const value = routes[route];
    return (value && typeof value === 'object' && 'refused' in value ? value : { json: structuredClone(value) }) as ProxyAnswer;
  };
  return { asked, ask };
}

const garminRead = (facts: unknown, page = 'page-1'): ReadRequest => ({
  tabId: TAB.id,
  frameId: 0,
  page,
  adapter: 'garmin-connect',
  facts,
  today: TODAY,
});
const FACTS = { weeks: ['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16'], csrf: 'token-1' };

describe('the reading host', () => {
  it("reads only for a built-in site's page half, a short token and a real day", async () => {
    const { asked, ask } = tab({});
    const host = createReadingHost(ask);
    for (const adapter of ['storage', 'generic', 'constructor', '__proto__', 'toString'])
      expect(await host.read({ ...garminRead(FACTS), adapter })).toBeNull();
    expect(await host.read({ ...garminRead(FACTS), today: 'soon' })).toBeNull();
    expect(await host.read(garminRead(FACTS, 'x'.repeat(65)))).toBeNull();
    // A page's token is its site's: another site's page half with it gets nothing.
    await host.read({ ...garminRead(FACTS, 'shared'), adapter: 'intervals-icu', facts: null });
    expect(await host.read(garminRead(FACTS, 'shared'))).toBeNull();
    expect(asked).toEqual([]);
  });

  it("reads through the tab with the page's token and CSRF header; the same facts again cost no call", async () => {
    const { asked, ask } = tab({ [SEARCH]: activities });
    const host = createReadingHost(ask, { minGapMs: 0 });
    const reply = (await host.read(garminRead(FACTS)))!;
    expect(reply.runs).toHaveLength(13);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ page: 'page-1', init: { headers: { 'connect-csrf-token': 'token-1' } } });
    expect(reply.notes.sources).toEqual([{ source: 'garmin:activity-search', runs: 13 }]);
    expect(reply.state).toEqual({ covered: { from: '2025-11-26', to: '2026-02-22' } });
    // The call's structure for the page report: a coarse path and the answer's shape, no value.
    expect(reply.calls).toEqual([{ path: '/gc-api/… (5 segments)', outcome: 'ok', shape: expect.stringMatching(/^\[\{/) }]);
    expect(JSON.stringify(reply.calls)).not.toMatch(/2026|1001|token-1/);
    const again = (await host.read(garminRead(FACTS)))!;
    expect(asked).toHaveLength(1);
    expect(again.version).toBe(reply.version);
    // Another page (another token) has its own state; a closed tab's state goes.
    await host.read(garminRead(FACTS, 'page-2'));
    expect(asked).toHaveLength(2);
    host.forgetTab(TAB.id);
    await host.read(garminRead(FACTS));
    expect(asked).toHaveLength(3);
  });

  it("a page's calls go one at a time, their starts at least the gap apart", async () => {
    let now = 0;
    const starts: number[] = [];
    let open = 0;
    const ask: AskTab = async (_tab, _frame, message) => {
      starts.push(now);
      expect(++open).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      open--;
      return message.path.includes('calendar-service')
        ? { json: { calendarItems: [] } }
        : { refused: { reason: 'forbidden', status: 403 } };
    };
    const host = createReadingHost(ask, {
      minGapMs: 500,
      now: () => now,
      sleep: async (ms) => void (now += ms),
    });
    // The activity search refused, then the calendar month by month.
    const facts = { weeks: ['2025-10-06', '2026-02-16'], csrf: null };
    await host.read(garminRead(facts));
    expect(starts.length).toBeGreaterThan(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(500);
  });

  it("a refusal in the tab is the reader's refusal, with its status", async () => {
    const { ask } = tab({ '/gc-api/': { refused: { reason: 'forbidden', status: 403 } } });
    const reply = (await createReadingHost(ask).read(garminRead(FACTS)))!;
    expect(reply.runs).toEqual([]);
    expect(reply.notes.refusals).toContainEqual({ source: 'garmin:activity-search', reason: 'forbidden', status: 403 });
    expect(reply.calls?.[0]?.outcome).toBe('forbidden (HTTP 403)');
    const silent = (await createReadingHost(async () => undefined).read(garminRead(FACTS)))!;
    expect(silent.notes.refusals?.[0]?.reason).toBe('network');
  });

  it('the whole adapter through the host (page half here, read half there) reads and anchors as the in-process one', async () => {
    const doc = loadPage('garmin-calendar.html');
    const { ask } = tab({ [SEARCH]: activities });
    const host = createReadingHost(ask);
    const transport: ReadTransport = (adapter, facts, ctx, prepare) =>
      host.read({ tabId: TAB.id, frameId: 0, page: 'page-1', adapter, facts, today: ctx.today, prepare });
    const remote = readingAdapter(createGarminPage(), transport);
    const local = createGarminAdapter();
    const ctxRemote = fakeContext({});
    const ctxLocal = fakeContext({ [SEARCH]: activities });
    const records: unknown[] = [];
    ctxRemote.record = (calls) => void records.push(...calls);
    expect(await remote.readRuns(doc, ctxRemote)).toEqual(await local.readRuns(doc, ctxLocal));
    expect(mergedNotes(ctxRemote.notes)).toEqual(mergedNotes(ctxLocal.notes));
    expect(ctxRemote.calls).toEqual([]);
    expect(records).toHaveLength(1);
    expect(remote.findAnchors(doc).map((a) => a.key)).toEqual(local.findAnchors(doc).map((a) => a.key));
  });
});

describe("the tab's side", () => {
  const answerOf = async (
    message: unknown,
    from: { id?: string; tab?: unknown },
    fetchAnswer: (path: string) => Promise<ProxyAnswer> = async () => ({ json: { ok: 1 } }),
  ) => {
    let answer: unknown = 'none';
    const handled = proxyListener('tok', () => OWN, fetchAnswer)(message, from, (a) => (answer = a));
    await new Promise((r) => setTimeout(r, 0));
    return { handled, answer };
  };
  const call = { type: 'knee-check:proxy-fetch', page: 'tok', path: '/api/x' };

  it("answers only our background, for this page's token", async () => {
    expect(await answerOf(call, { id: OWN })).toEqual({ handled: true, answer: { json: { ok: 1 } } });
    expect(await answerOf({ ...call, page: 'other' }, { id: OWN })).toEqual({ handled: undefined, answer: 'none' });
    expect(await answerOf(call, { id: 'other' })).toEqual({ handled: undefined, answer: 'none' });
    // A content script in a tab (ours or not) is not the background.
    expect(await answerOf(call, { id: OWN, tab: { id: 1 } })).toEqual({ handled: undefined, answer: 'none' });
  });

  it('a refused call is its reason and status, nothing else', async () => {
    const tabFetch = createSameOriginAnswer({
      origin: 'https://x.example',
      fetch: (async () => new Response('{"secret":"Anna"}', { status: 429 })) as unknown as typeof fetch,
    });
    expect((await answerOf(call, { id: OWN }, tabFetch)).answer).toEqual({ refused: { reason: 'rate-limited', status: 429 } });
    const broken = async (): Promise<ProxyAnswer> => {
      throw new Error('https://x.example/secret');
    };
    expect((await answerOf(call, { id: OWN }, broken)).answer).toEqual({ refused: { reason: 'network' } });
  });
});
