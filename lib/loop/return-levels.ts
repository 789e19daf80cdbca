// Return to running after a knee injury: eight walk-run levels and the rules that move a runner
// between them, gated by pain check-ins. Pure: no DOM, no browser APIs, no zod.
//
// Sources (docs/research/evidence.md §4, §6):
// - Levels 2-7 are the walk-run protocol of the Trials 2023 RCT protocol
//   (doi 10.1186/s13063-023-07502-x, table 1), at an effort of 3-5/10 on flat ground:
//   run/walk 3/2 min for 1.0 mi; 3/2 for 1.5 mi; 4/2 for 1.5 mi; 4/2 for 2.0 mi; 4/1 for 2.0 mi;
//   continuous 2.0 mi. Each phase at least twice, at least one rest day between runs, no progress
//   if swelling, stiffness or pain rise.
// - Level 1 is the readiness test before any running: 30-45 min of brisk walking pain-free
//   (seed articles 000 and 004).
// - Level 8 holds the tolerated distance for a week or more (3-4 pain-free runs) before raising
//   mileage (seed article 001).
// - Move up only after a level went without more pain, about two levels a week at most, drop a
//   level after a bad day (the Delaware walk-run progression, PMC6693858 table 4; evidence.md §6).
// - Bone stress injury: the return must be pain-free (Hoenig et al., BJSM 2025 Delphi).
import { KM_PER_MILE } from '../load/units';
import type { Light } from './checkin';

export interface ReturnLevel {
  level: number;
  /** Minutes running, then walking, repeated; null for a walk or a continuous run. */
  runMin: number | null;
  walkMin: number | null;
  /** The session's distance, km (null: by time). */
  km: number | null;
  /** Minutes for a time-based level. */
  minutes: number | null;
  /** Short words for the session. */
  summary: string;
  source: string;
}

export interface LadderSession {
  date: string;
  level: number;
  light: Light;
}

export interface LevelChange {
  date: string;
  from: number;
  to: number;
}

export interface Ladder {
  level: number;
  sessions: LadderSession[];
  changes: LevelChange[];
}

const TRIALS_2023 = 'Trials 2023 walk-run protocol (doi 10.1186/s13063-023-07502-x, table 1)';
const mi = (miles: number) => Math.round(miles * KM_PER_MILE * 10) / 10;

export const RETURN_LEVELS: readonly ReturnLevel[] = [
  {
    level: 1,
    runMin: null,
    walkMin: null,
    km: null,
    minutes: 30,
    summary: 'Brisk walk for 30 minutes, pain-free',
    source: 'Readiness before running (seed articles 000, 004)',
  },
  { level: 2, runMin: 3, walkMin: 2, km: mi(1.0), minutes: null, summary: 'Run 3 min, walk 2 min', source: TRIALS_2023 },
  { level: 3, runMin: 3, walkMin: 2, km: mi(1.5), minutes: null, summary: 'Run 3 min, walk 2 min', source: TRIALS_2023 },
  { level: 4, runMin: 4, walkMin: 2, km: mi(1.5), minutes: null, summary: 'Run 4 min, walk 2 min', source: TRIALS_2023 },
  { level: 5, runMin: 4, walkMin: 2, km: mi(2.0), minutes: null, summary: 'Run 4 min, walk 2 min', source: TRIALS_2023 },
  { level: 6, runMin: 4, walkMin: 1, km: mi(2.0), minutes: null, summary: 'Run 4 min, walk 1 min', source: TRIALS_2023 },
  { level: 7, runMin: null, walkMin: null, km: mi(2.0), minutes: null, summary: 'Run continuously', source: TRIALS_2023 },
  {
    level: 8,
    runMin: null,
    walkMin: null,
    km: null,
    minutes: null,
    summary: 'Hold your tolerated distance for a week (3-4 pain-free runs), then build',
    source: 'Return-to-run advice (seed article 001)',
  },
];

