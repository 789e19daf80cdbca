// A reader's side of ctx.parse (lib/sites/parse): keep the parser's answer only when it is well
// formed (a run as the parsers make them; else the whole answer is not used: no runs rather than
// wrong ones).
import { MAX_RUN_KM } from '../history/validate';
import type { Run } from '../load/types';
import type { AdapterContext, ParseRequest } from './types';

type Rec = Record<string, unknown>;
const RUN_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const idOk = (value: unknown) => value === undefined || (typeof value === 'string' && value.length <= 1000);

export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
export const dayOrNull = (value: unknown): string | null => (typeof value === 'string' && DAY.test(value) ? value : null);

/** Runs as the parsers make them ({start, km, id?, gearId?}), else null. */
export function runsOf(raw: unknown): Run[] | null {
  if (!Array.isArray(raw) || raw.length > 5000) return null;
  const runs: Run[] = [];
  for (const item of raw) {
    const { start, km: rawKm, id, gearId } = (typeof item === 'object' && item !== null ? item : {}) as Rec;
    const km = num(rawKm);
    if (typeof start !== 'string' || !RUN_START.test(start) || km === null || km < 0 || km > MAX_RUN_KM) return null;
    if (!idOk(id) || !idOk(gearId)) return null;
    const run: Run = { start, km };
    if (id !== undefined) run.id = id as string;
    if (gearId !== undefined) run.gearId = gearId as string;
    runs.push(run);
  }
  return runs;
}

/** Days ("YYYY-MM-DD"), at most `max`, else null. */
export function daysOf(raw: unknown, max = 1000): string[] | null {
  return Array.isArray(raw) && raw.length <= max && raw.every((d) => dayOrNull(d) !== null) ? (raw as string[]) : null;
}

/** The background's reading of `request.data`, or null (no answer, or not an object). Never throws. */
export async function parsed(ctx: AdapterContext, request: ParseRequest): Promise<Rec | null> {
  try {
    const answer = await ctx.parse?.(request);
    return typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as Rec) : null;
  } catch {
    return null;
  }
}
