// Firefox's backend (lib/storage/idb.ts) on fake-indexeddb (a real IndexedDB in memory) and WXT's
// fake browser (a real in-memory storage.local): the values, the one move from storage.local, what
// happens when IndexedDB fails, change notices between contexts, and versioned items on top.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StorageAreaLike, StorageChanges } from '@/lib/storage/backend';
import {
  changedKeys,
  createIdbBackend,
  IDB_NAME,
  MOVED_MARKER_KEY,
  MOVED_RECORD,
  STATE_STORE,
  STORAGE_CHANGED,
  VALUES_STORE,
  type ChangeMessenger,
  type IdbBackend,
} from '@/lib/storage/idb';
import { localStore } from '@/lib/storage/local-store';
import { defineVersionedItem } from '@/lib/storage/versioned';

const legacy = () => fakeBrowser.storage.local as unknown as StorageAreaLike;
const legacyAll = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;

/** A message bus between contexts, like runtime messages: never to the sender, later, keys only. */
function bus() {
  const sent: unknown[] = [];
  const listeners = new Set<{ from: number; onKeys: (keys: string[]) => void }>();
  let next = 0;
  const messenger = (): ChangeMessenger => {
    const id = next++;
    return {
      send: (keys) => {
        sent.push(structuredClone(keys));
        for (const l of listeners) if (l.from !== id) setTimeout(() => l.onKeys([...keys]), 0);
      },
      listen: (onKeys) => {
        const entry = { from: id, onKeys };
        listeners.add(entry);
        return () => listeners.delete(entry);
      },
    };
  };
  return { sent, messenger };
}

let factory: IDBFactory;
const backend = (messenger?: ChangeMessenger, idb: () => IDBFactory = () => factory): IdbBackend =>
  createIdbBackend({ indexedDB: idb, legacy, messenger });

