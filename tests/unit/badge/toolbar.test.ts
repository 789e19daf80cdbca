// The toolbar icon's badge text: this week's load from the captured runs, in text (never colour
// alone), with a title that gives the numbers; nothing without runs.
import { describe, expect, it } from 'vitest';
import { toolbarBadge, withLoop, type ToolbarBadge } from '../../../lib/badge/toolbar';
import type { Run } from '../../../lib/load/types';
import { defaultSettings } from '../../../lib/settings/defaults';

const at = (start: string, km: number): Run => ({ start, km });
const S = defaultSettings();
// Monday weeks; today Sunday 15 Mar 2026 (the week is all but over), at 20:00.
const TODAY = '2026-03-15';
const NOW = `${TODAY}T20:00`;
const base = [
  at('2026-02-02T07:00:00', 10),
  at('2026-02-09T07:00:00', 10),
  at('2026-02-16T07:00:00', 10),
  at('2026-02-23T07:00:00', 10),
  at('2026-03-02T07:00:00', 10),
];

describe('toolbarBadge', () => {
  it('nothing when there is no captured run', () => {
    expect(toolbarBadge([], S, TODAY, NOW, 'en-GB')).toBeNull();
  });
  it('the week-over-week change as "+34%"-style text, the words and numbers in the title', () => {
    const badge = toolbarBadge([...base, at('2026-03-09T07:00:00', 6.7), at('2026-03-11T07:00:00', 6.7)], S, TODAY, NOW, 'en-GB')!;
    expect(badge.text).toBe('+34%');
    expect(badge.level).toBe('caution');
    expect(badge.title).toBe('Knee Check, this week: Caution. 13.4 km so far · +34% vs Mon–Sun last week');
  });
  it('"!" for a single-run spike over the runner\'s threshold', () => {
    const badge = toolbarBadge([...base, at('2026-03-10T07:00:00', 16)], S, TODAY, NOW, 'en-GB')!;
    expect(badge.text).toBe('!');
    expect(badge.title).toMatch(/single-run spike \+60%/);
  });
  it('a week in progress that is under last week reads "OK" (no fall before the week is over)', () => {
    const badge = toolbarBadge([...base, at('2026-03-09T07:00:00', 5)], S, TODAY, NOW, 'en-GB')!;
    expect(badge.level).toBe('ok');
    expect(badge.text).toBe('OK');
    expect(badge.title).toBe('Knee Check, this week: Load OK. 5.0 km so far · Mon–Sun last week: 10.0 km');
  });
  it('"?" when the runs do not cover last week: no number is invented', () => {
    const badge = toolbarBadge([at('2026-03-10T07:00:00', 5)], S, TODAY, NOW, 'en-GB')!;
    expect(badge.text).toBe('?');
    expect(badge.title).toMatch(/Not enough data\. .*Not enough history: need the whole week of 2 Mar/);
  });
});

describe('withLoop: the knee diary on the icon', () => {
  const ok: ToolbarBadge = { text: 'OK', title: 'Knee Check, this week: Load OK.', level: 'ok', color: '#1e6b3a' };
  const spike: ToolbarBadge = { text: '!', title: 'Knee Check, this week: Caution.', level: 'caution', color: '#8a5a00' };
  const ceiling = { text: '12.6 km', number: '12.6' };

  it('the ceiling is the text when no load warning outranks it, and always in the title', () => {
    expect(withLoop(ok, { ceiling })).toMatchObject({
      text: '12.6',
      title: 'Knee Check, this week: Load OK. Next run: keep it under 12.6 km.',
    });
    expect(withLoop(spike, { ceiling })).toMatchObject({
      text: '!',
      title: 'Knee Check, this week: Caution. Next run: keep it under 12.6 km.',
    });
    // The week's numbers get their full stop before the next sentence.
    const week = { ...ok, title: 'Knee Check, this week: Load OK. 31.4 km · -2% vs last week' };
    expect(withLoop(week, { ceiling })?.title).toBe(
      'Knee Check, this week: Load OK. 31.4 km · -2% vs last week. Next run: keep it under 12.6 km.',
    );
  });

  it('a return-to-run episode leads: its level, today’s session in the title', () => {
    const episode = { level: 2, line: 'Level 2 of 8. Today: Run 3 min, walk 2 min, 1.6 km in all.' };
    expect(withLoop(spike, { ceiling, episode })).toMatchObject({ text: 'L2', title: `Knee Check, return to running: ${episode.line}` });
    expect(withLoop(null, { episode })?.text).toBe('L2');
  });

  it('nothing to add: the badge as it was (or none)', () => {
    expect(withLoop(ok, {})).toBe(ok);
    expect(withLoop(null, { ceiling })).toBeNull();
  });
});
