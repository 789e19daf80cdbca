// The readers' ctx.parse, in the background (lib/background/reading-host): the JSON a page carried
// or a same-origin call answered, read into the runs in it, read by the same adapter code the
// fixture tests check (./strava-parse). The data is untrusted (the page may be hostile, the
// content script subverted): the parsers never throw, the input is size-capped, and every run
// kept passes lib/history/validate's rules. Pure: no storage, no network, nothing kept.
import { runProblem } from '../history/validate';
import type { Run } from '../load/types';
import { MAX_LOG_WEEKS, readActivitiesPage, readTrainingLogData, rec, runsFromDashboardFeed } from './strava-parse';
import { garminActivityList, isGarminCalendarAnswer, runsFromGarminActivities, runsFromGarminCalendar } from './garmin';
import { runsFromIntervalsActivities, stubDays } from './intervals';
import type { ParseRequest } from './types';

/** The largest JSON text read (the content script's fetch cap, lib/content/fetch MAX_BODY_BYTES). */
export const MAX_PARSE_CHARS = 5 * 1024 * 1024;
/** The longest list of models or feed entries read from one answer (a page asks for 50). */
export const MAX_PARSE_ITEMS = 5000;

/** Runs with a real start and a distance within the one cap rule (0 km is kept: the sites list them). */
function checked(runs: Run[]): Run[] {
  return runs.filter((run) => {
    const problem = runProblem(run, '9999-12-31');
    return problem === null || (problem === 'distance' && run.km === 0);
  });
}

const tooLong = (list: unknown) => Array.isArray(list) && list.length > MAX_PARSE_ITEMS;

/** What `data` holds for `kind`; null when it is nothing readable. Never throws. */
export function parseSiteData(kind: unknown, data: unknown, athleteId?: unknown, range?: unknown): unknown {
  try {
    if (kind === 'strava:page') {
      if (typeof data !== 'string' || data.length > MAX_PARSE_CHARS) return null;
      const { runs, from, to, weeks, athleteId: athlete } = readTrainingLogData(data);
      // The weeks it lists tell the page which week each row shows (lib/sites/strava-page rowWeekStart).
      return { runs: runs && checked(runs), from, to, weeks: [...weeks].sort().slice(-MAX_LOG_WEEKS), athleteId: athlete };
    }
    if (kind === 'strava:activities') {
      if (tooLong(rec(data).models)) return null;
      const page = readActivitiesPage(data);
      return page && { ...page, runs: checked(page.runs) };
    }
    if (kind === 'strava:feed') {
      if (tooLong(rec(data).entries)) return null;
      const id = typeof athleteId === 'string' && /^\d{1,30}$/.test(athleteId) ? athleteId : null;
      const page = runsFromDashboardFeed(data, id);
      return page && { ...page, runs: checked(page.runs) };
    }
    if (kind === 'garmin:activities') {
      const list = garminActivityList(data);
      if (!list || tooLong(list)) return null;
      return { runs: checked(runsFromGarminActivities(data)), count: list.length };
    }
    if (kind === 'garmin:calendar') {
      if (!isGarminCalendarAnswer(data) || tooLong(rec(data).calendarItems)) return null;
      return { runs: checked(runsFromGarminCalendar(data)) };
    }
    if (kind === 'intervals:activities') {
      const { from, to } = rec(range);
      const day = /^\d{4}-\d{2}-\d{2}$/;
      // A sign-in page or an error object is not an answer.
      if (!Array.isArray(data) || tooLong(data) || typeof from !== 'string' || typeof to !== 'string') return null;
      if (!day.test(from) || !day.test(to) || from > to) return null;
      return { runs: checked(runsFromIntervalsActivities(data)), stubs: stubDays(data, { from, to }) };
    }
  } catch {
    // nothing readable
  }
  return null;
}

/** The same reading in-process, for the fixture tests and `npm run site-check`. */
export const parseLocally = async (request: ParseRequest): Promise<unknown> =>
  parseSiteData(request.kind, request.data, request.athleteId, request.range);
