// Firefox's backend (./backend.ts): IndexedDB in the extension's own origin (moz-extension://…).
// Firefox cannot close storage.local to content scripts (Mozilla bug 1724754), but a content
// script opens IndexedDB as the page it runs in, so the runner's answers, diary and settings kept
// here are out of its reach: only the extension's pages and its background can read them.
//
// Once, on the first start after this change, every value in storage.local moves here in one
// transaction, and a marker in the same transaction says so. Only once that transaction has
// committed are the storage.local copies removed, each only when the copy here reads back the
// same. If IndexedDB cannot be opened or the move fails, storage.local stays as it was and is used
// as before (nothing is lost). After the move, storage.local is never read as data again, so what
// a content script writes there cannot reach the runner's data.
//
// Changes reach the other extension contexts (popup, options, background) as a runtime message
// that carries only the changed keys, never a value; each context reads the values itself. Runtime
// messages wake Firefox's event page, which a BroadcastChannel would not.
import { sameStored, storageAreaBackend, type StorageAreaLike, type StorageBackend, type StorageChanges } from './backend';

export const IDB_NAME = 'knee-check';
const IDB_VERSION = 1;
/** key → value, as storage.local kept them (WXT's "<key>$" metas included). */
export const VALUES_STORE = 'values';
/** The backend's own records: the move's marker. */
export const STATE_STORE = 'state';
export const MOVED_RECORD = 'moved-from-storage-local';
/** Left in storage.local after the move (no health data): IndexedDB is where the values are. */
export const MOVED_MARKER_KEY = 'knee-check-storage';

/** How a change reaches the other extension contexts: key names only. */
export interface ChangeMessenger {
  send(keys: string[]): void;
  listen(onKeys: (keys: string[]) => void): () => void;
}

export interface IdbBackendOptions {
  indexedDB: () => IDBFactory;
  /** browser.storage.local: moved from once; used as before when IndexedDB fails before the move. */
  legacy: () => StorageAreaLike;
  messenger?: ChangeMessenger;
  name?: string;
  /** The extension's own console. */
  warn?: (message: string) => void;
}

export interface IdbBackend extends StorageBackend {
  /** Where this context keeps its values: 'indexeddb', or 'storage.local' when IndexedDB failed before the move. */
  ready(): Promise<'indexeddb' | 'storage.local'>;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name, IDB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(VALUES_STORE)) db.createObjectStore(VALUES_STORE);
      if (!db.objectStoreNames.contains(STATE_STORE)) db.createObjectStore(STATE_STORE);
    };
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close(); // a later version's upgrade never waits on us
      resolve(db);
    };
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another version'));
  });
}

