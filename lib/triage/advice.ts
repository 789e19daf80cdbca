// Per-condition advice as data: first steps, what to avoid, a strength and mobility menu
// (name, dose, why), load notes, return notes and when to get help. The plan builder
// (plan.ts) combines this with the care level and the runner's training answers.
//
// Doses follow common physiotherapy practice for each condition (general knowledge, not from
// evidence.md); pain while exercising should stay at or below 3/10 (Silbernagel 2007).
//
// The advice itself is in advice.json, which names each shared thing once and refers to it by name:
// - care: a line names one of the care-level lists of ./care (CARE_LISTS: "care": "notUrgent");
// - kinds: the common kinds of line, with the care levels and tags they stand for
//   ({ "kind": "cut", "text": … } cuts running, shown only when the runner manages it themselves);
// - exercises: the shared menu items by id; a condition lists one by its id ("glute-bridge"), with
//   its blanks filled ({ "exercise": "wall-sit", "angle": "about 60 degrees" } fills "{angle}"), or
//   writes its own { name, dose, why };
// - conditions: each condition's advice; a line is a string or { text, kind or care, tags, sex,
//   covers } (see AdviceLine).
// A "note" (on a line, kind, exercise or condition) is for the reader only: ADVICE leaves it out.
// tests/unit/triage/advice-data.test.ts checks every id, care level, tag, topic and source in it.
import { CARE_LISTS } from './care';
import data from './advice.json' with { type: 'json' };
import type { PlanTopic } from './plan-items';
import type { SourceId } from './sources';
import { CONDITION_IDS, type CareLevel, type ConditionId, type Exercise } from './types';

/**
 * One line of advice. A plain string applies at every care level where its section is shown; an
 * object limits it to some care levels (a line that cuts running must not meet "keep your usual
 * running"), tags what it says about running (plan-items.ts declares which tags contradict), or
 * limits it to one sex (advice about periods).
 */
export type AdviceLine =
  string | { text: string; care?: readonly CareLevel[]; tags?: readonly string[]; sex?: 'female'; covers?: readonly PlanTopic[] };

export interface ConditionAdvice {
  now: AdviceLine[];
  avoid: AdviceLine[];
  strength: Exercise[];
  /** Condition-specific notes for the load plan. */
  load: AdviceLine[];
  /** Condition-specific notes for the return to running. */
  returnNotes: AdviceLine[];
  escalate: AdviceLine[];
  /**
   * Weeks of changed training after which "no better" means see a physio or doctor: ONE number
   * per plan, so the plan never says two different times.
   */
  reviewWeeks: number;
  /** Sources for advice beyond the condition's own (e.g. PEACE & LOVE, loading programmes). */
  sources?: SourceId[];
}

/** A line as advice.json writes it: care names a list of CARE_LISTS (./care), kind names a kinds entry. */
type LineData =
  string | { text: string; kind?: string; care?: string; tags?: string[]; sex?: 'female'; covers?: PlanTopic[]; note?: string };

/** A menu item as advice.json writes it: a shared exercise's id, that id with its blanks filled, or its own exercise. */
type ExerciseData = string | Exercise | ({ exercise: string } & Record<string, string>);

interface ConditionData {
  now: LineData[];
  avoid: LineData[];
  strength: ExerciseData[];
  load: LineData[];
  returnNotes: LineData[];
  escalate: LineData[];
  reviewWeeks: number;
  sources?: SourceId[];
}

interface AdviceData {
  kinds: Record<string, { care: string; tags: string[] }>;
  exercises: Record<string, Exercise>;
  conditions: Record<ConditionId, ConditionData>;
}

/** The test validates advice.json against these names and ids; this only gives it its type. */
const DATA = data as AdviceData;

function named<T>(table: Record<string, T>, name: string, what: string): T {
  const found = table[name];
  if (found === undefined) throw new Error(`advice.json: no ${what} "${name}"`);
  return found;
}

function line(l: LineData): AdviceLine {
  if (typeof l === 'string') return l;
  const kind = l.kind === undefined ? undefined : named(DATA.kinds, l.kind, 'kind');
  const care = l.care ?? kind?.care;
  const tags = l.tags ?? kind?.tags;
  return {
    text: l.text,
    ...(care !== undefined ? { care: named<readonly CareLevel[]>(CARE_LISTS, care, 'care-level list') } : {}),
    ...(tags ? { tags } : {}),
    ...(l.sex ? { sex: l.sex } : {}),
    ...(l.covers ? { covers: l.covers } : {}),
  };
}

function exercise(e: ExerciseData): Exercise {
  if (typeof e === 'string') return exercise({ exercise: e });
  if (!('exercise' in e)) return { name: e.name, dose: e.dose, why: e.why };
  const shared = named(DATA.exercises, e.exercise, 'exercise');
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (blank, name: string) => e[name] ?? blank);
  return { name: fill(shared.name), dose: fill(shared.dose), why: fill(shared.why) };
}

function conditionAdvice(c: ConditionData): ConditionAdvice {
  return {
    now: c.now.map(line),
    avoid: c.avoid.map(line),
    strength: c.strength.map(exercise),
    load: c.load.map(line),
    returnNotes: c.returnNotes.map(line),
    escalate: c.escalate.map(line),
    reviewWeeks: c.reviewWeeks,
    ...(c.sources ? { sources: c.sources } : {}),
  };
}

/** Every condition's advice, in the order of CONDITION_IDS. */
export const ADVICE: Record<ConditionId, ConditionAdvice> = Object.fromEntries(
  CONDITION_IDS.map((id) => [id, conditionAdvice(DATA.conditions[id])]),
) as Record<ConditionId, ConditionAdvice>;
