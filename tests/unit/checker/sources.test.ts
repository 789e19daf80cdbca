import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capturedRuns } from '../../../lib/checker/history-source';
import { readSettings } from '../../../lib/checker/settings-source';
import { loadHistory, recordRuns } from '../../../lib/history';
import { DEFAULT_SETTINGS, defaultSettings } from '../../../lib/settings/defaults';
import { saveSettings } from '../../../lib/settings/storage';

describe('popup read-only sources', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the runs lib/history recorded, exactly as loadHistory gives them', async () => {
    expect(await capturedRuns()).toEqual([]);
    await recordRuns('strava', [
      { start: '2026-03-01T07:00:00', km: 10, id: '1' },
      { start: '2026-03-03T07:00:00', km: 12, id: '2' },
    ]);
    await recordRuns('garmin', [{ start: '2026-03-03T07:01:00', km: 12.1, id: 'g' }]); // same run, other site
    const runs = await capturedRuns();
    expect(runs).toEqual(await loadHistory());
    expect(runs.map((r) => r.km)).toEqual([10, 12]);
  });

  it('treats an unreadable history as none', async () => {
    await fakeBrowser.storage.local.set({ 'captured-runs': 'garbage' });
    expect(await capturedRuns()).toEqual([]);
  });

  it('reads the settings lib/settings saved, and defaults for anything invalid', async () => {
    expect(await readSettings()).toEqual(defaultSettings());
    await saveSettings({ ...defaultSettings(), units: 'mi', spikePct: 20 });
    expect(await readSettings()).toMatchObject({ units: 'mi', spikePct: 20 });
    await fakeBrowser.storage.local.set({ settings: { units: 'furlongs', spikePct: 30 } });
    expect(await readSettings()).toMatchObject({ units: DEFAULT_SETTINGS.units, spikePct: 30 });
  });
});
