import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRecordRunsMessage, siteMatchesSender } from '../../../lib/history/background';
import { loadCapturedRuns } from '../../../lib/history';
import { RECORD_RUNS } from '../../../lib/content/messages';
import { defaultSettings, saveSettings } from '../../../lib/settings';

const OWN = 'own-extension-id';
const tab = { id: 1 };
const runs = [{ start: '2026-02-16T07:00:00', km: 5, id: '1015' }];

beforeEach(() => fakeBrowser.reset());

describe('siteMatchesSender', () => {
  it.each([
    ['garmin', 'https://connect.garmin.com/modern/calendar', [], true],
    ['intervals', 'https://intervals.icu/calendar', [], true],
    ['strava', 'https://www.strava.com/athletes/1/training/log', [], true],
    ['garmin', 'https://intervals.icu/calendar', [], false],
    ['strava', 'https://evil.example/', [], false],
    ['https://log.example', 'https://log.example/weeks', ['https://log.example'], true],
    ['https://log.example', 'https://log.example/weeks', [], false],
    ['https://log.example', 'https://other.example/', ['https://log.example'], false],
    ['garmin', undefined, [], false],
    ['garmin', 'not a url', [], false],
  ] as const)('%s from %s (added %j): %s', (site, url, custom, expected) => {
    expect(siteMatchesSender(site, url, custom)).toBe(expected);
  });
});

describe('handleRecordRunsMessage', () => {
  it('records runs sent by our content script on the site it names', async () => {
    const result = await handleRecordRunsMessage(
      { type: RECORD_RUNS, site: 'garmin', runs, forgets: 0, today: '2026-02-16' },
      { id: OWN, tab, url: 'https://connect.garmin.com/modern/calendar' },
      OWN,
    );
    expect(result).toEqual({ added: 1, kept: 1, skipped: 0 });
    expect(await loadCapturedRuns()).toEqual([{ site: 'garmin', id: '1015', start: '2026-02-16T07:00:00', km: 5 }]);
  });

  it('refuses other extensions, extension pages, wrong sites and malformed messages', async () => {
    const message = { type: RECORD_RUNS, site: 'garmin', runs, forgets: 0 };
    const page = 'https://connect.garmin.com/modern/calendar';
    expect(await handleRecordRunsMessage(message, { id: 'other', tab, url: page }, OWN)).toBeNull();
    expect(await handleRecordRunsMessage(message, { id: OWN, url: page }, OWN)).toBeNull();
    expect(await handleRecordRunsMessage(message, { id: OWN, tab, url: 'https://intervals.icu/' }, OWN)).toBeNull();
    expect(await handleRecordRunsMessage({ type: RECORD_RUNS, site: 'garmin', runs: 'x' }, { id: OWN, tab, url: page }, OWN)).toBeNull();
    expect(await handleRecordRunsMessage({ type: 'other' }, { id: OWN, tab, url: page }, OWN)).toBeNull();
    // A capture that does not say which forget it began after is not recorded.
    expect(await handleRecordRunsMessage({ type: RECORD_RUNS, site: 'garmin', runs }, { id: OWN, tab, url: page }, OWN)).toBeNull();
    expect(await handleRecordRunsMessage({ ...message, forgets: -1 }, { id: OWN, tab, url: page }, OWN)).toBeNull();
    expect(await loadCapturedRuns()).toEqual([]);
  });

  it('records a user-added site only while it is added', async () => {
    const message = { type: RECORD_RUNS, site: 'https://log.example', runs: [{ start: '2026-02-16T07:00:00', km: 5 }], forgets: 0 };
    const sender = { id: OWN, tab, url: 'https://log.example/weeks' };
    expect(await handleRecordRunsMessage(message, sender, OWN)).toBeNull();
    await saveSettings({ ...defaultSettings(), customSites: ['https://log.example'] });
    expect((await handleRecordRunsMessage(message, sender, OWN))?.added).toBe(1);
  });
});