export const TOP_LEVEL = RETURN_LEVELS.length;
/** Green sessions needed at a level before moving up (Trials 2023: each phase at least twice). */
export const GREEN_SESSIONS_TO_ADVANCE = 2;
/** At most this many levels up in any 7 days (evidence.md §6: about two levels a week). */
export const MAX_LEVELS_UP_PER_WEEK = 2;

/** The level's description (clamped to 1..8). */
export function levelInfo(level: number): ReturnLevel {
  return RETURN_LEVELS[clampLevel(level) - 1] ?? (RETURN_LEVELS[0] as ReturnLevel);
}

/**
 * Where an episode starts, so the plan says one thing: a runner told to change their training
 * (modify-load) is still running, and their result's plan holds the tolerated load then builds
 * (seed article 001; lib/triage/plan-items' build-back), which is level 8 here, not a 30-minute
 * walk. After a visit (see-clinician) or with bone stress, the return starts at the walk.
 */
export function startLevelFor(care: string, boneStress: boolean): number {
  return care === 'modify-load' && !boneStress ? TOP_LEVEL : 1;
}

export function startLadder(level = 1): Ladder {
  return { level: clampLevel(level), sessions: [], changes: [] };
}

function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(TOP_LEVEL, Math.max(1, level)) : 1;
}

function dayNumber(date: string): number | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

/**
 * The ladder after one session at the current level, judged by its check-in light
 * (checkInLight, with boneStress for a bone stress episode):
 * - red: down one level (not below 1);
 * - amber: stay, and the green count at this level starts again (no progress if pain rose);
 * - green: up one level after two greens at this level since the last change, unless two levels
 *   were already gained in the 7 days up to this session.
 * A session dated before the last one is ignored (the diary is append-only). Returns a new ladder.
 */
export function recordSession(ladder: Ladder, date: string, light: Light): Ladder {
  const day = dayNumber(date);
  const last = ladder.sessions.at(-1);
  if (day === null || (last && (dayNumber(last.date) ?? -Infinity) > day)) return ladder;
  const level = clampLevel(ladder.level);
  const sessions = [...ladder.sessions, { date, level, light }];
  const changes = [...ladder.changes];
  let next = level;
  if (light === 'red') next = Math.max(1, level - 1);
  else if (light === 'green' && level < TOP_LEVEL) {
    const streak = greensAfterLastNonGreen(sessions, level, lastChangeDay(changes));
    const upsThisWeek = changes.filter((c) => c.to > c.from && day - (dayNumber(c.date) ?? -Infinity) < 7).length;
    if (streak >= GREEN_SESSIONS_TO_ADVANCE && upsThisWeek < MAX_LEVELS_UP_PER_WEEK) next = level + 1;
  }
  if (next !== level) changes.push({ date, from: level, to: next });
  return { level: next, sessions, changes };
}

function lastChangeDay(changes: readonly LevelChange[]): number {
  const last = changes.at(-1);
  return last ? (dayNumber(last.date) ?? -Infinity) : -Infinity;
}

/** Green sessions at `level` since the last change, counted back to the last amber or red. */
function greensAfterLastNonGreen(sessions: readonly LadderSession[], level: number, since: number): number {
  let n = 0;
  for (const s of [...sessions].reverse()) {
    if (s.level !== level || (dayNumber(s.date) ?? -Infinity) < since) break;
    if (s.light !== 'green') break;
    n++;
  }
  return n;
}

export interface TodaySession {
  /** A rest day (a session yesterday or today already): cross-train or walk instead. */
  rest: boolean;
  level: ReturnLevel;
  why: string;
}

/** Today's session: the current level, or a rest day when the last session was yesterday or today. */
export function todaySession(ladder: Ladder, today: string): TodaySession {
  const level = levelInfo(ladder.level);
  const t = dayNumber(today);
  const last = ladder.sessions.at(-1);
  const lastDay = last ? dayNumber(last.date) : null;
  if (t !== null && lastDay !== null && t - lastDay < 2 && level.level > 1) {
    return { rest: true, level, why: t === lastDay ? 'You have had today’s session.' : 'A rest day between runs (at least one).' };
  }
  return { rest: false, level, why: `Level ${level.level} of ${TOP_LEVEL}.` };
}
