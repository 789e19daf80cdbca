import { describe, expect, it } from 'vitest';
import { runTriage, withDistances } from '../../../lib/checker/run-triage';
import { toTriageInput } from '../../../lib/checker/to-input';
import { ITB_ANSWERS, answers } from './helpers';

describe('runTriage: distances and units reach the engine', () => {
  it("adds the typed distances in km and writes the plan in the runner's units", () => {
    const out = runTriage(ITB_ANSWERS);
    expect(out.ok).toBe(true);
    expect(out.input.training).toMatchObject({ thisWeekKm: 48, lastWeekKm: 30, latestRunKm: 21, longestRecentKm: 15 });
    if (!out.ok) return;
    // 60 % weekly rise: back to last week's 30 km; 40 % spike: longest run capped at the 30-day longest.
    expect(out.result.plan.now.join('\n')).toMatch(/this week about 30 km in total, longest run 15 km/);
    const mi = runTriage(
      answers({
        ...ITB_ANSWERS,
        training: { ...ITB_ANSWERS.training, units: 'mi', thisWeek: '30', lastWeek: '20', latestRun: '13', longestBefore: '9' },
      }),
    );
    expect(mi.ok && mi.result.plan.now.join('\n')).toMatch(/this week about 20 mi in total, longest run 9 mi/);
  });

  it('leaves the input unchanged when no distance was typed', () => {
    const a = answers({
      ...ITB_ANSWERS,
      training: { units: 'km', thisWeek: '', lastWeek: '', latestRun: '', longestBefore: '', shoe: '', flags: [] },
    });
    const input = toTriageInput(a);
    expect(withDistances(input, a)).toBe(input);
  });
});

describe('the plan uses the runner’s own thresholds (issue 13)', () => {
  it('a 15 % spike: a load step at the default 10 %, none at the runner’s 20 %', async () => {
    const { loadNumbers } = await import('../../../lib/triage/plan-items');
    const a = { training: { longestRunSpikePct: 15, longestRecentKm: 10, thisWeekKm: 30, weeklyChangePct: 15, lastWeekKm: 26 }, input: {} };
    expect(loadNumbers(a as never, 'km')).toMatchObject({ longestKm: 10, weekKm: 26 });
    expect(loadNumbers(a as never, 'km', { spikePct: 20, weeklyPct: 20 })).toEqual({ weekKm: 30 });
  });
});
