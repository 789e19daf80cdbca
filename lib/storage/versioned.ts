// One way to keep a value: a versioned item (the value at "<key>", its meta at "<key>$" with the
// version of its shape, and the migrations that bring an older shape up to date), kept in this
// build's backend (./local-store.ts: storage.local in Chrome, the extension's IndexedDB in
// Firefox). It follows WXT's versioned storage (`storage.defineItem`) step for step, on any
// backend, behind a guard: WXT migrates from the version in the meta and builds a list of every
// version in between, so a meta of {"v": -1e9} would exhaust memory, and {"v": 1.5} or {"v": "2"}
// would run migrations out of order. So the meta is checked first, and the migration only ever
// sees a whole version from 1 to MAX_STORED_VERSION. An absurd version is refused: the value is
// kept as it is, its meta says the current version (no migration runs on a value of unknown
// shape), and each reader's validation then decides what is usable.
import { sameStored, type StorageBackend } from './backend';
import { localStore } from './local-store';

/** No real release will reach this many shape changes; a larger stored version is not ours. */
export const MAX_STORED_VERSION = 1000;

/** Why WXT must not see this meta, or null when it may (none yet, or a whole version 1..MAX). */
export function versionMetaProblem(meta: unknown): string | null {
  if (meta === undefined || meta === null) return null;
  if (typeof meta !== 'object' || Array.isArray(meta)) return 'meta is not an object';
  const v = (meta as { v?: unknown }).v;
  if (v === undefined) return null; // WXT reads a missing version as 1
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `version ${String(v)} is not a whole number`;
  if (v < 1 || v > MAX_STORED_VERSION) return `version ${v} is outside 1..${MAX_STORED_VERSION}`;
  return null;
}

/**
 * Make the meta of `key` ("local:name") safe for WXT: an absurd version is replaced by `version`
 * (the value itself is not touched). Returns the problem found, or null. Never throws.
 */
export async function refuseAbsurdVersion(
  key: `local:${string}`,
  version: number,
  backend: StorageBackend = localStore,
): Promise<string | null> {
  const metaKey = `${key.slice('local:'.length)}$`;
  try {
    const meta = (await backend.get(metaKey))[metaKey];
    const problem = versionMetaProblem(meta);
    if (problem === null) return null;
    await backend.set({ [metaKey]: { v: version } });
    // The extension's own console only.
    console.warn(`Knee Check: ${key}: ${problem}; refused, the value is read as version ${version} and validated.`);
    return problem;
  } catch {
    return null; // storage unreadable: WXT and the readers meet the same error
  }
}

export interface VersionedItem<T> {
  key: `local:${string}`;
  version: number;
  getValue(): Promise<T | null>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  getMeta(): Promise<Record<string, unknown>>;
  setMeta(meta: Record<string, unknown>): Promise<void>;
  /** Runs the migration again (it already ran once when the item was first used). */
  migrate(): Promise<void>;
  watch(onChange: (value: T | null) => void): () => void;
}

/** A migration threw: the stored value stays as it was (as in WXT). */
export class MigrationError extends Error {
  constructor(
    readonly key: string,
    readonly version: number,
    options?: { cause?: unknown },
  ) {
    super(`v${version} migration failed for "${key}"`, options);
  }
}

const metaObject = (meta: unknown): Record<string, unknown> =>
  meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {};

/** Merge meta fields as WXT does: a null or undefined field is removed. */
function mergeMeta(old: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...old };
  for (const [field, value] of Object.entries(update)) {
    if (value === null || value === undefined) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}

/**
 * WXT's `storage.defineItem(key, { version, migrations })` on `backend`, migrated only after the
 * meta has been checked (the migration starts with the item's first use). Migrations are keyed by
 * the version they produce; each should be pure and is tested on its own.
 */
export function defineVersionedItem<T>(
  key: `local:${string}`,
  options: { version: number; migrations: Record<number, (value: unknown) => unknown> },
  backend: StorageBackend = localStore,
): VersionedItem<T> {
  const name = key.slice('local:'.length);
  const metaKey = `${name}$`;
  const target = options.version;
  if (target < 1) throw new Error('Storage item version cannot be less than 1.');
  // Nothing stored and no version yet: the first write also records this version (as WXT).
  let needsVersionSet = false;

  const runMigration = async (): Promise<void> => {
    const stored = await backend.get([name, metaKey]);
    const value = stored[name];
    const meta = stored[metaKey] as { v?: unknown } | null | undefined;
    needsVersionSet = (value === undefined || value === null) && (meta?.v === undefined || meta?.v === null);
    if (value === undefined || value === null) return;
    const current = (meta?.v ?? 1) as number;
    if (current > target) throw new Error(`Version downgrade detected (v${current} -> v${target}) for "${key}"`);
    if (current === target) return;
    let migrated: unknown = value;
    for (let version = current + 1; version <= target; version++) {
      try {
        migrated = (await options.migrations[version]?.(migrated)) ?? migrated;
      } catch (error) {
        throw new MigrationError(key, version, { cause: error });
      }
    }
    await backend.set({ [name]: migrated, [metaKey]: { ...metaObject(meta), v: target } });
  };

  let migrated: Promise<void> | undefined;
  const ready = () =>
    (migrated ??= refuseAbsurdVersion(key, target, backend)
      .then(runMigration)
      .catch((error: unknown) => {
        // The extension's own console; the value stays as it was and each reader validates it.
        console.error(`Knee Check: migration failed for ${key}`, error);
      }));

  const getMeta = async () => metaObject((await backend.get(metaKey))[metaKey]);
  const setMeta = async (update: Record<string, unknown>) => backend.set({ [metaKey]: mergeMeta(await getMeta(), update) });
  const setItem = (value: T | null | undefined) =>
    value === null || value === undefined ? backend.remove(name) : backend.set({ [name]: value });

  return {
    key,
    version: target,
    getValue: async () => {
      await ready();
      return ((await backend.get(name))[name] ?? null) as T | null;
    },
    setValue: async (value) => {
      await ready();
      if (needsVersionSet) {
        needsVersionSet = false;
        await Promise.all([setItem(value), setMeta({ v: target })]);
      } else await setItem(value);
    },
    // The meta stays: a value written later is this version's shape, never mistaken for version 1.
    removeValue: async () => {
      await ready();
      await backend.remove(name);
    },
    getMeta: async () => {
      await ready();
      return getMeta();
    },
    setMeta: async (meta) => {
      await ready();
      await setMeta(meta);
    },
    migrate: async () => {
      await refuseAbsurdVersion(key, target, backend); // the meta may have changed since the first use
      await runMigration();
    },
    watch: (onChange) =>
      backend.onChanged((changes) => {
        const change = changes[name];
        // A write of the same value is no change (as WXT); a change from another context may not know the old value.
        if (change === undefined || ('oldValue' in change && sameStored(change.newValue, change.oldValue))) return;
        onChange((change.newValue ?? null) as T | null);
      }),
  };
}
