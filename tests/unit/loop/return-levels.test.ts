// The eight return-to-run levels and their gating rules (Trials 2023 protocol; evidence.md §4, §6).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RETURN_LEVELS, TOP_LEVEL, recordSession, startLadder, todaySession, type Ladder, type Light } from '../../../lib/loop';

const day = (n: number) => new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);

function run(lights: [number, Light][], start = startLadder()): Ladder {
  return lights.reduce((l, [d, light]) => recordSession(l, day(d), light), start);
}

describe('return levels', () => {
  it('are eight, levels 2-7 exactly the Trials 2023 walk-run table', () => {
    expect(RETURN_LEVELS).toHaveLength(8);
    expect(RETURN_LEVELS.slice(1, 7).map((l) => [l.runMin, l.walkMin, l.km])).toEqual([
      [3, 2, 1.6],
      [3, 2, 2.4],
      [4, 2, 2.4],
      [4, 2, 3.2],
      [4, 1, 3.2],
      [null, null, 3.2],
    ]);
    for (const l of RETURN_LEVELS) expect(l.source.length).toBeGreaterThan(10);
  });

  it('up after two green sessions, not after one', () => {
    expect(run([[0, 'green']]).level).toBe(1);
    expect(
      run([
        [0, 'green'],
        [2, 'green'],
      ]).level,
    ).toBe(2);
  });

  it('amber stays and restarts the count; red drops a level', () => {
    expect(
      run([
        [0, 'green'],
        [2, 'amber'],
        [4, 'green'],
      ]).level,
    ).toBe(1);
    const l3 = run([
      [0, 'green'],
      [2, 'green'],
      [4, 'green'],
      [6, 'green'],
    ]);
    expect(l3.level).toBe(3);
    expect(recordSession(l3, day(8), 'red').level).toBe(2);
    expect(run([[0, 'red']]).level).toBe(1);
  });

  it('at most two levels up in any 7 days', () => {
    const l = run([
      [0, 'green'],
      [1, 'green'],
      [2, 'green'],
      [3, 'green'],
      [4, 'green'],
      [5, 'green'],
    ]);
    expect(l.level).toBe(3);
    expect(l.changes.map((c) => c.to)).toEqual([2, 3]);
  });

  it('never leaves 1..8, never gains more than two levels in a week, whatever the sessions', () => {
    const lights = fc.constantFrom<Light>('green', 'amber', 'red');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), lights), { maxLength: 60 }), (steps) => {
        let d = 0;
        let l = startLadder();
        for (const [gap, light] of steps) {
          d += gap;
          l = recordSession(l, day(d), light);
          if (l.level < 1 || l.level > TOP_LEVEL) return false;
        }
        for (const c of l.changes) {
          const t = Date.parse(c.date);
          const ups = l.changes.filter((o) => o.to > o.from && Date.parse(o.date) <= t && t - Date.parse(o.date) < 7 * 86_400_000);
          if (ups.length > 2) return false;
        }
        return true;
      }),
    );
  });

  it('a session dated before the last one is ignored', () => {
    const l = run([[5, 'green']]);
    expect(recordSession(l, day(3), 'red')).toBe(l);
  });

  it('today: a rest day after a running session, the level otherwise', () => {
    const l = run([
      [0, 'green'],
      [2, 'green'],
    ]);
    expect(todaySession(l, day(3))).toMatchObject({ rest: true });
    expect(todaySession(l, day(4))).toMatchObject({ rest: false, level: { level: 2 } });
  });
});
