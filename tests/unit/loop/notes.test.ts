// The load engine's other warnings in plain words (break, shoes, the 7-day/4-week context) and the
// lines the running-log badges carry from the loop (lib/loop/notes).
import { describe, expect, it } from 'vitest';
import { addCheckIn, emptyDiary } from '../../../lib/diary';
import { badgeView } from '../../../lib/badge/view';
import { currentShoe } from '../../../lib/load/context';
import { weekSummary } from '../../../lib/load/summary';
import type { Run } from '../../../lib/load/types';
import { ceilingText, kneeToday } from '../../../lib/loop/today';
import { isLoopWarning, loadNotes, popupNotes, siteLinesFrom, siteLoopLines, type LoadNote } from '../../../lib/loop/notes';
import { defaultSettings } from '../../../lib/settings';
import { diaryWithEpisode } from './episodes';

const settings = defaultSettings();
const today = '2026-12-04';
const now = '2026-12-04T09:00:00';
/** Every other day for six weeks, 8 km, the long run on Sundays 11.5 km; the shoes named by Strava. */
function steady(gearId?: string): Run[] {
  const runs: Run[] = [];
  for (let d = 42; d >= 1; d -= 2) {
    const date = new Date(Date.UTC(2026, 11, 4 - d)).toISOString().slice(0, 10);
    runs.push({ start: `${date}T08:00:00`, km: d % 14 === 0 ? 11.5 : 8, ...(gearId ? { gearId } : {}) });
  }
  return runs;
}

