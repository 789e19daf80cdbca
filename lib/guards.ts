// The type guards every boundary uses (stored values, messages, site JSON): one spelling each.
// Pure, no imports: the content script, the background and the popup share them.

/** A plain object (not null, not an array), whose fields are still to be checked. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A real number: not NaN, not ±Infinity, not a numeric string. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A real number >= 0 (a distance, a count). */
export function isNonNegativeNumber(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0;
}

/** What a caught value says, for a message to the runner (anything can be thrown). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