/** Everything in the database, read straight from IndexedDB (not through the backend). */
async function rawDb(): Promise<{ values: Record<string, unknown>; moved: unknown }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(IDB_NAME);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    if (!db.objectStoreNames.contains(VALUES_STORE)) return { values: {}, moved: undefined };
    const tx = db.transaction([VALUES_STORE, STATE_STORE], 'readonly');
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((resolve) => (r.onsuccess = () => resolve(r.result)));
    const [keys, values, moved] = await Promise.all([
      req(tx.objectStore(VALUES_STORE).getAllKeys()),
      req(tx.objectStore(VALUES_STORE).getAll()),
      req(tx.objectStore(STATE_STORE).get(MOVED_RECORD)),
    ]);
    return { values: Object.fromEntries(keys.map((k, i) => [String(k), values[i]])), moved };
  } finally {
    db.close();
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const answers = {
  screen: 'result',
  shortcut: true,
  answers: { onset: 'gradual', signs: ['hot-red-knee'] },
  updatedAt: '2026-12-01T08:00:00.000Z',
};
const settings = { units: 'mi', spikePct: 25 };
const diary = { version: 1, checkIns: [{ day: '2026-12-01', pain: 4 }], episodes: [] };

beforeEach(() => {
  fakeBrowser.reset();
  factory = new IDBFactory();
});

describe('IndexedDB backend: values', () => {
  it('gets, sets and removes like storage.local, and keeps nothing in storage.local', async () => {
    const store = backend();
    expect(await store.ready()).toBe('indexeddb');
    await store.set({ 'checker-answers': answers, settings });
    expect(await store.get('checker-answers')).toEqual({ 'checker-answers': answers });
    expect(await store.get(['settings', 'absent'])).toEqual({ settings });
    expect(await store.get(null)).toEqual({ 'checker-answers': answers, settings });
    await store.remove('settings');
    await store.set({ 'checker-answers': undefined, 'knee-diary': diary });
    expect(await store.get(null)).toEqual({ 'knee-diary': diary });
    expect((await rawDb()).values).toEqual({ 'knee-diary': diary });
    // Only the marker that says where the values are: no health data.
    expect(await legacyAll()).toEqual({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' } });
  });

  it('a value that cannot be stored changes nothing (all or nothing) and is reported', async () => {
    const store = backend();
    await store.set({ settings });
    await expect(store.set({ settings: { units: 'km' }, other: () => 1 })).rejects.toThrow();
    expect(await store.get(null)).toEqual({ settings });
  });
});

describe('IndexedDB backend: the one move from storage.local', () => {
  const seeded = {
    settings,
    'checker-answers': answers,
    'checker-answers$': { v: 2 },
    'knee-diary': diary,
    'captured-runs': { version: 2, runs: [], forgets: 3 },
    'morning-reminder': { enabled: true },
  };

  it('moves every value into IndexedDB once, then removes them from storage.local', async () => {
    await fakeBrowser.storage.local.set(seeded);
    const store = backend();
    expect(await store.get(null)).toEqual(seeded);
    const raw = await rawDb();
    expect(raw.values).toEqual(seeded);
    expect(raw.moved).toMatchObject({ keys: Object.keys(seeded).length });
    expect(await legacyAll()).toEqual({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' } });
  });

  it('after the move, what a content script writes to storage.local never reaches the runner data', async () => {
    await fakeBrowser.storage.local.set(seeded);
    await backend().ready();
    // A content script taken over (Firefox lets it write storage.local) plants answers and settings.
    await fakeBrowser.storage.local.set({ 'checker-answers': { screen: 'result', forged: true }, settings: { units: 'km' }, planted: 1 });
    const later = backend(); // the next start (or another page)
    expect(await later.get(['checker-answers', 'settings', 'planted'])).toEqual({ 'checker-answers': answers, settings });
    // Not deleted either (it is not a copy of ours): left where it was written.
    expect(await legacyAll()).toMatchObject({ planted: 1 });
  });

  it('two contexts starting at once move the values once and agree', async () => {
    await fakeBrowser.storage.local.set(seeded);
    const [a, b] = [backend(), backend()];
    const [va, vb] = await Promise.all([a.get(null), b.get(null)]);
    expect(va).toEqual(seeded);
    expect(vb).toEqual(seeded);
    expect((await rawDb()).values).toEqual(seeded);
    expect(await legacyAll()).toEqual({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' } });
  });

  it('a copy left in storage.local (its removal failed) is removed at the next start, only if it is the same', async () => {
    await fakeBrowser.storage.local.set(seeded);
    await backend().ready();
    // As if the removal had failed: one copy the same as IndexedDB's, one that differs.
    await fakeBrowser.storage.local.set({ settings, 'knee-diary': { ...diary, checkIns: [] } });
    await backend().ready();
    expect(await legacyAll()).toEqual({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' }, 'knee-diary': { ...diary, checkIns: [] } });
  });

  it('when IndexedDB cannot be opened before the move, storage.local is used as before', async () => {
    await fakeBrowser.storage.local.set(seeded);
    const broken = () => {
      throw new Error('no IndexedDB here');
    };
    const store = backend(undefined, broken);
    expect(await store.ready()).toBe('storage.local');
    expect(await store.get(null)).toEqual(seeded);
  });

  it('when IndexedDB cannot be opened after the move, nothing is written anywhere else', async () => {
    await fakeBrowser.storage.local.set(seeded);
    await backend().ready();
    const broken = () => {
      throw new Error('no IndexedDB here');
    };
    const store = backend(undefined, broken);
    await expect(store.get('settings')).rejects.toThrow(/cannot be opened/);
    await expect(store.set({ settings: { units: 'km' } })).rejects.toThrow(/cannot be opened/);
    expect(await legacyAll()).toEqual({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' } });
    expect((await backend().get('settings')).settings).toEqual(settings);
  });
});

describe('IndexedDB backend: changes between contexts', () => {
  it('tells this context (old and new value) and the others (keys only; they read the value)', async () => {
    const { sent, messenger } = bus();
    const popup = backend(messenger());
    const background = backend(messenger());
    const seenHere: StorageChanges[] = [];
    const seenThere: StorageChanges[] = [];
    popup.onChanged((c) => seenHere.push(c));
    background.onChanged((c) => seenThere.push(c));
    await popup.set({ 'checker-answers': answers });
    await popup.set({ 'checker-answers': { ...answers, screen: 'signs' } });
    await popup.remove('checker-answers');
    await tick();
    expect(seenHere).toEqual([
      { 'checker-answers': { newValue: answers } },
      { 'checker-answers': { newValue: { ...answers, screen: 'signs' }, oldValue: answers } },
      { 'checker-answers': { oldValue: { ...answers, screen: 'signs' } } },
    ]);
    // The other context read the value as it is when the notice arrives (here: already removed).
    expect(seenThere).toHaveLength(3);
    expect(seenThere.every((c) => Object.keys(c).join() === 'checker-answers')).toBe(true);
    // No health value ever travels in a notice.
    expect(sent).toEqual([['checker-answers'], ['checker-answers'], ['checker-answers']]);
  });

  it('a write of the same value is no change', async () => {
    const { sent, messenger } = bus();
    const store = backend(messenger());
    const seen: StorageChanges[] = [];
    store.onChanged((c) => seen.push(c));
    await store.set({ settings });
    await store.set({ settings: { ...settings } });
    await tick();
    expect(seen).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });

  it('a versioned item watched in one context sees the value another context saved', async () => {
    const { messenger } = bus();
    const options = backend(messenger());
    const background = backend(messenger());
    const inOptions = defineVersionedItem<unknown>('local:settings', { version: 1, migrations: {} }, options);
    const inBackground = defineVersionedItem<unknown>('local:settings', { version: 1, migrations: {} }, background);
    const seen: unknown[] = [];
    inBackground.watch((value) => seen.push(value));
    await inOptions.setValue(settings);
    await tick();
    expect(seen).toEqual([settings]);
    expect(await inBackground.getValue()).toEqual(settings);
    await inOptions.removeValue();
    await tick();
    expect(seen).toEqual([settings, null]);
  });

  it('only a change notice from our own pages is heard', () => {
    const own = { id: 'ext', url: 'moz-extension://abc/popup.html' };
    const message = { type: STORAGE_CHANGED, keys: ['settings', 'settings'] };
    expect(changedKeys(message, own, 'ext', 'moz-extension://abc/')).toEqual(['settings']);
    // A content script's sender is its page.
    expect(changedKeys(message, { id: 'ext', url: 'https://www.strava.com/' }, 'ext', 'moz-extension://abc/')).toBeNull();
    expect(changedKeys(message, { id: 'other', url: own.url }, 'ext', 'moz-extension://abc/')).toBeNull();
    expect(changedKeys({ type: STORAGE_CHANGED, keys: [] }, own, 'ext', 'moz-extension://abc/')).toBeNull();
    expect(changedKeys({ type: STORAGE_CHANGED, keys: [1] }, own, 'ext', 'moz-extension://abc/')).toBeNull();
    expect(changedKeys({ type: STORAGE_CHANGED, keys: Array(101).fill('k') }, own, 'ext', 'moz-extension://abc/')).toBeNull();
    expect(changedKeys({ type: 'other', keys: ['settings'] }, own, 'ext', 'moz-extension://abc/')).toBeNull();
  });
});

describe('versioned items on IndexedDB', () => {
  it('a version 1 value moved from storage.local is migrated in IndexedDB, validation untouched', async () => {
    await fakeBrowser.storage.local.set({ 'checker-answers': { ...answers, version: 1 } });
    const store = backend();
    const item = defineVersionedItem<unknown>(
      'local:checker-answers',
      { version: 2, migrations: { 2: (v) => ({ ...(v as object), migrated: true }) } },
      store,
    );
    expect(await item.getValue()).toEqual({ ...answers, version: 1, migrated: true });
    expect(await item.getMeta()).toEqual({ v: 2 });
    expect((await rawDb()).values['checker-answers$']).toEqual({ v: 2 });
    expect(await legacyAll()).toEqual({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' } });
  });

  it('an absurd stored version is refused before any migration runs', async () => {
    await fakeBrowser.storage.local.set({ settings, settings$: { v: -1e9 } });
    const store = backend();
    let ran = 0;
    const item = defineVersionedItem<unknown>('local:settings', { version: 2, migrations: { 2: () => ran++ } }, store);
    expect(await item.getValue()).toEqual(settings);
    expect(ran).toBe(0);
    expect(await item.getMeta()).toEqual({ v: 2 });
  });

  it('a first write records the version, as in storage.local', async () => {
    const item = defineVersionedItem<unknown>('local:knee-diary', { version: 3, migrations: {} }, backend());
    await item.setValue(diary);
    expect((await rawDb()).values).toEqual({ 'knee-diary': diary, 'knee-diary$': { v: 3 } });
  });
});

describe('the build picks the backend', () => {
  it('Chrome (this test build) keeps storage.local', async () => {
    expect(localStore.kind).toBe('storage.local');
    await localStore.set({ settings });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
  });
});
