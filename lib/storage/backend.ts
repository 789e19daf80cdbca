// Where Knee Check keeps its values: one small interface (get, set, remove, and a change feed) that
// the versioned items (./versioned.ts) and the few direct readers use. Chrome: storage.local,
// closed to content scripts by setAccessLevel (lib/background/content-channel). Firefox, which
// has no such switch for storage.local: IndexedDB in the extension's own origin (./idb.ts), which
// a content script (the page's principal) cannot open. ./local-store.ts picks one at build time.

/** One key's change. `oldValue` is absent when the writer's old value is not known here. */
export interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}
export type StorageChanges = Record<string, StorageChange>;

export interface StorageBackend {
  /** 'storage.local' or 'indexeddb' (shown in no UI; tests and diagnostics). */
  readonly kind: string;
  /** The values of these keys (absent keys are left out); every key when `keys` is null. */
  get(keys: string | readonly string[] | null): Promise<Record<string, unknown>>;
  /** Write these values (an `undefined` value removes its key). */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | readonly string[]): Promise<void>;
  /** Every change made in any extension context (this one included). Returns unsubscribe. */
  onChanged(listener: (changes: StorageChanges) => void): () => void;
}

/** The part of `browser.storage.local` used here. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  onChanged: {
    addListener(listener: (changes: Record<string, StorageChange>) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>) => void): void;
  };
}

/** Deep equality of stored (JSON-like) values (as WXT's storage layer compares changes). */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b; // NaN
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameStored(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameStored((a as never)[k], (b as never)[k]))
  );
}

const keyList = (keys: string | readonly string[]): string[] => (typeof keys === 'string' ? [keys] : [...keys]);

/** A `browser.storage` area as a backend (read lazily: the area exists only in an extension context). */
export function storageAreaBackend(area: () => StorageAreaLike, kind = 'storage.local'): StorageBackend {
  return {
    kind,
    get: (keys) => area().get(keys === null ? null : keyList(keys)),
    set: async (items) => {
      const gone = Object.keys(items).filter((key) => items[key] === undefined);
      const kept = Object.fromEntries(Object.entries(items).filter(([, value]) => value !== undefined));
      if (Object.keys(kept).length > 0) await area().set(kept);
      if (gone.length > 0) await area().remove(gone);
    },
    remove: (keys) => area().remove(keyList(keys)),
    onChanged: (listener) => {
      const forward = (changes: Record<string, StorageChange>) => listener(changes);
      area().onChanged.addListener(forward);
      return () => area().onChanged.removeListener(forward);
    },
  };
}
