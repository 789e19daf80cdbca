// Adapters tell the core what they learned about their data (sources, refusals, partial days,
// coverage: lib/sites/types.ts AdapterNotes). A note never breaks a read: the core's listener is
// not the adapter's to trust. Pure of zod and Preact.
import type { AdapterContext, AdapterNotes } from './types';

export function noteTo(ctx: AdapterContext, notes: AdapterNotes): void {
  try {
    ctx.note?.(notes);
  } catch {
    // The read goes on; the popup just knows less.
  }
}
