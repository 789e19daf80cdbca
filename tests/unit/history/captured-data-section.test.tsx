// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CapturedDataSection, formatRunDate, siteName } from '../../../components/options/CapturedDataSection';
import { capturedRunsItem, corruptHistoryItem, historyPrefsItem, loadCapturedRuns, loadHistory, recordRuns } from '../../../lib/history';
import { handleForgetMessage } from '../../../lib/history/background';

let root: HTMLElement;

async function flush() {
  for (let i = 0; i < 10; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
async function mount() {
  await act(() => render(<CapturedDataSection />, root));
  await flush();
}
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);

beforeEach(() => {
  fakeBrowser.reset();
  // The background's forget handler, as the options page reaches it (the fake browser's sender is empty).
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    void handleForgetMessage(message, sender, fakeBrowser.runtime.id, fakeBrowser.runtime.getURL('/')).then(sendResponse);
    return true;
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('CapturedDataSection', () => {
  it('says nothing is kept yet, that nothing leaves the device, and has nothing to forget', async () => {
    await mount();
    expect(root.querySelector('h2')?.textContent).toBe('Captured runs');
    expect(root.textContent).toContain('No runs captured yet.');
    expect(root.textContent).toContain('never leave this device');
    expect(button('Forget my captured runs…')?.disabled).toBe(true);
    expect(button('Download a copy')).toBeUndefined();
  });

  it('shows how many runs, from which sites, over which dates, and follows new captures', async () => {
    await recordRuns('garmin', [
      { start: '2026-01-03T08:00:00', km: 8, id: '1' },
      { start: '2026-02-16T07:00:00', km: 5, id: '2' },
    ]);
    await recordRuns('https://runalyze.com', [{ start: '2026-02-10T07:00:00', km: 7 }]);
    await mount();
    const summary = root.querySelector('#captured-summary')!.textContent!;
    expect(summary).toContain('3 runs kept');
    expect(summary).toContain(formatRunDate('2026-01-03T08:00:00'));
    expect(summary).toContain(formatRunDate('2026-02-16T07:00:00'));
    expect([...root.querySelectorAll('.captured__sites li')].map((li) => li.textContent)).toEqual([
      'Garmin Connect: 2 runs Forget…',
      'https://runalyze.com: 1 run (a site you added) Forget…',
    ]);
    // A running-log tab captures another run while options is open.
    await recordRuns('intervals', [{ start: '2026-02-17T07:00:00', km: 6, id: 'i1' }]);
    await flush();
    expect(root.querySelector('#captured-summary')!.textContent).toContain('4 runs kept');
  });

  it('forgets after a confirm step; cancel keeps everything', async () => {
    await recordRuns('garmin', [{ start: '2026-01-03T08:00:00', km: 8, id: '1' }]);
    await mount();
    await act(() => button('Forget my captured runs…')!.click());
    expect(root.querySelector('#forget-confirm-text')?.textContent).toContain('Forget all 1 run');
    expect(document.activeElement?.textContent).toBe('Forget my captured runs');
    await act(() => button('Cancel')!.click());
    expect(await loadCapturedRuns()).toHaveLength(1);

    await act(() => button('Forget my captured runs…')!.click());
    await act(() => button('Forget my captured runs')!.click());
    await flush();
    expect(await loadCapturedRuns()).toEqual([]);
    expect(await capturedRunsItem.getValue()).toMatchObject({ runs: [], forgets: 1 });
    expect(root.querySelector('#captured-status')?.textContent).toMatch(/Forgot 1 run\./);
    expect(root.textContent).toContain('No runs captured yet.');
  });

  it('tells about an unreadable earlier copy, and forgetting removes it too', async () => {
    await corruptHistoryItem.setValue({ foundAt: '2026-02-01T00:00:00Z', reason: 'not an object', value: 'garbage' });
    await mount();
    expect(root.textContent).toContain('Earlier captured runs could not be read');
    expect(button('Download a copy')).toBeDefined();
    await act(() => button('Forget my captured runs…')!.click());
    await act(() => button('Forget my captured runs')!.click());
    await flush();
    expect(await corruptHistoryItem.getValue()).toBeNull();
    expect(root.textContent).not.toContain('Earlier captured runs could not be read');
  });

  it("forgets one site's runs and keeps the others", async () => {
    await recordRuns('garmin', [{ start: '2026-01-03T08:00:00', km: 8, id: '1' }]);
    await recordRuns('https://runalyze.com', [{ start: '2026-02-10T07:00:00', km: 7 }]);
    await mount();
    const forgetSite = root.querySelector<HTMLButtonElement>('button[aria-label="Forget the runs from https://runalyze.com…"]')!;
    await act(() => forgetSite.click());
    expect(root.querySelector('#forget-confirm-text')?.textContent).toContain(
      'Forget the 1 run Knee Check kept from https://runalyze.com?',
    );
    await act(() => button('Forget the runs from https://runalyze.com')!.click());
    await flush();
    expect((await loadCapturedRuns()).map((r) => r.site)).toEqual(['garmin']);
    expect(root.querySelector('#captured-status')?.textContent).toBe('Forgot 1 run from https://runalyze.com.');
  });

  it("uses added sites' runs for the checker only when the runner ticks the box", async () => {
    await recordRuns('https://runalyze.com', [{ start: '2026-02-10T07:00:00', km: 7 }]);
    await mount();
    const box = root.querySelector<HTMLInputElement>('#captured-use-added-sites')!;
    expect(box.checked).toBe(false);
    expect(await loadHistory()).toEqual([]);
    await act(() => box.click());
    await flush();
    expect(await historyPrefsItem.getValue()).toEqual({ useAddedSites: true });
    expect(await loadHistory()).toEqual([{ start: '2026-02-10T07:00:00', km: 7 }]);
  });

  it('names sites', () => {
    expect(siteName('intervals')).toBe('intervals.icu');
    expect(siteName('https://log.example')).toBe('https://log.example');
    expect(formatRunDate('garbage')).toBe('garbage');
  });
});
