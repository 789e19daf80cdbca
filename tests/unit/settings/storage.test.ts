// Settings storage with WXT's fake browser (a real in-memory browser.storage, no mocks).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SETTINGS_VERSION,
  defaultSettings,
  discardInvalidCopies,
  loadInvalidCopies,
  loadSettings,
  saveSettings,
  watchSettings,
  type Settings,
} from '@/lib/settings';

const custom: Settings = {
  ...defaultSettings(),
  units: 'mi',
  weekStartsOn: 'sunday',
  weeklyIncreasePct: 20,
  spikePct: 30,
  shoeKmLimit: 800,
  sites: { strava: true, garmin: false, intervals: true },
};

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

describe('settings storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('gives defaults when nothing is stored, without writing anything', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings() });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('round-trips saved settings in storage.local with the version', async () => {
    expect(await saveSettings(custom)).toEqual({ ok: true, settings: custom });
    expect(await stored('settings')).toEqual(custom);
    expect(await stored('settings$')).toEqual({ v: SETTINGS_VERSION });
    expect(await loadSettings()).toEqual({ settings: custom });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('refuses to save invalid settings and keeps what was stored', async () => {
    await saveSettings(custom);
    const result = await saveSettings({ ...custom, spikePct: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ field: 'spikePct' });
    expect(await stored('settings')).toEqual(custom);
  });

  it('recovers an invalid stored value field by field, keeps a copy, and leaves the original alone', async () => {
    const damaged = { ...custom, spikePct: 'lots', shoeKmLimit: -1 };
    await fakeBrowser.storage.local.set({ settings: damaged });

    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ ...custom, spikePct: 10, shoeKmLimit: 700 });
    expect(loaded.recovered?.value).toEqual(damaged);
    expect(loaded.recovered?.issues.map((issue) => issue.field)).toEqual(['spikePct', 'shoeKmLimit']);
    expect(loaded.recovered?.issues[0]?.message).toBe('Single-run spike threshold must be a whole number from 1 to 200 %.');

    expect(await stored('settings')).toEqual(damaged);
    const copies = await loadInvalidCopies();
    expect(copies).toHaveLength(1);
    expect(copies[0]?.value).toEqual(damaged);
  });

  it('keeps the first copy (and its date) when the same damaged value is read again', async () => {
    await fakeBrowser.storage.local.set({ settings: { units: 'yards' } });
    const first = await loadSettings();
    const second = await loadSettings();
    expect(second.recovered?.foundAt).toBe(first.recovered?.foundAt);
    expect(await loadInvalidCopies()).toHaveLength(1);
  });

  it('keeps earlier damaged copies when a different damaged value turns up', async () => {
    await fakeBrowser.storage.local.set({ settings: { units: 'yards' } });
    await loadSettings();
    await saveSettings(custom);
    expect((await loadSettings()).recovered).toBeUndefined();
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    await loadSettings();
    const copies = await loadInvalidCopies();
    expect(copies.map((copy) => copy.value)).toEqual(['garbage', { units: 'yards' }]);
  });

  it('saving after recovery replaces the damaged original; the copy stays until discarded', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...custom, units: 'leagues' } });
    const { settings } = await loadSettings();
    await saveSettings(settings);
    expect(await loadSettings()).toEqual({ settings: { ...custom, units: 'km' } });
    expect(await loadInvalidCopies()).toHaveLength(1);
    await discardInvalidCopies();
    expect(await loadInvalidCopies()).toEqual([]);
  });

  it('tells watchers about changes, validated', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await saveSettings(custom);
    await fakeBrowser.storage.local.set({ settings: { ...custom, spikePct: 5000 } });
    unwatch();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]).toEqual(custom);
    expect(seen[1]).toEqual({ ...custom, spikePct: 10 });
  });
});

describe('settings storage across versions', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('a value written by a newer version is validated, not trusted, and kept if it does not fit', async () => {
    const newer = { ...custom, spikePct: { warn: 10, stop: 30 } };
    await fakeBrowser.storage.local.set({ settings: newer, settings$: { v: SETTINGS_VERSION + 1 } });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A fresh module: WXT runs (and here refuses) the migration when the item is defined.
    const fresh = await import('@/lib/settings/storage');
    const loaded = await fresh.loadSettings();
    expect(loaded.settings).toEqual({ ...custom, spikePct: 10 });
    expect(loaded.recovered?.value).toEqual(newer);
    expect(await stored('settings')).toEqual(newer);

    await fresh.saveSettings(loaded.settings);
    expect(await stored('settings$')).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('settings: absurd stored versions are refused before WXT sees them', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([[-1e9], [-1e300], [0], [1.5], ['2'], [1e9], [null]])(
    'settings$ {"v": %j}: refused (WXT once ran out of memory on -1e9), the value read and validated',
    async (v) => {
      await fakeBrowser.storage.local.set({ settings: custom, settings$: { v } });
      vi.resetModules();
      const fresh = await import('@/lib/settings');
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await fresh.loadSettings()).toEqual({ settings: custom });
      warn.mockRestore();
      expect(await stored('settings$')).toEqual({ v: fresh.SETTINGS_VERSION });
      expect(await stored('settings')).toEqual(custom);
    },
  );

  it('versionMetaProblem accepts only none or a whole version from 1 to 1000', async () => {
    const { versionMetaProblem } = await import('@/lib/storage/versioned');
    for (const ok of [undefined, null, {}, { v: 1 }, { v: 1000 }]) expect(versionMetaProblem(ok)).toBeNull();
    for (const bad of ['x', [1], { v: 0 }, { v: -1e9 }, { v: 1001 }, { v: 2.5 }, { v: '1' }, { v: Number.NaN }]) {
      expect(versionMetaProblem(bad)).toEqual(expect.any(String));
    }
  });
});
