// Storage faults: what Knee Check finds in storage.local may be anything (a crash mid-write, an
// older or newer version of the extension, a hand edit in the browser's devtools). WXT's fake
// browser (a real in-memory browser.storage) holds random junk, wrong types, partial objects,
// arrays, strings, and future or junk version metadata, for the three stores:
// - settings (lib/settings/storage): valid fields kept, defaults for the rest, the damaged
//   original left as it is until the runner saves, a copy kept for export, and what the options
//   page needs for its notice;
// - captured history (lib/history): reads never fail and never write; the first write sets the
//   unreadable store aside (kept for export) and starts afresh, keeping every valid run;
// - the popup's saved answers (lib/checker/storage): a valid state resumes, anything else starts
//   fresh with a notice (the module promises no copy: a half-filled questionnaire is dropped).
// Plus the settings versions: every version 1..SETTINGS_VERSION has a fixture it must read.
// FUZZ_RUNS cases per property (tests/fuzz/runs.ts): ~300 in npm test, 10,000 in npm run fuzz.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkerStateSchema, parseCheckerState } from '@/lib/checker/answers-schema';
import {
  CHECKER_STATE_VERSION,
  CHECKER_STORAGE_KEY,
  checkerStateItem,
  freshState,
  loadCheckerState,
  migrateCheckerV1toV2,
  saveCheckerState,
} from '@/lib/checker/storage';
import { MAX_STORED_VERSION } from '@/lib/storage/versioned';
import {
  HISTORY_VERSION,
  MAX_RUN_KM,
  capturedRunsItem,
  corruptHistoryItem,
  historyStats,
  loadCapturedRuns,
  loadHistory,
  recordRuns,
  type CapturedRun,
  type CorruptHistoryCopy,
} from '@/lib/history';
import {
  SETTINGS_VERSION,
  defaultSettings,
  loadInvalidCopies,
  loadSettings,
  parseImportFile,
  parseSettings,
  sanitizeSettings,
  saveSettings,
  settingsItem,
  toDamagedCopyFile,
  type Settings,
} from '@/lib/settings';
import { FUZZ_RUNS } from '../fuzz/runs';
import { ITB_ANSWERS } from './checker/helpers';

const TIMEOUT = Math.max(60_000, FUZZ_RUNS * 50);
/** What storage.local gives back: JSON (no undefined, no -0, no functions). */
const asStored = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

async function seed(values: Record<string, unknown>): Promise<void> {
  fakeBrowser.reset();
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (Object.keys(present).length) await fakeBrowser.storage.local.set(present);
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

// ------------------------------------------------------------------------------------------------
// Settings

const SAVED: Settings = {
  units: 'mi',
  weekStartsOn: 'sunday',
  weeklyIncreasePct: 20,
  spikePct: 30,
  shoeKmLimit: 800,
  sites: { strava: true, garmin: false, intervals: true },
  customSites: ['https://www.runalyze.com'],
  fallbackCard: true,
};
const KEYS = Object.keys(SAVED) as (keyof Settings)[];

/** A value for one field: often a valid one, often not. */
const fieldValue = fc.oneof(
  fc.constantFrom<unknown>(
    'km',
    'mi',
    'monday',
    'sunday',
    'yards',
    'Monday',
    0,
    1,
    10,
    100,
    200,
    3000,
    5000,
    -1,
    1.5,
    '10',
    null,
    true,
    [],
    {},
  ),
  fc.constantFrom<unknown>(
    { strava: false, garmin: true, intervals: false },
    { strava: false },
    { strava: 'yes', garmin: true, intervals: true },
    { strava: true, garmin: true, intervals: true, other: true },
    ['https://www.runalyze.com', 'https://www.runalyze.com'],
    ['https://ok.example', 'ftp://bad.example', 'http://localhost:5317'],
    Array.from({ length: 25 }, (_, i) => `https://site${i}.example`),
  ),
  fc.jsonValue(),
);

/** Settings as they may be found: junk, wrong types, partial, one field off, extra keys, valid. */
const storedSettings = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.array(fc.jsonValue(), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...KEYS), fieldValue),
  fc.record(Object.fromEntries(KEYS.map((key) => [key, fc.oneof(fc.constant(SAVED[key]), fieldValue)])), { requiredKeys: [] }),
  fc.tuple(fc.constantFrom(...KEYS), fieldValue).map(([key, value]) => ({ ...SAVED, [key]: value })),
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue()).map(([key, value]) => ({ ...SAVED, [key]: value })),
  fc.constant(SAVED),
);

