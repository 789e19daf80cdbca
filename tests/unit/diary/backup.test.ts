// The diary in the settings backup file: exported as an optional key, validated on import (a bad
// diary changes nothing), an older file without one still imports, and an import merges so nothing
// on this device is lost.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addCheckIn,
  DIARY_KEY,
  emptyDiary,
  loadDiary,
  saveResult,
  setProfile,
  startEpisode,
  updateDiary,
  type Diary,
} from '../../../lib/diary';
import { exportFileWithDiary, mergeDiaries, readFileDiary } from '../../../lib/diary/backup';
import { importFileDiary } from '../../../lib/diary/backup-storage';
import { defaultSettings, parseImportFile, toExportFile } from '../../../lib/settings';

function sampleDiary(): Diary {
  let diary = setProfile(emptyDiary(), { age: 41, sex: 'female', history: ['clot-risk'] });
  diary = saveResult(diary, { savedOn: '2026-11-20', care: 'modify-load', topCause: 'itb-syndrome', topCauseName: 'ITB syndrome' });
  diary = startEpisode(diary, {
    startedOn: '2026-11-20',
    side: 'left',
    locations: ['outside'],
    care: 'modify-load',
    topCause: 'itb-syndrome',
    topCauseName: 'ITB syndrome',
  }).diary;
  diary = addCheckIn(diary, { id: 'c1', date: '2026-11-22', painDuring: 2, nextMorning: 'usual' });
  return addCheckIn(diary, { id: 'c2', date: '2026-11-24', painDuring: 6 });
}

describe('export and read back', () => {
  it('the exported file still imports as settings and carries the diary intact', () => {
    const diary = sampleDiary();
    const settings = { ...defaultSettings(), units: 'mi' as const };
    const text = exportFileWithDiary(settings, diary, new Date('2026-12-04T10:00:00Z'));
    expect(parseImportFile(text)).toEqual({ ok: true, settings });
    expect(readFileDiary(text)).toEqual({ kind: 'ok', diary });
  });

  it('an older file without a diary has none; text that is not JSON has none', () => {
    expect(readFileDiary(toExportFile(defaultSettings()))).toEqual({ kind: 'none' });
    expect(readFileDiary('not json')).toEqual({ kind: 'none' });
  });

  it('a bad diary in the file is named, with the field', () => {
    const file = JSON.parse(exportFileWithDiary(defaultSettings(), sampleDiary())) as { diary: Diary };
    (file.diary.checkIns[1] as { painDuring: number }).painDuring = 11;
    const read = readFileDiary(JSON.stringify(file));
    expect(read.kind).toBe('bad');
    if (read.kind === 'bad') expect(read.problem).toMatch(/^checkIns\.1\.painDuring/);
  });
});

describe('mergeDiaries', () => {
  it('importing into an empty diary gives the file diary; importing the same diary again changes nothing', () => {
    const diary = sampleDiary();
    expect(mergeDiaries(emptyDiary(), diary)).toEqual(diary);
    expect(mergeDiaries(diary, diary)).toEqual(diary);
  });

  it('keeps this device entries the file lacks, and one open plan at a time', () => {
    const here = addCheckIn(
      startEpisode(emptyDiary(), {
        startedOn: '2026-12-01',
        locations: ['front'],
        care: 'see-clinician',
        topCause: 'patellofemoral-pain',
        topCauseName: 'Kneecap pain',
      }).diary,
      { id: 'h1', date: '2026-12-02', painDuring: 1 },
    );
    const merged = mergeDiaries(here, sampleDiary());
    expect(merged.checkIns.map((c) => c.id)).toEqual(['c1', 'c2', 'h1']);
    expect(merged.episodes.map((e) => [e.startedOn, e.closedOn])).toEqual([
      ['2026-11-20', '2026-12-01'],
      ['2026-12-01', undefined],
    ]);
    expect(merged.profile.age).toBe(41);
    // An empty profile in the file keeps the one here.
    expect(mergeDiaries(sampleDiary(), emptyDiary()).profile.age).toBe(41);
  });
});

describe('importFileDiary (storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a bad diary changes nothing stored; a good one round-trips; none leaves the diary alone', async () => {
    const diary = sampleDiary();
    await updateDiary(() => diary);
    const before = await fakeBrowser.storage.local.get(DIARY_KEY);
    await expect(importFileDiary({ kind: 'bad', problem: 'checkIns.0.painDuring: too big' })).rejects.toThrow(/checkIns\.0\.painDuring/);
    expect(await fakeBrowser.storage.local.get(DIARY_KEY)).toEqual(before);
    expect(await importFileDiary({ kind: 'none' })).toBeNull();
    expect(await fakeBrowser.storage.local.get(DIARY_KEY)).toEqual(before);

    await fakeBrowser.storage.local.clear();
    const text = exportFileWithDiary(defaultSettings(), diary);
    await importFileDiary(readFileDiary(text));
    expect((await loadDiary()).diary).toEqual(diary);
  });
});

describe('isEmptyDiary', () => {
  it('is true only with nothing kept', async () => {
    const { isEmptyDiary } = await import('../../../lib/diary/backup');
    expect(isEmptyDiary(emptyDiary())).toBe(true);
    expect(isEmptyDiary(sampleDiary())).toBe(false);
    expect(isEmptyDiary(setProfile(emptyDiary(), { history: ['prior-bone-stress'] }))).toBe(false);
  });
});
