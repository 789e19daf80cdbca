// Strava (www.strava.com). Reads the data the page itself calls, never the rendered markup
// (../shared/research/sites.md: scraped Strava markup keeps breaking).
import { formatDateTime } from '../load/dates';
import type { Run } from '../load/types';

// Strava renamed `type` to `sport_type` on 2024-10-30; older payloads carry only `type`.
const RUN_SPORT_TYPES = new Set(['Run', 'TrailRun', 'VirtualRun']);

function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Tolerate a numeric string (never the localized display strings: "4,0" is rejected).
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function runFromModel(model: unknown): Run | null {
  if (typeof model !== 'object' || model === null) return null;
  const m = model as Record<string, unknown>;
  const sport = m.sport_type ?? m.type;
  if (typeof sport !== 'string' || !RUN_SPORT_TYPES.has(sport)) return null;
  // `start_date_local_raw` is epoch seconds of the local wall clock: its UTC components are the
  // runner's local time (e.g. 1481471150 -> "2016-12-11T15:45:50", start_time 14:45:50 UTC in Paris).
  const startRaw = finiteNumber(m.start_date_local_raw);
  const metres = finiteNumber(m.distance_raw);
  // Years 0000-9999 only, so the start stays a four-digit "YYYY-MM-DDTHH:mm:ss".
  if (startRaw === null || startRaw < -62_167_219_200 || startRaw >= 253_402_300_800) return null;
  if (metres === null || metres < 0) return null;
  const run: Run = { start: formatDateTime(startRaw), km: metres / 1000 };
  const id = idString(m.id);
  if (id !== undefined) run.id = id;
  const gearId = idString(m.athlete_gear_id);
  if (gearId !== undefined) run.gearId = gearId;
  return run;
}

/**
 * The runs of one parsed page of Strava's `/athlete/training_activities` JSON (`{ models: [...] }`),
 * in page order (newest first). Rides, hikes, skis and malformed models are skipped; never throws.
 * Contract: ../shared/contract/load.md.
 */
export function runsFromTrainingActivities(json: unknown): Run[] {
  let models: unknown;
  try {
    models = typeof json === 'object' && json !== null ? (json as { models?: unknown }).models : undefined;
  } catch {
    return [];
  }
  if (!Array.isArray(models)) return [];
  const runs: Run[] = [];
  for (const model of models) {
    try {
      const run = runFromModel(model);
      if (run) runs.push(run);
    } catch {
      // A throwing getter or proxy in one model skips that model: page data never breaks the badge.
    }
  }
  return runs;
}