async function readValues(db: IDBDatabase, keys: readonly string[] | null): Promise<Record<string, unknown>> {
  const tx = db.transaction(VALUES_STORE, 'readonly');
  const store = tx.objectStore(VALUES_STORE);
  const out: Record<string, unknown> = {};
  if (keys === null) {
    const [names, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    names.forEach((name, i) => (out[String(name)] = values[i]));
    return out;
  }
  const values = await Promise.all(keys.map((key) => request(store.get(key))));
  keys.forEach((key, i) => {
    if (values[i] !== undefined) out[key] = values[i];
  });
  return out;
}

/** Write (an `undefined` value deletes), all or nothing. Returns what really changed. */
async function writeValues(db: IDBDatabase, items: Record<string, unknown>): Promise<StorageChanges> {
  const tx = db.transaction(VALUES_STORE, 'readwrite');
  const done = finished(tx);
  const store = tx.objectStore(VALUES_STORE);
  const old: Record<string, unknown> = {};
  try {
    for (const [key, value] of Object.entries(items)) {
      const before = store.get(key); // requests run in order: this reads before the write below
      before.onsuccess = () => (old[key] = before.result);
      if (value === undefined) store.delete(key);
      else store.put(value, key); // a value that cannot be cloned throws here
    }
  } catch (error) {
    tx.abort();
    await done.catch(() => undefined);
    throw error;
  }
  await done;
  const changes: StorageChanges = {};
  for (const [key, value] of Object.entries(items)) {
    if (sameStored(old[key], value)) continue;
    const change: StorageChanges[string] = {};
    if (value !== undefined) change.newValue = value;
    if (old[key] !== undefined) change.oldValue = old[key];
    changes[key] = change;
  }
  return changes;
}

async function moved(db: IDBDatabase): Promise<boolean> {
  const tx = db.transaction(STATE_STORE, 'readonly');
  return (await request(tx.objectStore(STATE_STORE).get(MOVED_RECORD))) !== undefined;
}

/**
 * Remove from storage.local what IndexedDB already holds, each key only when both copies are the
 * same (read back from IndexedDB). A value that differs (written there after the move) stays.
 */
async function tidyLegacy(db: IDBDatabase, legacy: StorageAreaLike): Promise<void> {
  const old = await legacy.get(null);
  if (old[MOVED_MARKER_KEY] === undefined) await legacy.set({ [MOVED_MARKER_KEY]: { movedTo: 'indexeddb' } });
  delete old[MOVED_MARKER_KEY];
  const keys = Object.keys(old);
  if (keys.length === 0) return;
  const here = await readValues(db, keys);
  const copies = keys.filter((key) => key in here && sameStored(here[key], old[key]));
  if (copies.length > 0) await legacy.remove(copies);
}

/** The one move from storage.local (see the top of this file). Throws when nothing was moved. */
export async function moveFromStorageLocal(db: IDBDatabase, legacy: StorageAreaLike): Promise<void> {
  if (!(await moved(db))) {
    const old = await legacy.get(null);
    delete old[MOVED_MARKER_KEY];
    const tx = db.transaction([VALUES_STORE, STATE_STORE], 'readwrite');
    const done = finished(tx);
    const values = tx.objectStore(VALUES_STORE);
    const state = tx.objectStore(STATE_STORE);
    const marker = state.get(MOVED_RECORD);
    marker.onsuccess = () => {
      if (marker.result !== undefined) return; // another context moved them first
      for (const [key, value] of Object.entries(old)) {
        const existing = values.get(key);
        // A throw here (a value that cannot be stored) aborts the whole transaction, marker included.
        existing.onsuccess = () => {
          if (existing.result === undefined) values.put(value, key);
        };
      }
      state.put({ at: new Date().toISOString(), keys: Object.keys(old).length }, MOVED_RECORD);
    };
    await done;
  }
  await tidyLegacy(db, legacy);
}

type Place = { kind: 'indexeddb'; db: IDBDatabase } | { kind: 'storage.local'; area: StorageBackend };

export function createIdbBackend(options: IdbBackendOptions): IdbBackend {
  const name = options.name ?? IDB_NAME;
  const warn = options.warn ?? (() => undefined);
  const legacyBackend = storageAreaBackend(options.legacy);
  const listeners = new Set<(changes: StorageChanges) => void>();

  const dispatch = (changes: StorageChanges) => {
    if (Object.keys(changes).length === 0) return;
    for (const listener of [...listeners]) {
      try {
        listener(changes);
      } catch (error) {
        queueMicrotask(() => {
          throw error; // reported like an event listener's error; the other listeners still run
        });
      }
    }
  };

  let legacyWired = false;
  const start = async (): Promise<Place> => {
    let db: IDBDatabase;
    try {
      db = await openDb(options.indexedDB(), name);
    } catch (error) {
      const marker = await options
        .legacy()
        .get(MOVED_MARKER_KEY)
        .then(
          (got) => got[MOVED_MARKER_KEY],
          () => undefined,
        );
      // The values are in IndexedDB: never write them anywhere else.
      if (marker !== undefined) throw new Error(`Knee Check's storage (IndexedDB) cannot be opened: ${String(error)}`);
      warn(`Knee Check: IndexedDB cannot be opened (${String(error)}); storage.local is used as before.`);
      return legacyPlace();
    }
    try {
      await moveFromStorageLocal(db, options.legacy());
    } catch (error) {
      warn(`Knee Check: the move to IndexedDB failed (${String(error)}); storage.local is kept and used as before.`);
      db.close();
      return legacyPlace();
    }
    return { kind: 'indexeddb', db };
  };
  const legacyPlace = (): Place => {
    if (!legacyWired) {
      legacyWired = true;
      legacyBackend.onChanged(dispatch);
    }
    return { kind: 'storage.local', area: legacyBackend };
  };

  let place: Promise<Place> | undefined;
  const where = (): Promise<Place> => {
    place ??= start().catch((error: unknown) => {
      place = undefined; // the next call tries again
      throw error;
    });
    return place;
  };

  let messengerWired = false;
  const remoteChange = async (keys: string[]) => {
    const at = await where().catch(() => null);
    if (at?.kind !== 'indexeddb') return; // storage.local reports its own changes
    const now = await readValues(at.db, keys).catch(() => null);
    if (now === null) return;
    const changes: StorageChanges = {};
    for (const key of keys) changes[key] = key in now ? { newValue: now[key] } : {};
    dispatch(changes);
  };

  const write = async (items: Record<string, unknown>): Promise<void> => {
    const at = await where();
    if (at.kind === 'storage.local') return at.area.set(items);
    const changes = await writeValues(at.db, items);
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    // Like storage.onChanged: after the write, never before it resolves.
    setTimeout(() => dispatch(changes), 0);
    options.messenger?.send(keys);
  };

  return {
    kind: 'indexeddb',
    ready: async () => (await where()).kind,
    get: async (keys) => {
      const at = await where();
      if (at.kind === 'storage.local') return at.area.get(keys);
      return readValues(at.db, keys === null ? null : typeof keys === 'string' ? [keys] : keys);
    },
    set: (items) => write({ ...items }),
    remove: (keys) => write(Object.fromEntries((typeof keys === 'string' ? [keys] : keys).map((key) => [key, undefined]))),
    onChanged: (listener) => {
      // Wired at once (synchronously), so Firefox's event page is woken for a change message.
      if (!messengerWired && options.messenger) {
        messengerWired = true;
        options.messenger.listen((keys) => void remoteChange(keys));
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Change messages between extension contexts

export const STORAGE_CHANGED = 'knee-check:storage-changed';
const MAX_KEYS = 100;

export interface SenderLike {
  id?: string;
  url?: string;
}

/** The keys a change message names; null unless it is ours, from one of the extension's own pages. */
export function changedKeys(message: unknown, sender: SenderLike, ownId: string, ownOrigin: string): string[] | null {
  const m = message as { type?: unknown; keys?: unknown } | null;
  if (typeof m !== 'object' || m === null || m.type !== STORAGE_CHANGED) return null;
  // A content script's sender.url is its page: only our pages and background say what changed.
  if (sender.id !== ownId || typeof sender.url !== 'string' || !sender.url.startsWith(ownOrigin)) return null;
  if (!Array.isArray(m.keys) || m.keys.length === 0 || m.keys.length > MAX_KEYS) return null;
  if (!m.keys.every((key) => typeof key === 'string' && key.length > 0 && key.length <= 200)) return null;
  return [...new Set(m.keys as string[])];
}

export interface RuntimeLike {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: SenderLike) => undefined): void;
    removeListener(listener: (message: unknown, sender: SenderLike) => undefined): void;
  };
}

/** Changes announced by runtime message (to every extension context but the sender's own). */
export function runtimeMessenger(runtime: () => RuntimeLike): ChangeMessenger {
  return {
    send: (keys) => {
      try {
        // No other context open: nobody to tell.
        void runtime()
          .sendMessage({ type: STORAGE_CHANGED, keys })
          .catch(() => undefined);
      } catch {
        // the same, thrown synchronously
      }
    },
    listen: (onKeys) => {
      const listener = (message: unknown, sender: SenderLike): undefined => {
        const keys = changedKeys(message, sender, runtime().id, runtime().getURL('/'));
        if (keys) onKeys(keys);
        return undefined;
      };
      runtime().onMessage.addListener(listener);
      return () => runtime().onMessage.removeListener(listener);
    },
  };
}
