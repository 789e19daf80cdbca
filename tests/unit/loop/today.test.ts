// "Your knee today": the sentences the popup shows, in the runner's units.
import { describe, expect, it } from 'vitest';
import { addCheckIn, emptyDiary } from '../../../lib/diary';
import { kneeToday } from '../../../lib/loop/today';
import { diaryWithEpisode } from './episodes';

const runs = [
  { start: '2026-11-14T08:00:00', km: 11.5 },
  { start: '2026-12-04T06:30:00', km: 6 },
];
const base = { runs, settings: { units: 'km' as const, spikePct: 10 }, today: '2026-12-04', now: '2026-12-04T09:00:00', locale: 'en' };

describe('kneeToday', () => {
  it('the ceiling and why, in km or miles', () => {
    const v = kneeToday({ ...base, diary: emptyDiary() });
    expect(v.ceilingLine).toBe('Keep your next run under 12.6 km.');
    expect(v.ceilingWhy).toBe('Your longest run of the last 30 days was 11.5 km; up to 10 % more is your own limit for one run.');
    expect(kneeToday({ ...base, diary: emptyDiary(), settings: { units: 'mi', spikePct: 10 } }).ceilingLine).toBe(
      'Keep your next run under 7.8 mi.',
    );
  });

  it('asks about today’s run until it has a check-in', () => {
    expect(kneeToday({ ...base, diary: emptyDiary() }).runToCheckIn?.km).toBe(6);
    const diary = addCheckIn(emptyDiary(), { date: '2026-12-04', painDuring: 1, runStart: '2026-12-04T06:30:00', km: 6 });
    const v = kneeToday({ ...base, diary });
    expect(v.runToCheckIn).toBeUndefined();
    expect(v.lastCheckIn?.verdict.light).toBe('green');
  });

  it('during an episode: the level and today’s session instead of build-up advice', () => {
    const diary = diaryWithEpisode();
    expect(kneeToday({ ...base, diary }).episode?.line).toBe('Level 1 of 8. Today: Brisk walk for 30 minutes, pain-free (30 min).');
    const bone = diaryWithEpisode('bone-stress-injury', 'Bone stress injury');
    expect(kneeToday({ ...base, diary: bone }).episode?.line).toMatch(/only if it stays pain-free/);
  });

  it('no runs in 30 days: says so instead of a number', () => {
    const v = kneeToday({ ...base, runs: [{ start: '2026-09-01T08:00:00', km: 10 }], diary: emptyDiary() });
    expect(v.ceiling.ceilingKm).toBeNull();
    expect(v.ceilingLine).toBe('No run in the last 30 days to build on.');
  });
});