/**
 * WXT's version metadata ("settings$"): none, this version, a future one, or junk, absurd ones
 * included: WXT's migrate() builds an array of every version between the stored one and ours, so
 * {"v": -1e9} used to exhaust memory before any of our code ran (issue 7). lib/storage/versioned
 * now refuses any version that is not a whole number from 1 to 1000 before WXT sees it.
 */
const settingsMeta = fc.oneof(
  fc.constant(undefined),
  fc.constant({ v: SETTINGS_VERSION }),
  fc.integer({ min: SETTINGS_VERSION + 1, max: 99 }).map((v) => ({ v })),
  fc.integer({ min: -3, max: 0 }).map((v) => ({ v })),
  fc.constantFrom(-1e9, -1e300, -Number.MAX_VALUE, 1e9, Number.MAX_SAFE_INTEGER + 2).map((v) => ({ v })),
  fc.integer({ min: -2_000_000_000, max: -1000 }).map((v) => ({ v })),
  fc.oneof(fc.string(), fc.constant(null), fc.boolean(), fc.double(), fc.constant([])).map((v) => ({ v })),
  fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.constant([1])),
);

/** Run WXT's migration for the settings item, as it runs when a page first defines it (errors are logged there). */
async function migrateSettings(): Promise<void> {
  await settingsItem.migrate().catch(() => undefined);
}

const sameList = (a: unknown, b: unknown) => JSON.stringify([...new Set(a as string[])]) === JSON.stringify([...new Set(b as string[])]);

