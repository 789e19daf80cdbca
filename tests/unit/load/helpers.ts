// Shared by the load tests: the real fixtures, and slow but obviously correct reference versions
// of the contract functions (Date.UTC arithmetic and all-pairs loops), written independently of
// lib/load so the tests compare two implementations rather than one with itself.
import { readFileSync } from 'node:fs';
import type { LoadSettings, Run } from '../../../lib/load/types';

const SHARED = new URL('../../fixtures/real/', import.meta.url);

export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, SHARED), 'utf8'));
}

export const RUN_TYPES = ['Run', 'TrailRun', 'VirtualRun'];

interface HistoryItem {
  start_date_local: string;
  distance: number;
  type: string;
}

/** Runs of a history file: "2022-10-08 12:17:45" becomes the contract's "2022-10-08T12:17:45". */
export function historyRuns(name: 'runner-a' | 'runner-c'): Run[] {
  const items = readFixture(`histories/${name}.json`) as HistoryItem[];
  return items
    .filter((a) => RUN_TYPES.includes(a.type))
    .map((a) => ({ start: a.start_date_local.replace(' ', 'T'), km: a.distance / 1000 }));
}

export const SETTINGS: LoadSettings = {
  units: 'km',
  weekStartsOn: 'monday',
  weeklyIncreasePct: 10,
  spikePct: 10,
  shoeKmLimit: 700,
};

const DAY = 86_400_000;

/** Reference parse: the wall clock read as UTC by the platform's own Date.UTC. */
export function refMs(start: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(start);
  if (!m) throw new Error(`reference parser given ${start}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Reference weeklyTotals for canonical starts: a map of week starts, then a walk week by week. */
export function refWeekly(runs: Run[], weekStartsOn: 'monday' | 'sunday', until?: string) {
  if (runs.length === 0) return [];
  const weekOf = (ms: number) => {
    const midnight = Math.floor(ms / DAY) * DAY;
    const dow = new Date(midnight).getUTCDay();
    return midnight - (weekStartsOn === 'sunday' ? dow : (dow + 6) % 7) * DAY;
  };
  const times = runs.map((r) => refMs(r.start));
  const first = weekOf(Math.min(...times));
  const last = weekOf(until ? refMs(`${until}T00:00:00`) : Math.max(...times));
  const rows: { weekStart: string; km: number; runs: number }[] = [];
  for (let w = first; w <= last; w += 7 * DAY) {
    const inWeek = runs.filter((_, i) => weekOf(times[i]!) === w);
    rows.push({ weekStart: isoDay(w), km: inWeek.reduce((s, r) => s + r.km, 0), runs: inWeek.length });
  }
  return rows;
}

/** Reference runSpikes: every run against every other run, O(n²). */
export function refSpikes(runs: Run[]) {
  const rows = runs.map((r) => {
    const t = refMs(r.start);
    let longest: number | null = null;
    for (const other of runs) {
      const u = refMs(other.start);
      if (u >= t - 30 * DAY && u < t && (longest === null || other.km > longest)) longest = other.km;
    }
    return {
      start: r.start,
      km: r.km,
      longestPrior30dKm: longest,
      spikePct: longest === null || longest === 0 ? null : (r.km / longest - 1) * 100,
    };
  });
  return rows.sort((a, b) => refMs(a.start) - refMs(b.start) || a.km - b.km);
}

/** Compare rows whose km are floating sums, to a relative 1e-9. */
export function closeRows(actual: { km: number }[], expected: { km: number }[]): boolean {
  return (
    actual.length === expected.length &&
    actual.every((row, i) => {
      const e = expected[i]!;
      const { km: a, ...restA } = row;
      const { km: b, ...restB } = e;
      return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) && JSON.stringify(restA) === JSON.stringify(restB);
    })
  );
}
