// Pure operations on the knee diary: add a check-in, answer its next-morning question, start and
// close an injury episode whose return-to-run ladder moves with the check-ins, keep a checker
// result, set "Your knee". Each returns a new diary (the stored one is replaced whole).
import { checkInLight } from '../loop/checkin';
import { recordSession, startLadder, startLevelFor } from '../loop/return-levels';
import type { CareLevel, ConditionId, Location, SIDES } from '../triage/types';

type Side = (typeof SIDES)[number];
import { MAX_CHECK_INS, MAX_EPISODES, MAX_RESULTS, type Diary, type DiaryCheckIn, type Episode, type KneeProfile } from './schema';

/** A short random id (crypto where available; ids only need to be unique within one diary). */
export function newId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function activeEpisode(diary: Diary): Episode | undefined {
  return diary.episodes.find((e) => e.closedOn === undefined);
}

/**
 * Add a check-in (newest last; the oldest drop past the cap). During an episode it belongs to the
 * episode. A check-in for a run already checked in replaces the earlier one. An earlier check-in
 * of the episode that never got its morning answer is judged on its pain alone now, so the ladder
 * never waits on a question the runner skipped.
 */
export function addCheckIn(diary: Diary, checkIn: Omit<DiaryCheckIn, 'id' | 'episodeId'> & { id?: string }): Diary {
  const episode = activeEpisode(diary);
  const entry: DiaryCheckIn = { ...checkIn, id: checkIn.id ?? newId(), ...(episode ? { episodeId: episode.id } : {}) };
  let next: Diary = diary;
  for (const open of diary.checkIns.filter((c) => c.episodeId === episode?.id && episode && c.nextMorning === undefined)) {
    next = settle(next, open.id);
  }
  const kept = next.checkIns.filter((c) => !(entry.runStart !== undefined && c.runStart === entry.runStart) && c.id !== entry.id);
  return { ...next, checkIns: [...kept, entry].slice(-MAX_CHECK_INS) };
}

/** The next-morning answer for one check-in; during an episode it also moves the ladder. */
export function answerMorning(diary: Diary, checkInId: string, nextMorning: NonNullable<DiaryCheckIn['nextMorning']>): Diary {
  const checkIns = diary.checkIns.map((c) => (c.id === checkInId ? { ...c, nextMorning } : c));
  return settle({ ...diary, checkIns }, checkInId);
}

/** Put one check-in's light on its episode's ladder (one session a day: a second check-in that day does not move it). */
function settle(diary: Diary, checkInId: string): Diary {
  const checkIn = diary.checkIns.find((c) => c.id === checkInId);
  if (!checkIn?.episodeId) return diary;
  const episodes = diary.episodes.map((e) => {
    if (e.id !== checkIn.episodeId || e.closedOn !== undefined) return e;
    if (e.ladder.sessions.some((s) => s.date === checkIn.date)) return e;
    const { light } = checkInLight(checkIn, e.boneStress);
    const ladder = recordSession(e.ladder, checkIn.date, light);
    return { ...e, ladder };
  });
  return { ...diary, episodes };
}

export interface EpisodeStart {
  startedOn: string;
  side?: Side;
  locations: Location[];
  care: CareLevel;
  topCause: ConditionId;
  topCauseName: string;
}

/**
 * Start an episode from a checker result. One at a time: an open episode is closed the day the new
 * one starts. A bone stress injury starts at the walking level and must stay pain-free; after a
 * visit the return starts at the walk too (readiness: 30 minutes of brisk walking pain-free); a
 * runner told to change their training holds and builds from where they are (startLevelFor).
 */
export function startEpisode(diary: Diary, start: EpisodeStart): { diary: Diary; episode: Episode } {
  const closed = diary.episodes.map((e) => (e.closedOn === undefined ? { ...e, closedOn: start.startedOn } : e));
  const boneStress = start.topCause === 'bone-stress-injury';
  const episode: Episode = {
    id: newId(),
    ...start,
    boneStress,
    ladder: startLadder(startLevelFor(start.care, boneStress)),
  };
  return { diary: { ...diary, episodes: [...closed, episode].slice(-MAX_EPISODES) }, episode };
}

export function closeEpisode(diary: Diary, episodeId: string, on: string): Diary {
  return { ...diary, episodes: diary.episodes.map((e) => (e.id === episodeId && e.closedOn === undefined ? { ...e, closedOn: on } : e)) };
}

export function saveResult(diary: Diary, result: Diary['results'][number]): Diary {
  return { ...diary, results: [...diary.results, result].slice(-MAX_RESULTS) };
}

export function setProfile(diary: Diary, profile: KneeProfile): Diary {
  return { ...diary, profile };
}

/** The latest check-in still waiting for its next-morning answer, when it is from before today. */
export function awaitingMorning(diary: Diary, today: string): DiaryCheckIn | undefined {
  const last = diary.checkIns.at(-1);
  return last && last.nextMorning === undefined && last.date < today ? last : undefined;
}