describe('loadNotes', () => {
  it('back after a break, in the runner’s words', () => {
    const runs = [{ start: '2026-10-01T08:00:00', km: 10 }, ...steady().slice(-3)];
    const notes = loadNotes(runs, settings, today, now, 'en');
    expect(notes.find((n) => n.kind === 'break')).toMatchObject({
      level: 'caution',
      text: expect.stringMatching(/^You're back after \d+ days without a run/),
    });
  });

  it('the shoes of the latest run past the runner’s limit, as a lower bound; none without gear ids', () => {
    const runs = [...steady('g1'), ...steady().map((r) => ({ ...r, start: r.start.replace('T08', 'T18') }))];
    expect(currentShoe(runs)).toEqual({ gearId: 'g1', km: expect.closeTo(21 * 8 + 3 * 3.5, 5) });
    const under = loadNotes(runs, settings, today, now, 'en').find((n) => n.kind === 'shoe');
    expect(under).toMatchObject({
      level: 'ok',
      text: expect.stringContaining('at least 179 km on them in the runs Knee Check has read, under your 700 km reminder'),
    });
    const over = loadNotes(runs, { ...settings, shoeKmLimit: 150, units: 'mi' }, today, now, 'en').find((n) => n.kind === 'shoe');
    expect(over).toMatchObject({ level: 'caution' });
    expect(over!.text).toContain('at least 111 mi');
    expect(over!.text).toContain('past your 93 mi reminder');
    expect(over!.text).toContain('no study has linked shoe distance to injury');
    expect(loadNotes(steady(), settings, today, now, 'en').some((n) => n.kind === 'shoe')).toBe(false);
  });

  it('the 7-day against 4-week context without jargon, never a warning', () => {
    const acwr = loadNotes(steady(), settings, today, now, 'en').find((n) => n.kind === 'acwr');
    expect(acwr?.level).toBe('ok');
    expect(acwr?.text).toMatch(/^Your running of the last 7 days is \d\.\d times your usual amount of the last 4 weeks\. Background only/);
    expect(acwr?.text).not.toMatch(/acute|chronic|ACWR|EWMA/i);
  });
});

describe('siteLoopLines: what the running-log badges say from the loop', () => {
  it('the next-run ceiling, the popup’s own number, lowered after a red check-in', () => {
    const runs = steady();
    const lines = siteLinesFrom({ runs, diary: emptyDiary(), settings, today, now, locale: 'en' });
    const popup = kneeToday({ runs, diary: emptyDiary(), settings, today, now, locale: 'en' });
    expect(lines[0]).toBe(`${popup.ceilingLine} ${popup.ceilingWhy}`);
    expect(lines[0]).toMatch(/^Keep your next run under 12\.6 km\./);
    const red = addCheckIn(emptyDiary(), { date: '2026-12-03', painDuring: 7, runStart: '2026-12-03T08:00:00', km: 8 });
    expect(siteLinesFrom({ runs, diary: red, settings, today, now, locale: 'en' })[0]).toBe(
      'Keep your next run under 5.3 km. After a red check-in: a third shorter than the run that hurt.',
    );
  });

  it('during an episode: the level and today’s session instead of the ceiling and the break’s build-up advice', () => {
    const diary = diaryWithEpisode();
    const runs = [{ start: '2026-10-01T08:00:00', km: 10 }, ...steady().slice(-3)];
    const lines = siteLinesFrom({ runs, diary, settings, today, now, locale: 'en' });
    expect(lines).toEqual([
      'Return to running: level 1 of 8. Today: Brisk walk for 30 minutes, pain-free (30 min). Follow this plan instead of building up your distance.',
    ]);
    expect(lines.join(' ')).not.toContain('Keep your next run');
  });

  it('no ceiling line without a run to build on; at most four lines', () => {
    const view = kneeToday({ runs: [], diary: emptyDiary(), settings, today, now });
    expect(siteLoopLines(view, [])).toEqual([]);
    const notes = Array.from({ length: 6 }, () => ({ kind: 'break' as const, level: 'ok' as const, text: 'x' }));
    expect(siteLoopLines(view, notes)).toHaveLength(4);
  });

  it('shown first in every badge explanation', () => {
    const summary = weekSummary(steady(), today, settings, today, { now })!;
    const view = badgeView(summary, settings, 'en', ['Keep your next run under 12.6 km.']);
    expect(view.lines[0]).toBe('Keep your next run under 12.6 km.');
    expect(badgeView(summary, settings, 'en').lines).toEqual(view.lines.slice(1));
  });

  it('a ceiling is never shown above the true one, in miles too', () => {
    expect(ceilingText(4, 'mi', 'en')).toBe('2.4 mi');
    expect(ceilingText(12.6, 'km', 'en')).toBe('12.6 km');
  });
});

describe('popupNotes: what the popup\u2019s "Your knee today" panel adds', () => {
  const note = (kind: LoadNote['kind'], level: LoadNote['level']): LoadNote => ({ kind, level, text: `${kind} ${level}` });
  const episodeView = () =>
    kneeToday({
      runs: steady(),
      diary: diaryWithEpisode(),
      settings,
      today,
      now,
    });

  it('the badges\u2019 warnings first, then the 7-day context and shoes under the reminder', () => {
    const notes = [note('acwr', 'ok'), note('shoe', 'ok'), note('break', 'ok')];
    expect(popupNotes({}, notes)).toEqual({ warnings: [note('break', 'ok')], background: [note('acwr', 'ok'), note('shoe', 'ok')] });
    expect(popupNotes({}, [note('shoe', 'caution'), note('acwr', 'ok')])).toEqual({
      warnings: [note('shoe', 'caution')],
      background: [note('acwr', 'ok')],
    });
  });

  it('during an episode only the shoes: the plan, not a build-up, says how much to run', () => {
    const view = episodeView();
    expect(view.episode).toBeDefined();
    const notes = [note('break', 'caution'), note('acwr', 'ok'), note('shoe', 'caution')];
    expect(popupNotes(view, notes)).toEqual({ warnings: [note('shoe', 'caution')], background: [] });
    expect(popupNotes(view, [note('shoe', 'ok')]).background).toEqual([note('shoe', 'ok')]);
    expect(isLoopWarning(note('break', 'caution'), true)).toBe(false);
    expect(isLoopWarning(note('break', 'ok'), false)).toBe(true);
    expect(isLoopWarning(note('shoe', 'ok'), false)).toBe(false);
  });

  it('every note the badges carry reaches the popup too, in the runner\u2019s units', () => {
    const runs = [{ start: '2026-10-01T08:00:00', km: 10, gearId: 'g1' }, ...steady('g1').slice(-3)];
    const mi = { ...settings, units: 'mi' as const, shoeKmLimit: 20 };
    const view = kneeToday({ runs, diary: emptyDiary(), settings: mi, today, now, locale: 'en' });
    const { warnings, background } = popupNotes(view, loadNotes(runs, mi, today, now, 'en'));
    const lines = siteLinesFrom({ runs, diary: emptyDiary(), settings: mi, today, now, locale: 'en' });
    expect(warnings.map((n) => n.text)).toEqual([
      expect.stringMatching(/^You're back after \d+ days without a run/),
      expect.stringContaining('past your 12 mi reminder'),
    ]);
    expect(lines.slice(1)).toEqual(warnings.map((n) => n.text));
    expect(background.map((n) => n.kind)).toEqual(['acwr']);
    expect([...warnings, ...background].map((n) => n.text).join(' ')).not.toMatch(/acute|chronic|ratio|EWMA|ACWR/i);
  });
});
