// One way to keep a value: WXT's versioned storage (`storage.defineItem` with a version and its
// migrations), behind a guard. WXT migrates from the version in the value's meta ("<key>$"), and
// builds a list of every version in between: a meta of {"v": -1e9} exhausts memory before any
// of our code runs, and {"v": 1.5} or {"v": "2"} would run migrations out of order. So the meta is
// checked first, and WXT only ever sees a whole version from 1 to MAX_STORED_VERSION. An absurd
// version is refused: the value is kept as it is, its meta says the current version (no migration
// runs on a value of unknown shape), and each reader's validation then decides what is usable.
import { browser, storage } from '#imports';

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
export async function refuseAbsurdVersion(key: `local:${string}`, version: number): Promise<string | null> {
  const metaKey = `${key.slice('local:'.length)}$`;
  try {
    const meta = (await browser.storage.local.get(metaKey))[metaKey];
    const problem = versionMetaProblem(meta);
    if (problem === null) return null;
    await browser.storage.local.set({ [metaKey]: { v: version } });
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
  /** Runs WXT's migration again (it already ran once when the item was first used). */
  migrate(): Promise<void>;
  watch(onChange: (value: T | null) => void): () => void;
}

/**
 * `storage.defineItem(key, { version, migrations })`, defined only after the meta has been checked
 * (WXT starts migrating as soon as an item is defined). Migrations are keyed by the version they
 * produce; each should be pure and is tested on its own.
 */
export function defineVersionedItem<T>(
  key: `local:${string}`,
  options: { version: number; migrations: Record<number, (value: unknown) => unknown> },
): VersionedItem<T> {
  let defined: Promise<ReturnType<typeof storage.defineItem<T>>> | undefined;
  const item = () =>
    (defined ??= refuseAbsurdVersion(key, options.version).then(() =>
      storage.defineItem<T>(key, { version: options.version, migrations: options.migrations }),
    ));
  return {
    key,
    version: options.version,
    getValue: async () => (await item()).getValue(),
    setValue: async (value) => (await item()).setValue(value),
    // The meta stays: a value written later is this version's shape, never mistaken for version 1.
    removeValue: async () => (await item()).removeValue(),
    getMeta: async () => (await item()).getMeta() as Promise<Record<string, unknown>>,
    setMeta: async (meta) => (await item()).setMeta(meta as never),
    migrate: async () => {
      await refuseAbsurdVersion(key, options.version); // the meta may have changed since the item was defined
      return (await item()).migrate();
    },
    watch: (onChange) => storage.watch<T>(key, (value) => onChange(value ?? null)),
  };
}
