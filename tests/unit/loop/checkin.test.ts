// The pain-monitoring traffic light (Silbernagel 2007; docs/research/evidence.md §6).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInLight, painRisingWeekOnWeek, type NextMorning } from '../../../lib/loop';

const mornings: (NextMorning | undefined)[] = [undefined, 'usual', 'not-settled', 'worse'];

describe('checkInLight', () => {
  it('bands the pain during the run: 0-2 green, 3-5 amber, above 5 red', () => {
    expect([0, 1, 2].map((p) => checkInLight({ painDuring: p, nextMorning: 'usual' }).light)).toEqual(['green', 'green', 'green']);
    expect([3, 4, 5].map((p) => checkInLight({ painDuring: p, nextMorning: 'usual' }).light)).toEqual(['amber', 'amber', 'amber']);
    expect([6, 8, 10].map((p) => checkInLight({ painDuring: p, nextMorning: 'usual' }).light)).toEqual(['red', 'red', 'red']);
  });

  it('the next morning: not settled is amber, worse is red, whatever the pain during', () => {
    expect(checkInLight({ painDuring: 1, nextMorning: 'not-settled' }).light).toBe('amber');
    expect(checkInLight({ painDuring: 1, nextMorning: 'worse' }).light).toBe('red');
  });

  it('bone stress must be pain-free: any pain is red', () => {
    expect(checkInLight({ painDuring: 0, nextMorning: 'usual' }, true).light).toBe('green');
    expect(checkInLight({ painDuring: 1, nextMorning: 'usual' }, true).light).toBe('red');
    expect(checkInLight({ painDuring: 0, nextMorning: 'not-settled' }, true).light).toBe('red');
  });

  it('an invalid score is treated as the worst, never as safe', () => {
    expect(checkInLight({ painDuring: Number.NaN }).light).toBe('red');
    expect(checkInLight({ painDuring: 11 }).light).toBe('red');
  });

  it('answering the morning can only make the light worse, never better', () => {
    const rank = { green: 0, amber: 1, red: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.constantFrom(...mornings), fc.boolean(), (pain, morning, bone) => {
        const before = checkInLight({ painDuring: pain }, bone).light;
        const after = checkInLight({ painDuring: pain, nextMorning: morning }, bone).light;
        return rank[after] >= rank[before];
      }),
    );
  });

  it('more pain never gives a better light', () => {
    const rank = { green: 0, amber: 1, red: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...mornings),
        fc.boolean(),
        (pain, morning, bone) =>
          rank[checkInLight({ painDuring: pain + 1, nextMorning: morning }, bone).light] >=
          rank[checkInLight({ painDuring: pain, nextMorning: morning }, bone).light],
      ),
    );
  });
});

describe('painRisingWeekOnWeek', () => {
  it('true when this week’s mean pain is a point or more above last week’s', () => {
    const c = (date: string, painDuring: number) => ({ date, painDuring });
    expect(painRisingWeekOnWeek([c('2026-11-24', 1), c('2026-11-26', 2), c('2026-12-01', 3), c('2026-12-03', 3)], '2026-12-04')).toBe(true);
    expect(painRisingWeekOnWeek([c('2026-11-24', 3), c('2026-12-01', 3)], '2026-12-04')).toBe(false);
    expect(painRisingWeekOnWeek([c('2026-12-01', 9)], '2026-12-04')).toBe(false);
  });
});
