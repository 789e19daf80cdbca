// The knee diary in the options page's backup file: an optional "diary" key beside the settings in
// lib/settings' export envelope. Import validates it with parseDiary before anything is saved (a
// bad diary refuses the whole file), a file without one (older exports) leaves the diary alone,
// and an imported diary is merged into the one on this device, so nothing saved here is lost.
import { toExportFile, type Settings } from '../settings';
import { MAX_CHECK_INS, MAX_EPISODES, MAX_RESULTS, parseDiary, type Diary, type Episode } from './schema';

export const EXPORT_DIARY_KEY = 'diary';

export function exportFileWithDiary(settings: Settings, diary: Diary, exportedAt = new Date()): string {
  const envelope = JSON.parse(toExportFile(settings, exportedAt)) as Record<string, unknown>;
  return JSON.stringify({ ...envelope, [EXPORT_DIARY_KEY]: diary }, null, 2);
}

/** Nothing kept yet: no check-ins, plans, results or "Your knee". */
export function isEmptyDiary(diary: Diary): boolean {
  const p = diary.profile;
  return (
    !diary.checkIns.length &&
    !diary.episodes.length &&
    !diary.results.length &&
    p.age === undefined &&
    p.sex === undefined &&
    p.side === undefined &&
    !p.history.length
  );
}

export type FileDiary = { kind: 'none' } | { kind: 'ok'; diary: Diary } | { kind: 'bad'; problem: string };

/** The diary in an import file's text, validated. Text that is not JSON has no diary (the settings import reports it). */
export function readFileDiary(text: string): FileDiary {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'none' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !(EXPORT_DIARY_KEY in data)) return { kind: 'none' };
  const parsed = parseDiary((data as Record<string, unknown>)[EXPORT_DIARY_KEY]);
  return parsed.ok ? { kind: 'ok', diary: parsed.diary } : { kind: 'bad', problem: parsed.problem };
}

function byId<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const merged = new Map(current.map((x) => [x.id, x]));
  for (const x of incoming) merged.set(x.id, x);
  return [...merged.values()];
}

/**
 * This device's diary with an imported one: entries with the same id are the file's, others from
 * both are kept (ordered by date, stable, within the caps). One plan at a time: if both had an open
 * plan, the earlier one is closed the day the later one started. "Your knee" comes from the file
 * when the file has one filled in.
 */
export function mergeDiaries(current: Diary, incoming: Diary): Diary {
  const checkIns = byId(current.checkIns, incoming.checkIns).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let episodes: Episode[] = byId(current.episodes, incoming.episodes).sort((a, b) =>
    a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0,
  );
  const open = episodes.filter((e) => e.closedOn === undefined);
  const latest = open.at(-1);
  if (latest) episodes = episodes.map((e) => (e.closedOn === undefined && e !== latest ? { ...e, closedOn: latest.startedOn } : e));
  const seen = new Set<string>();
  const results = [...current.results, ...incoming.results]
    .filter((r) => {
      const key = JSON.stringify([r.savedOn, r.care, r.topCause, r.topCauseName]);
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => (a.savedOn < b.savedOn ? -1 : a.savedOn > b.savedOn ? 1 : 0));
  const p = incoming.profile;
  const filled = p.age !== undefined || p.sex !== undefined || p.side !== undefined || p.history.length > 0;
  return {
    ...current,
    checkIns: checkIns.slice(-MAX_CHECK_INS),
    episodes: episodes.slice(-MAX_EPISODES),
    results: results.slice(-MAX_RESULTS),
    profile: filled ? p : current.profile,
  };
}
