// The knee diary: pure operations (check-ins move the episode's ladder once a day) and storage
// (validated, local only, a bad import changes nothing, an unreadable store is kept aside).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  activeEpisode,
  addCheckIn,
  answerMorning,
  awaitingMorning,
  closeEpisode,
  DIARY_CORRUPT_KEY,
  DIARY_KEY,
  emptyDiary,
  forgetDiary,
  loadDiary,
  parseDiary,
  replaceDiary,
  startEpisode,
  updateDiary,
} from '../../../lib/diary';

const itb = {
  startedOn: '2026-12-01',
  side: 'left' as const,
  locations: ['outside' as const],
  care: 'modify-load' as const,
  topCause: 'itb-syndrome' as const,
  topCauseName: 'ITB syndrome',
};

describe('diary operations', () => {
  it('an episode starts where the result left the runner: still running (modify-load) holds and builds; after a visit, the walk', () => {
    expect(startEpisode(emptyDiary(), itb).episode.ladder.level).toBe(8);
    expect(startEpisode(emptyDiary(), { ...itb, care: 'see-clinician' }).episode.ladder.level).toBe(1);
    const bone = { ...itb, topCause: 'bone-stress-injury' as const, topCauseName: 'Bone stress injury' };
    expect(startEpisode(emptyDiary(), bone).episode.ladder.level).toBe(1);
  });

  it('check-ins during an episode move its ladder: two greens up, red down', () => {
    const started = startEpisode(emptyDiary(), { ...itb, care: 'see-clinician' });
    let diary = started.diary;
    expect(started.episode.ladder.level).toBe(1);
    diary = addCheckIn(diary, { id: 'a', date: '2026-12-02', painDuring: 1 });
    diary = answerMorning(diary, 'a', 'usual');
    diary = addCheckIn(diary, { id: 'b', date: '2026-12-04', painDuring: 2 });
    diary = answerMorning(diary, 'b', 'usual');
    expect(activeEpisode(diary)?.ladder.level).toBe(2);
    diary = addCheckIn(diary, { id: 'c', date: '2026-12-06', painDuring: 7 });
    diary = answerMorning(diary, 'c', 'worse');
    expect(activeEpisode(diary)?.ladder.level).toBe(1);
  });

  it('a skipped morning question is judged on pain alone at the next check-in', () => {
    let { diary } = startEpisode(emptyDiary(), itb);
    diary = addCheckIn(diary, { id: 'a', date: '2026-12-02', painDuring: 8 });
    expect(activeEpisode(diary)?.ladder.sessions).toHaveLength(0);
    diary = addCheckIn(diary, { id: 'b', date: '2026-12-04', painDuring: 0 });
    expect(activeEpisode(diary)?.ladder.sessions.map((s) => s.light)).toEqual(['red']);
  });

  it('bone stress episodes must be pain-free', () => {
    let { diary } = startEpisode(emptyDiary(), { ...itb, topCause: 'bone-stress-injury', topCauseName: 'Bone stress injury' });
    diary = addCheckIn(diary, { id: 'a', date: '2026-12-02', painDuring: 1 });
    diary = answerMorning(diary, 'a', 'usual');
    expect(activeEpisode(diary)?.ladder.sessions[0]?.light).toBe('red');
  });

  it('one open episode at a time; closing ends it', () => {
    const first = startEpisode(emptyDiary(), itb);
    const episode = first.episode;
    let { diary } = startEpisode(first.diary, { ...itb, startedOn: '2026-12-03' });
    expect(diary.episodes.filter((e) => e.closedOn === undefined)).toHaveLength(1);
    expect(diary.episodes.find((e) => e.id === episode.id)?.closedOn).toBe('2026-12-03');
    diary = closeEpisode(diary, activeEpisode(diary)!.id, '2026-12-10');
    expect(activeEpisode(diary)).toBeUndefined();
  });

  it('asks the morning question only from the next day on', () => {
    const diary = addCheckIn(emptyDiary(), { id: 'a', date: '2026-12-03', painDuring: 3 });
    expect(awaitingMorning(diary, '2026-12-03')).toBeUndefined();
    expect(awaitingMorning(diary, '2026-12-04')?.id).toBe('a');
  });

  it('validation names the bad field', () => {
    const bad = { ...emptyDiary(), checkIns: [{ id: 'x', date: '2026-12-01', painDuring: 11 }] };
    expect(parseDiary(bad)).toEqual({ ok: false, problem: expect.stringContaining('checkIns.0.painDuring') });
    expect(parseDiary({ ...emptyDiary(), version: 99 }).ok).toBe(false);
  });
});

describe('diary storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves locally, never in sync', async () => {
    await updateDiary((d) => addCheckIn(d, { id: 'a', date: '2026-12-03', painDuring: 3 }));
    expect((await loadDiary()).diary.checkIns).toHaveLength(1);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('a bad import changes nothing', async () => {
    await updateDiary((d) => addCheckIn(d, { id: 'a', date: '2026-12-03', painDuring: 3 }));
    await expect(replaceDiary({ version: 1, checkIns: 'lots' })).rejects.toThrow(/checkIns/);
    expect((await loadDiary()).diary.checkIns.map((c) => c.id)).toEqual(['a']);
  });

  it('an unreadable stored diary is kept aside, not lost', async () => {
    await fakeBrowser.storage.local.set({ [DIARY_KEY]: { version: 1, checkIns: 7 } });
    const loaded = await loadDiary();
    expect(loaded.problem).toMatch(/checkIns/);
    expect((await fakeBrowser.storage.local.get(DIARY_CORRUPT_KEY))[DIARY_CORRUPT_KEY]).toMatchObject({ value: { checkIns: 7 } });
    await forgetDiary();
    // Only WXT's version metas stay ("<key>$"): no diary data is left.
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => !k.endsWith('$'))).toEqual([]);
  });

  it('changes made at once are all kept (one after another)', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => updateDiary((d) => addCheckIn(d, { id: `c${n}`, date: `2026-12-0${n}`, painDuring: n }))));
    expect((await loadDiary()).diary.checkIns.map((c) => c.id).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});
