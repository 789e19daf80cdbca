// @vitest-environment happy-dom
// The page status: the background keeps only valid statuses from our own content script's top
// frame; the popup says in words what happened on the page, or nothing; "Copy a page report".
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageStatus } from '../../../components/status/PageStatus';
import { PAGE_STATUS, type PageStatus as Status } from '../../../lib/content/messages';
import { statusWords } from '../../../lib/content/page-status';
import { pageStatusUpdate } from '../../../lib/content/page-status-background';

const status = (over: Partial<Status> = {}): Status => ({
  site: 'strava',
  adapter: 'strava-training-log',
  pageKind: 'Strava Training Log',
  runs: 58,
  sources: [{ source: 'strava:training-activities', runs: 58 }],
  refusals: [],
  anchors: 12,
  weeksBadged: 12,
  card: false,
  incompleteDays: 0,
  report: {
    version: '0.1.0',
    adapter: 'strava-training-log',
    pageKind: 'Strava Training Log',
    selectors: [{ selector: '.week', count: 12 }],
    calls: [{ path: '/athlete/… (2 segments)', outcome: 'ok', shape: '{models:[{distance:number}]}' }],
  },
  ...over,
});

describe('statusWords', () => {
  it('badges placed', () => {
    expect(statusWords(status())!.headline).toBe('Strava Training Log: 12 weeks annotated from 58 runs.');
  });
  it('the fallback card', () => {
    expect(statusWords(status({ anchors: 0, weeksBadged: 0, card: true }))!.headline).toMatch(
      /^Your runs were read, but this page's layout was not recognised: see the Knee Check card/,
    );
  });
  it('signed out', () => {
    expect(
      statusWords(
        status({
          runs: 0,
          weeksBadged: 0,
          anchors: 12,
          refusals: [{ source: 'strava:training-activities', reason: 'signed-out', status: 401 }],
        }),
      )!.headline,
    ).toBe('Strava said you are signed out: sign in to see your knee-load badges.');
  });
  it('refused or partial data is named, with its HTTP status', () => {
    const words = statusWords(
      status({
        site: 'garmin',
        pageKind: 'Garmin Connect calendar',
        runs: 0,
        weeksBadged: 0,
        refusals: [{ source: 'garmin:calendar', reason: 'forbidden', status: 403 }],
      }),
    )!;
    expect(words.headline).toBe('Garmin Connect calendar: your runs could not be read.');
    expect(words.details).toContain('Garmin Connect refused access (HTTP 403).');
    expect(statusWords(status({ incompleteDays: 2 }))!.details.join(' ')).toMatch(/synced from Strava could not be read/);
  });
  it('names where the runs were read in words, not ids', () => {
    const sources = [
      { source: 'strava:training-log-page', runs: 38 },
      { source: 'strava:training-activities', runs: 1 },
      { source: 'strava:dashboard-feed', runs: 92 },
    ];
    expect(statusWords(status({ sources }))!.details).toContain(
      'Runs read from the Training Log page (38 runs), your Strava activities (1 run) and your Strava activity feed (92 runs).',
    );
    expect(statusWords(status({ sources: [{ source: 'page:dated-rows', runs: 5 }] }))!.details).toContain(
      "Runs read from this page's dated rows (5 runs).",
    );
    // Every source a reader notes has its words.
    for (const source of ['garmin:activity-search', 'garmin:calendar', 'intervals:activities'])
      expect(statusWords(status({ sources: [{ source, runs: 2 }] }))!.details.join(' ')).not.toContain(source);
  });
  it('nothing when the tab is not a running log Knee Check reads', () => {
    expect(statusWords(null)).toBeNull();
    expect(statusWords(status({ runs: 0, anchors: 0, weeksBadged: 0, sources: [] }))).toBeNull();
  });
});

describe('pageStatusUpdate (background)', () => {
  const own = { id: 'me', frameId: 0, tab: { id: 7 } };
  it("keeps a valid status from our own content script in a tab's top frame", () => {
    expect(pageStatusUpdate({ type: PAGE_STATUS, status: status() }, own, 'me')).toEqual({ key: 'page-status:7', value: status() });
    expect(pageStatusUpdate({ type: PAGE_STATUS, status: null }, own, 'me')).toEqual({ key: 'page-status:7', value: null });
  });
  it('refuses other extensions, sub-frames, extension pages and malformed statuses', () => {
    expect(pageStatusUpdate({ type: PAGE_STATUS, status: status() }, { ...own, id: 'other' }, 'me')).toBeNull();
    expect(pageStatusUpdate({ type: PAGE_STATUS, status: status() }, { ...own, frameId: 3 }, 'me')).toBeNull();
    expect(pageStatusUpdate({ type: PAGE_STATUS, status: status() }, { id: 'me' }, 'me')).toBeNull();
    expect(pageStatusUpdate({ type: PAGE_STATUS, status: { ...status(), weeksBadged: 'many' } }, own, 'me')).toBeNull();
    expect(
      pageStatusUpdate({ type: PAGE_STATUS, status: { ...status(), report: { ...status().report, calls: 'x' } } }, own, 'me'),
    ).toBeNull();
  });
});

describe('PageStatus (popup)', () => {
  let root: HTMLElement;
  const flush = async () => {
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  };
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows the words, and copies a structure-only report', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const s = status();
    await act(() => render(<PageStatus load={async () => s} />, root));
    await flush();
    expect(root.textContent).toContain('Strava Training Log: 12 weeks annotated from 58 runs.');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy a page report')!;
    await act(async () => button.click());
    await flush();
    const text = writeText.mock.calls[0]![0];
    expect(JSON.parse(text)).toMatchObject({
      kind: 'knee-check-page-report',
      adapter: 'strava-training-log',
      version: '0.1.0',
      counts: { runs: 58, weeksBadged: 12 },
    });
    expect(root.textContent).toContain('Page report copied');
  });
  it('renders nothing for a tab that is not a running log', async () => {
    await act(() => render(<PageStatus load={async () => null} />, root));
    await flush();
    expect(root.innerHTML).toBe('');
  });
});