describe('settings: damaged or foreign stored values', () => {
  it(
    'are recovered field by field, kept for export, and left alone until the runner saves',
    async () => {
      await fc.assert(
        fc.asyncProperty(storedSettings, settingsMeta, async (generated, meta) => {
          const value = asStored(generated);
          await seed({ settings: value, settings$: asStored(meta) });
          await migrateSettings();
          // WXT's migration may rewrite the meta, never the value (a stored null reads as nothing).
          expect(await stored('settings')).toEqual(value ?? undefined);

          const loaded = await loadSettings();
          expect(parseSettings(loaded.settings).ok).toBe(true);
          if (value === null) {
            expect(loaded).toEqual({ settings: defaultSettings() });
            return;
          }
          const valid = parseSettings(value);
          if (valid.ok) {
            // Whatever the version meta says: a value that validates is read as the schema reads it
            // (as it is, an added site listed twice kept once).
            expect(loaded).toEqual({ settings: valid.settings });
            return;
          }

          // What the options page shows: what was wrong, and the damaged original.
          const notice = loaded.recovered!;
          expect(notice).toBeDefined();
          expect(notice.value).toEqual(value);
          expect(notice.issues.length).toBeGreaterThan(0);
          for (const issue of notice.issues) {
            expect(typeof issue.field).toBe('string');
            expect(issue.message.length).toBeGreaterThan(5);
          }
          expect(Number.isNaN(Date.parse(notice.foundAt))).toBe(false);

          // Valid fields kept, defaults for the rest.
          expect(loaded.settings).toEqual(sanitizeSettings(value));
          if (typeof value === 'object' && !Array.isArray(value)) {
            const raw = value as Record<string, unknown>;
            for (const key of KEYS) {
              if (!(key in raw) || !parseSettings({ ...defaultSettings(), [key]: raw[key] }).ok) continue;
              if (key === 'customSites') expect(sameList(loaded.settings.customSites, raw[key])).toBe(true);
              else expect(loaded.settings[key], key).toEqual(raw[key]);
            }
            const sites = raw.sites as Record<string, unknown> | null;
            if (sites && typeof sites === 'object') {
              for (const site of ['strava', 'garmin', 'intervals'] as const) {
                if (typeof sites[site] === 'boolean') expect(loaded.settings.sites[site], `sites.${site}`).toBe(sites[site]);
              }
            }
          }

          // Nothing overwritten by reading; the damaged copy is kept, and exports verbatim.
          expect(await stored('settings')).toEqual(value);
          const copies = await loadInvalidCopies();
          expect(copies.filter((copy) => JSON.stringify(copy.value) === JSON.stringify(value))).toHaveLength(1);
          const file = JSON.parse(toDamagedCopyFile(notice));
          expect(file.settings).toEqual(value);
          expect(file.problems).toEqual(notice.issues);
          // Importing the exported copy as it is names its problems, and changes nothing.
          expect(parseImportFile(JSON.stringify(file)).ok).toBe(false);

          // Read again: the same notice, no second copy.
          const again = await loadSettings();
          expect(again.recovered?.foundAt).toBe(notice.foundAt);
          expect(await loadInvalidCopies()).toHaveLength(copies.length);

          // Save: the recovered settings replace the original at this version; the copy stays.
          expect((await saveSettings(loaded.settings)).ok).toBe(true);
          expect(await stored('settings')).toEqual(loaded.settings);
          expect(await stored('settings$')).toEqual({ v: SETTINGS_VERSION });
          expect(await loadSettings()).toEqual({ settings: loaded.settings });
          expect((await loadInvalidCopies()).some((copy) => JSON.stringify(copy.value) === JSON.stringify(value))).toBe(true);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'the options page and the popup read the same settings from a damaged value (content script and popup sanitize too)',
    async () => {
      const { readSettings } = await import('@/lib/checker/settings-source');
      await fc.assert(
        fc.asyncProperty(storedSettings, async (generated) => {
          const value = asStored(generated);
          await seed({ settings: value });
          const options = (await loadSettings()).settings;
          // The one difference: the schema accepts a site added twice, sanitizing keeps it once.
          expect(await readSettings()).toEqual({ ...options, customSites: [...new Set(options.customSites)] });
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('settings: every stored version reads as the current settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  const fixture = (version: number) => resolve(__dirname, `../fixtures/settings-v${version}.json`);
  const versions = Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1);

  it.each(versions)('tests/fixtures/settings-v%i.json exists and its expected settings are valid now', (version) => {
    expect(existsSync(fixture(version)), `add tests/fixtures/settings-v${version}.json (what version ${version} stores)`).toBe(true);
    const { version: v, expected } = JSON.parse(readFileSync(fixture(version), 'utf8'));
    expect(v).toBe(version);
    expect(parseSettings(expected).ok).toBe(true);
  });

  it.each(versions)('version %i: WXT migrates it to the current version on first use, and it reads back as expected', async (version) => {
    const { stored: old, expected } = JSON.parse(readFileSync(fixture(version), 'utf8'));
    await fakeBrowser.storage.local.set({ settings: old, settings$: { v: version } });
    // A fresh module: WXT runs the migrations when the item is defined, like a page starting.
    const fresh = await import('@/lib/settings/storage');
    // Fields added since (with a default, no new version) read as their default.
    expect(await fresh.loadSettings()).toEqual({ settings: { fallbackCard: true, ...expected } });
    expect(await stored('settings$')).toEqual({ v: fresh.SETTINGS_VERSION });
    // Migrations that ran left a value this version validates as it is.
    expect(await stored('settings')).toEqual(version === fresh.SETTINGS_VERSION ? old : expected);
  });

  it('a value stored with no version meta is version 1: migrated like one, read fine, versioned on save', async () => {
    const { stored: v1, expected } = JSON.parse(readFileSync(fixture(1), 'utf8'));
    await fakeBrowser.storage.local.set({ settings: v1 });
    const fresh = await import('@/lib/settings/storage');
    expect(await fresh.loadSettings()).toEqual({ settings: { fallbackCard: true, ...expected } });
    expect(await fresh.settingsItem.getMeta()).toEqual(SETTINGS_VERSION === 1 ? {} : { v: SETTINGS_VERSION });
    await fresh.saveSettings(expected);
    expect(await stored('settings$')).toEqual({ v: fresh.SETTINGS_VERSION });
  });

  it('a future version is not migrated, not trusted, and not overwritten before a save', async () => {
    const { stored: v1 } = JSON.parse(readFileSync(fixture(1), 'utf8'));
    const future = { ...v1, spikePct: { warn: 10, stop: 30 }, schema: 'v9' };
    await fakeBrowser.storage.local.set({ settings: future, settings$: { v: SETTINGS_VERSION + 8 } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fresh = await import('@/lib/settings/storage');
    const loaded = await fresh.loadSettings();
    expect(logged).toHaveBeenCalled(); // WXT: "Version downgrade detected"
    expect(loaded.recovered?.value).toEqual(future);
    expect(loaded.settings).toEqual(sanitizeSettings(future));
    expect(await stored('settings')).toEqual(future);
    expect(await stored('settings$')).toEqual({ v: SETTINGS_VERSION + 8 });
  });
});

// ------------------------------------------------------------------------------------------------
// Captured history

const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
/** An entry as lib/history keeps it, judged here independently of lib/history's own validator. */
function isGoodEntry(entry: unknown): entry is CapturedRun {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
  const e = entry as Record<string, unknown>;
  const site = e.site;
  if (typeof site !== 'string' || site.length === 0 || site.length > 200 || site.trim() !== site) return false;
  if (typeof e.start !== 'string' || !START.test(e.start)) return false;
  const d = new Date(`${e.start}Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 19) !== e.start) return false;
  if (typeof e.km !== 'number' || !Number.isFinite(e.km) || e.km <= 0 || e.km > MAX_RUN_KM) return false;
  // No run starts after the reader's tomorrow (local time).
  const tomorrow = new Date(Date.now() + 86_400_000);
  const latest = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  if (e.start.slice(0, 10) > latest) return false;
  if ('seconds' in e && (typeof e.seconds !== 'number' || !(e.seconds > 0 && e.seconds < 7 * 86_400) || e.seconds / 60 / e.km < 2.5))
    return false;
  return e.id === undefined || (typeof e.id === 'string' && e.id.length > 0 && e.id.length <= 100);
}

const goodEntry = fc.record(
  {
    site: fc.constantFrom('strava', 'garmin', 'intervals', 'https://www.runalyze.com'),
    start: fc
      .date({ min: new Date('2015-01-01'), max: new Date('2027-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 19)),
    km: fc.integer({ min: 0, max: 60_000 }).map((m) => m / 1000),
    id: fc.string({ minLength: 1, maxLength: 12 }),
  },
  { requiredKeys: ['site', 'start', 'km'] },
);
const badEntry = fc.oneof(
  fc.jsonValue(),
  goodEntry.chain((entry) =>
    fc
      .constantFrom<keyof CapturedRun>('site', 'start', 'km', 'id')
      .chain((key) =>
        fc
          .oneof(
            fc.jsonValue(),
            fc.constantFrom<unknown>('', ' strava', '2026-02-30T07:00:00', '2026-02-01 07:00', -1, 1001, 'x'.repeat(101)),
          )
          .map((bad) => ({ ...entry, [key]: bad })),
      ),
  ),
);
const storedHistory = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.array(goodEntry, { maxLength: 3 }),
  fc.record({
    version: fc.oneof(fc.constantFrom<unknown>(0, 1, 3, 99, '2', null), fc.jsonValue()),
    runs: fc.array(goodEntry, { maxLength: 3 }),
  }),
  fc.record({ version: fc.constant(HISTORY_VERSION), runs: fc.oneof(fc.jsonValue(), fc.string(), fc.dictionary(fc.string(), goodEntry)) }),
  fc.record({ version: fc.constant(HISTORY_VERSION), runs: fc.array(fc.oneof(goodEntry, badEntry), { maxLength: 8 }) }),
);
const earlierCopy = fc.option(
  fc.record({ foundAt: fc.constant('2026-01-01T00:00:00.000Z'), reason: fc.constant('not an object'), value: fc.jsonValue() }),
  { nil: undefined },
);

const historyKey = (r: CapturedRun) => (r.id !== undefined ? `${r.site}|id|${r.id}` : `${r.site}|at|${r.start}|${r.km.toFixed(3)}`);

describe('captured history: damaged or foreign stores', () => {
  it(
    'reads never fail nor write; the first write keeps every valid run and sets an unreadable store aside',
    async () => {
      // WXT migrates an item once, when it is first used (the background does at start-up): done
      // here on an empty store, or the first case's round-one store would be migrated by a read.
      await capturedRunsItem.getMeta();
      await fc.assert(
        fc.asyncProperty(storedHistory, earlierCopy, async (generated, copy) => {
          const raw = asStored(generated);
          await seed({ 'captured-runs': raw, 'captured-runs-corrupt-copy': asStored(copy) });
          const isStore = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
          const store = raw as { version?: unknown; runs?: unknown };
          // This version, or an earlier one (should a reader meet it before its migration).
          const readable =
            raw === null || (isStore && [HISTORY_VERSION, 2, 1].includes(store.version as number) && Array.isArray(store.runs));
          const good = readable && raw !== null ? (store.runs as unknown[]).filter(isGoodEntry) : [];

          // Reading: the valid runs (or none), never a throw, never a write.
          expect(new Set((await loadCapturedRuns()).map(historyKey))).toEqual(new Set(good.map(historyKey)));
          for (const run of await loadHistory()) {
            expect(run.start).toMatch(START);
            expect(Number.isFinite(run.km) && run.km >= 0).toBe(true);
          }
          expect((await historyStats()).runs).toBe(good.length);
          expect(await stored('captured-runs')).toEqual(raw ?? undefined);
          expect(await stored('captured-runs-corrupt-copy')).toEqual(asStored(copy));

          // The next capture.
          const fresh: CapturedRun = { site: 'strava', id: 'new-run', start: '2026-03-01T09:00:00', km: 17.4 };
          const result = await recordRuns('strava', [{ start: fresh.start, km: fresh.km, id: fresh.id }]);
          expect(result.skipped).toBe(0);
          const after = (await stored('captured-runs')) as { version: number; runs: CapturedRun[] };
          expect(after.version).toBe(HISTORY_VERSION);
          // Every valid run kept (one per site and id, or site, start and distance), plus the new one.
          expect(new Set(after.runs.map(historyKey))).toEqual(new Set([...good, fresh].map(historyKey)));

          const kept = (await corruptHistoryItem.getValue()) as CorruptHistoryCopy | null;
          if (readable) {
            expect(kept).toEqual(asStored(copy) ?? null);
          } else {
            // The unreadable store is kept for export (the first one: an earlier copy stays as it was).
            expect(kept).toEqual(asStored(copy) ?? { foundAt: expect.any(String), reason: expect.any(String), value: raw });
            expect(kept!.reason.length).toBeGreaterThan(3);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    TIMEOUT,
  );

  it('never throws when storage itself fails (the capture is dropped, nothing else happens)', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(recordRuns('strava', [{ start: '2026-03-01T09:00:00', km: 5 }])).resolves.toMatchObject({ added: 0, kept: 0 });
    const { capturedRuns } = await import('@/lib/checker/history-source');
    await expect(capturedRuns()).resolves.toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// The popup's saved answers

const savedState = (): Record<string, unknown> => ({
  screen: 'about',
  shortcut: false,
  answers: ITB_ANSWERS,
  updatedAt: '2026-03-01T20:00:00.000Z',
});
const STATE_KEYS = ['version', 'screen', 'shortcut', 'answers', 'updatedAt'] as const;
const ANSWER_KEYS = Object.keys(ITB_ANSWERS) as (keyof typeof ITB_ANSWERS)[];

const storedAnswers = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.constant(savedState()),
  // Round one's shape: the version inside the value.
  fc.constant({ version: 1, ...savedState() }),
  fc.tuple(fc.constantFrom(...STATE_KEYS), fc.jsonValue()).map(([key, value]) => ({ ...savedState(), [key]: value })),
  fc.constantFrom(...STATE_KEYS).map((key) => {
    const state: Record<string, unknown> = savedState();
    delete state[key];
    return state;
  }),
  fc
    .tuple(fc.constantFrom(...ANSWER_KEYS), fc.jsonValue())
    .map(([key, value]) => ({ ...savedState(), answers: { ...ITB_ANSWERS, [key]: value } })),
);
/** WXT's meta ("checker-answers$"): none, round one's (1), this version, a newer one, or absurd. */
const answersMeta = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(1, CHECKER_STATE_VERSION).map((v) => ({ v })),
  fc.integer({ min: CHECKER_STATE_VERSION + 1, max: MAX_STORED_VERSION }).map((v) => ({ v })),
  fc.oneof(fc.constantFrom(-1e9, 0, -1, 1.5, Number.MAX_SAFE_INTEGER), fc.string(), fc.constant(null)).map((v) => ({ v })),
  fc.oneof(fc.string(), fc.integer(), fc.constant([1])),
);

/** The version WXT should migrate from: an absurd meta is refused and read as this version. */
function effectiveVersion(meta: unknown): number {
  if (meta === undefined) return 1;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return CHECKER_STATE_VERSION;
  const v = (meta as { v?: unknown }).v;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= MAX_STORED_VERSION ? v : CHECKER_STATE_VERSION;
}

describe("the popup's saved answers: damaged or foreign values", () => {
  it(
    'a valid state resumes; anything else starts fresh with a notice and the damaged value is dropped',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          storedAnswers,
          answersMeta,
          fc.constantFrom('km' as const, 'mi' as const),
          async (generated, generatedMeta, units) => {
            const raw = asStored(generated);
            const meta = asStored(generatedMeta);
            await seed({ [CHECKER_STORAGE_KEY]: raw, [`${CHECKER_STORAGE_KEY}$`]: meta });
            // As when the popup opens: WXT migrates once (errors are logged there), then we read.
            await checkerStateItem.migrate().catch(() => undefined);
            const loaded = await loadCheckerState(units);
            expect(checkerStateSchema.safeParse(loaded.state).success).toBe(true);
            const from = effectiveVersion(meta);
            const migrated = from === 1 ? migrateCheckerV1toV2(raw) : raw;
            const isObject = typeof migrated === 'object' && migrated !== null && !Array.isArray(migrated);
            const valid = from <= CHECKER_STATE_VERSION && isObject && !('version' in migrated) ? parseCheckerState(migrated) : null;
            if (raw === null) {
              expect(loaded.resumed).toBe(false);
              expect(loaded.discarded).toBeUndefined();
            } else if (valid?.ok) {
              expect(loaded).toEqual({ state: valid.state, resumed: true });
              expect(await stored(CHECKER_STORAGE_KEY)).toEqual(migrated);
            } else {
              expect(loaded.resumed).toBe(false);
              expect(typeof loaded.discarded).toBe('string');
              expect(loaded.discarded!.length).toBeGreaterThan(3);
              expect({ ...loaded.state, updatedAt: '' }).toEqual({ ...freshState(units), updatedAt: '' });
              expect(await stored(CHECKER_STORAGE_KEY)).toBeUndefined();
              // The fresh start saves like any other.
              await saveCheckerState(loaded.state);
              expect((await loadCheckerState(units)).resumed).toBe(true);
            }
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    },
    TIMEOUT,
  );

  it('when storage cannot be read: a fresh start with a notice, and the saved answers are not touched', async () => {
    await fakeBrowser.storage.local.set({ [CHECKER_STORAGE_KEY]: savedState(), [`${CHECKER_STORAGE_KEY}$`]: { v: CHECKER_STATE_VERSION } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error'));
    const loaded = await loadCheckerState();
    expect(loaded.resumed).toBe(false);
    expect(loaded.discarded).toContain('IO error');
    get.mockRestore();
    expect(await stored(CHECKER_STORAGE_KEY)).toEqual(savedState());
    expect((await loadCheckerState()).resumed).toBe(true);
  });
});
