// What the popup's "Your knee today" panel says, as plain data: the next-run ceiling in the
// runner's units, the last check-in's light, the question waiting for an answer, and during an
// episode the return-to-run level and today's session. Pure, so every sentence is unit tested.
import { formatDistance, fromDisplay, toDisplay } from '../load/units';
import type { Run, Units } from '../load/types';
import type { Diary, DiaryCheckIn, Episode } from '../diary/schema';
import { activeEpisode, awaitingMorning } from '../diary/diary';
import { checkInLight, type LightVerdict } from './checkin';
import { nextRunCeiling, type Ceiling } from './ceiling';
import { TOP_LEVEL, todaySession, type TodaySession } from './return-levels';

export interface KneeToday {
  ceiling: Ceiling;
  /** "Keep your next run under 12.6 km" or why there is no number. */
  ceilingLine: string;
  /** Why the ceiling is what it is. */
  ceilingWhy: string;
  /** The latest check-in of the last 7 days and its light. */
  lastCheckIn?: { checkIn: DiaryCheckIn; verdict: LightVerdict };
  /** A check-in from before today still waiting for its next-morning answer. */
  askMorning?: DiaryCheckIn;
  /** The latest captured run without a check-in (today or yesterday): what to ask about. */
  runToCheckIn?: Run;
  episode?: { episode: Episode; session: TodaySession; line: string };
}

const LIGHT_WORD = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

/**
 * A ceiling in the runner's units, rounded down to 0.1 (never shown above the true one: 4.0 km is
 * "2.4 mi", not "2.5 mi"). The popup, the toolbar icon and the running-log badges all use it.
 */
export function ceilingText(km: number, units: Units, locale?: string): string {
  return formatDistance(fromDisplay(Math.floor(toDisplay(km, units) * 10 + 1e-9) / 10, units), units, locale);
}
export { LIGHT_WORD };

export function kneeToday(input: {
  runs: readonly Run[];
  diary: Diary;
  settings: { units: Units; spikePct: number };
  today: string;
  now: string;
  locale?: string;
}): KneeToday {
  const { runs, diary, settings, today, now, locale } = input;
  const episode = activeEpisode(diary);
  const boneStress = episode?.boneStress ?? false;
  const ceiling = nextRunCeiling(runs, now, settings.spikePct, diary.checkIns, boneStress);
  const dist = (km: number) => formatDistance(km, settings.units, locale);

  let ceilingLine: string;
  let ceilingWhy: string;
  if (ceiling.ceilingKm === null) {
    ceilingLine = 'No run in the last 30 days to build on.';
    ceilingWhy = 'Start short and easy, and add a little at a time.';
  } else {
    ceilingLine = `Keep your next run under ${ceilingText(ceiling.ceilingKm, settings.units, locale)}.`;
    const longest = ceiling.longestKm === null ? null : dist(ceiling.longestKm);
    ceilingWhy =
      ceiling.basis === 'red-cut'
        ? 'After a red check-in: a third shorter than the run that hurt.'
        : ceiling.basis === 'amber-hold'
          ? `After an amber check-in: no longer than your longest run of the last 30 days (${longest}).`
          : `Your longest run of the last 30 days was ${longest}; up to ${settings.spikePct} % more is your own limit for one run.`;
  }

  const recent = [...diary.checkIns].reverse().find((c) => c.date <= today && daysBetween(c.date, today) < 7);
  const lastCheckIn = recent ? { checkIn: recent, verdict: checkInLight(recent, boneStress) } : undefined;
  const askMorning = awaitingMorning(diary, today);
  const checked = new Set(diary.checkIns.map((c) => c.runStart).filter(Boolean));
  const latestRun = [...runs].sort((a, b) => (a.start < b.start ? -1 : 1)).at(-1);
  const runToCheckIn =
    latestRun && !checked.has(latestRun.start) && daysBetween(latestRun.start.slice(0, 10), today) <= 1 ? latestRun : undefined;

  let episodePart: KneeToday['episode'];
  if (episode) {
    const session = todaySession(episode.ladder, today);
    const km = session.level.km === null ? '' : `, ${dist(session.level.km)} in all`;
    const mins = session.level.minutes === null ? '' : ` (${session.level.minutes} min)`;
    const what = `${session.level.summary}${km}${mins}`;
    const line = session.rest
      ? `Level ${session.level.level} of ${TOP_LEVEL}. Rest day: walk, cycle or swim instead. Next session: ${what}.`
      : `Level ${session.level.level} of ${TOP_LEVEL}. Today: ${what}${boneStress ? ' — only if it stays pain-free' : ''}.`;
    episodePart = { episode, session, line };
  }

  return { ceiling, ceilingLine, ceilingWhy, lastCheckIn, askMorning, runToCheckIn, episode: episodePart };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
