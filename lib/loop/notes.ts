// What the load engine says beyond a week's badge, in plain words for the runner (issue 13, item 0):
// back after a break, the shoes past the runner's own reminder, and the last 7 days against the
// last 4 weeks as background only. And the few short lines the running-log badges carry from the
// loop: the next-run ceiling, or during an episode the return-to-run level and today's session
// instead. Pure: the background computes the lines from storage and sends them to the content
// script, which only shows them (it never reads health data from storage). The popup's "Your knee
// today" panel shows the same notes (popupNotes), with the background it has room for.
import { currentShoe } from '../load/context';
import { loadWarnings } from '../load/warnings';
import type { LoadSettings, Run, WarningLevel } from '../load/types';
import { formatDistance, formatNumber } from '../load/units';
import type { Diary } from '../diary/schema';
import { kneeToday, type KneeToday } from './today';

export interface LoadNote {
  kind: 'break' | 'shoe' | 'acwr';
  level: WarningLevel;
  text: string;
}

/**
 * The break, shoe and 7-day/4-week notes of loadWarnings on `today`, from captured runs. The shoe
 * note needs runs that name their shoes (Strava's gear id): the km are every captured run in
 * those shoes, so at least what they carry. Never throws.
 */
export function loadNotes(runs: Run[], settings: LoadSettings, today: string, now?: string, locale?: string): LoadNote[] {
  const shoe = currentShoe(runs);
  const notes: LoadNote[] = [];
  const dist = (km: unknown) => formatDistance(typeof km === 'number' ? km : 0, settings.units, locale, 0);
  for (const w of loadWarnings(runs, settings, today, { now, locale, ...(shoe ? { shoeKm: shoe.km } : {}) })) {
    if (w.kind === 'break') notes.push({ kind: 'break', level: w.level, text: w.message });
    else if (w.kind === 'shoe') {
      const has = `The shoes of your latest run (as Strava records them) have at least ${dist(w.numbers.shoeKm)} on them in the runs Knee Check has read`;
      notes.push({
        kind: 'shoe',
        level: w.level,
        text:
          w.level === 'ok'
            ? `${has}, under your ${dist(w.numbers.limitKm)} reminder.`
            : `${has}, past your ${dist(w.numbers.limitKm)} reminder. Replacing them then is a rule of thumb: no study has linked shoe distance to injury.`,
      });
    } else if (w.kind === 'acwr' && typeof w.numbers.ratio === 'number') {
      notes.push({
        kind: 'acwr',
        level: 'ok',
        text: `Your running of the last 7 days is ${formatNumber(w.numbers.ratio, locale, 1)} times your usual amount of the last 4 weeks. Background only: this comparison is not proven to predict injury in runners.`,
      });
    }
  }
  return notes;
}

/**
 * A note that warns wherever the loop shows (the running-log badges and the popup): back after a
 * break (not during an episode, whose plan replaces its advice to build up) and shoes past the
 * runner's reminder.
 */
export function isLoopWarning(note: LoadNote, inEpisode: boolean): boolean {
  return (note.kind === 'break' && !inEpisode) || (note.kind === 'shoe' && note.level !== 'ok');
}

/**
 * The popup's "Your knee today" notes: the badges' warnings, shown as they are, and the background
 * the popup has room for behind a "more" (the last 7 days against the last 4 weeks, shoes under
 * the reminder). During an episode only the shoes: the return-to-run plan says how much to run.
 */
export function popupNotes(view: Pick<KneeToday, 'episode'>, notes: readonly LoadNote[]): { warnings: LoadNote[]; background: LoadNote[] } {
  const inEpisode = view.episode !== undefined;
  return {
    warnings: notes.filter((n) => isLoopWarning(n, inEpisode)),
    background: notes.filter((n) => !isLoopWarning(n, inEpisode) && (n.kind === 'shoe' || (n.kind === 'acwr' && !inEpisode))),
  };
}

/** At most this many lines go to a running-log badge. */
export const MAX_SITE_LINES = 4;

/**
 * The running-log badges' lines: during an episode the level and today's session (instead of the
 * ceiling, and of the break note's advice to build up); otherwise the next-run ceiling (the
 * popup's number) when there is one; then back after a break, and shoes past the reminder.
 */
export function siteLoopLines(view: KneeToday, notes: readonly LoadNote[]): string[] {
  const lines: string[] = [];
  if (view.episode) {
    const line = view.episode.line;
    lines.push(`Return to running: ${line.charAt(0).toLowerCase()}${line.slice(1)} Follow this plan instead of building up your distance.`);
  } else if (view.ceiling.ceilingKm !== null) lines.push(`${view.ceilingLine} ${view.ceilingWhy}`);
  for (const note of notes) if (isLoopWarning(note, view.episode !== undefined)) lines.push(note.text);
  return lines.slice(0, MAX_SITE_LINES);
}

/** The badges' lines from the stored values (the background's one call). */
export function siteLinesFrom(input: {
  runs: Run[];
  diary: Diary;
  settings: LoadSettings;
  today: string;
  now: string;
  locale?: string;
}): string[] {
  const { runs, diary, settings, today, now, locale } = input;
  return siteLoopLines(kneeToday({ runs, diary, settings, today, now, locale }), loadNotes(runs, settings, today, now, locale));
}
