// The toolbar icon's badge text: this week's load from the captured runs, in text (never colour
// alone), with a title that gives the numbers; nothing without runs.
import { describe, expect, it } from 'vitest';
import { toolbarBadge } from '../../../lib/badge/toolbar';
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
