// The knowledge base's files (conditions.json, advice.json, plan-items.json) carry fields for
// their readers only: a "note" (the evidence or reasoning behind an entry) and a "$comment". The
// engine never reads them, so the build leaves them out of the extension (wxt.config.ts), about
// 2 KB gzipped of the popup; the files themselves, and the tests that check them, keep them.
const READER_ONLY = new Set(['note', '$comment']);

/** `value` without its reader-only fields, at any depth. */
export function withoutReaderNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReaderNotes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !READER_ONLY.has(key))
      .map(([key, v]) => [key, withoutReaderNotes(v)]),
  );
}

/** Is this module id one of the knowledge base's files? */
export const isKnowledgeBaseFile = (id: string): boolean => /[\\/]lib[\\/]triage[\\/][^\\/]+\.json$/.test(id.split('?')[0]!);
