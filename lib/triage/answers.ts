// The runner's answers as sets, plus small named predicates that the knowledge data is built
// from. Sets make the engine blind to order and duplicates (a property the tests check).
import { SPIKE_THRESHOLD_PCT } from '../evidence';
import type {
  Aggravator, Feel, History, Location, Mechanical, Onset, Sign, Swelling, Timing, Training, TriageInput,
} from './types';

export interface Answers {
  input: TriageInput;
  age: number;
  locations: ReadonlySet<Location>;
  timing: ReadonlySet<Timing>;
  feel: ReadonlySet<Feel>;
  worseWith: ReadonlySet<Aggravator>;
  mechanical: ReadonlySet<Mechanical>;
  signs: ReadonlySet<Sign>;
  history: ReadonlySet<History>;
  training: Training;
}

export function toAnswers(input: TriageInput): Answers {
  return {
    input,
    age: input.age,
    locations: new Set(input.locations),
    timing: new Set(input.timing),
    feel: new Set(input.feel),
    worseWith: new Set(input.worseWith),
    mechanical: new Set(input.mechanical),
    signs: new Set(input.signs),
    history: new Set(input.history ?? []),
    training: input.training ?? {},
  };
}

export type Pred = (a: Answers) => boolean;

export const at = (...l: Location[]): Pred => (a) => l.some((x) => a.locations.has(x));
/** Pain only in places other than these (none of them reported). */
export const notAt = (...l: Location[]): Pred => (a) => !l.some((x) => a.locations.has(x));
export const when = (...t: Timing[]): Pred => (a) => t.some((x) => a.timing.has(x));
export const feels = (...f: Feel[]): Pred => (a) => f.some((x) => a.feel.has(x));
export const worse = (...w: Aggravator[]): Pred => (a) => w.some((x) => a.worseWith.has(x));
export const mech = (...m: Mechanical[]): Pred => (a) => m.some((x) => a.mechanical.has(x));
export const sign = (...s: Sign[]): Pred => (a) => s.some((x) => a.signs.has(x));
export const hist = (...h: History[]): Pred => (a) => h.some((x) => a.history.has(x));
export const swelling = (...s: Swelling[]): Pred => (a) => s.includes(a.input.swelling);
export const onset = (...o: Onset[]): Pred => (a) => o.includes(a.input.onset);
/** Started with a twist, fall or blow. */
export const injured: Pred = onset('sudden-twist', 'fall-or-blow');
export const gradual: Pred = onset('gradual');
/** No twist, fall or blow: gradual, or sudden during or after one run (v2). */
export const noInjury: Pred = onset('gradual', 'sudden-no-injury');
/** Any swelling the runner reports (every value but "none"). */
export const swollen: Pred = (a) => a.input.swelling !== 'none';
export const trendIs = (...t: NonNullable<TriageInput['trend']>[]): Pred => (a) => a.input.trend !== undefined && t.includes(a.input.trend);
export const painAtLeast = (n: number): Pred => (a) => (a.input.painScore ?? -1) >= n;
/** Pain that comes on during runs at a known distance (v2 painStartsKm). */
export const painAtDistance: Pred = (a) => a.input.painStartsKm !== undefined;
export const ageFrom = (lo: number, hi = Infinity): Pred => (a) => a.age >= lo && a.age <= hi;
export const sexIs = (s: 'female' | 'male'): Pred => (a) => a.input.sex === s;
export const bothKnees: Pred = (a) => a.input.side === 'both';
export const daysFrom = (lo: number, hi = Infinity): Pred => (a) => a.input.durationDays >= lo && a.input.durationDays <= hi;
export const settles: Pred = (a) => a.input.settlesWithin48h === true;
export const lingers: Pred = (a) => a.input.settlesWithin48h === false;
export const restedNoBetter: Pred = (a) => a.input.restedWeekNoBetter === true;
export const stiffMinutes = (lo: number, hi = Infinity): Pred => (a) => {
  const m = a.input.morningStiffnessMinutes;
  return m !== undefined && m >= lo && m <= hi;
};
/** Morning stiffness longer than `n` minutes (none reported counts as 0). */
export const stiffOver = (n: number): Pred => (a) => (a.input.morningStiffnessMinutes ?? 0) > n;

// Training context. Thresholds: Frandsen 2025 (spike > 10 %, the registry's lowest band), the
// 10 % weekly rule of running advice (the runner's own threshold; weak evidence).
export const spikeOver = (pct: number): Pred => (a) => (a.training.longestRunSpikePct ?? -Infinity) > pct;
export const weeklyOver = (pct: number): Pred => (a) => (a.training.weeklyChangePct ?? -Infinity) > pct;
export const addedHillsOrSpeed: Pred = (a) => a.training.addedHillsOrSpeed === true;
export const newRunner: Pred = (a) => a.training.newRunner === true;
export const returning: Pred = (a) => a.training.returningFromBreak === true;
export const cambered: Pred = (a) => a.training.hardOrCambered === true;
/** Any recent rise in load that could explain an overuse problem. */
export const loadRose: Pred = (a) =>
  spikeOver(SPIKE_THRESHOLD_PCT)(a) || weeklyOver(10)(a) || addedHillsOrSpeed(a) || newRunner(a) || returning(a);

export const not = (p: Pred): Pred => (a) => !p(a);
export const all = (...ps: Pred[]): Pred => (a) => ps.every((p) => p(a));
export const any = (...ps: Pred[]): Pred => (a) => ps.some((p) => p(a));

/** Words for a %, e.g. 35 -> "35 %". */
export const pctWords = (n: number) => `${Math.round(n)} %`;
