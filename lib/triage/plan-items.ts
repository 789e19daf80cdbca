// The plan as data (issue 12 item 4): every generic plan item lives in plan-items.json, with the
// care levels it applies to (a named list or its own), the conditions it is for (none = any), an
// optional condition on the answers, the tags that say what it tells the runner about running, and
// its sources. The logic stays here: the conditions and the lines that put the runner's numbers in
// are named in PLAN_PREDICATES and PLAN_TEXTS, and the JSON refers to them by name
// (tests/unit/triage/plan-items-json.test.ts validates the file). Condition-specific lines come from
// advice.ts in the same shape. CONTRADICTIONS declares which tags must never meet in one plan;
// a property test (tests/unit/triage/plan.test.ts) checks that no input ever yields such a pair,
// and `npm run vignettes` counts them.
import { SPIKE_LOOKBACK_DAYS, SPIKE_THRESHOLD_PCT } from '../evidence/numbers';
import { injured, spikeOver, weeklyOver, type Answers } from './answers';
import { CARE_LEVEL_INFO, CARE_LISTS, type CareListName } from './care';
import data from './plan-items.json' with { type: 'json' };
import type { SourceId } from './sources';
import type { CareLevel, ConditionId, Training } from './types';

export const PLAN_SECTIONS = ['now', 'avoid', 'loadSummary', 'load', 'readiness', 'steps', 'painRules', 'escalate'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export interface PlanContext {
  a: Answers;
  care: CareLevel;
  /** The condition the plan is written for. */
  top: ConditionId;
  /** A bone stress warning fired: no running, pain-free rule, whatever ranks first. */
  boneStress: boolean;
  units: 'km' | 'mi';
  /** The runner's own thresholds for the load steps (settings); the defaults when absent. */
  spikePct?: number;
  weeklyPct?: number;
  /** The runner's shoe reminder, km (default 500: the low end of the 500-800 km rule of thumb). */
  shoeKmLimit?: number;
  /** The place the most urgent warning sign names, if any. */
  place?: string;
  /** Weeks after which "no better" means get help (one number per plan). */
  reviewWeeks: number;
}

export interface PlanItem {
  id: string;
  section: PlanSection;
  /** Plain words; a function when the runner's numbers go in (null: nothing to say). */
  text: string | ((c: PlanContext) => string | null);
  care: readonly CareLevel[];
  conditions?: readonly ConditionId[];
  when?: (c: PlanContext) => boolean;
  /** What it says about running: see CONTRADICTIONS. */
  tags?: readonly string[];
  /** A generic line's concern, left out when a condition's own line covers it. */
  topic?: PlanTopic;
  /** The generic concerns a condition's own line says more precisely. */
  covers?: readonly PlanTopic[];
  sources?: readonly SourceId[];
}

/** Tag pairs that contradict each other: no plan may carry both. */
export const CONTRADICTIONS: readonly (readonly [string, string])[] = [
  ['run:usual', 'run:cut'],
  ['run:usual', 'run:none'],
  ['run:usual', 'run:stop-provoking'],
  ['run:cut', 'run:none'],
  ['walk-run:yes', 'walk-run:no'],
  // "Hold this week at 28 km" and "start again at 1.6 km of run-walk" cannot both be the plan.
  ['run:cut', 'restart:walk-run'],
  ['pain-rule:monitor', 'pain-rule:pain-free'],
  // "No running" beside "stop the running that provokes it": the runner cannot tell which.
  ['run:none', 'run:stop-provoking'],
  // "If it puffs up after a run" beside "no running".
  ['run:none', 'run:some'],
];

/**
 * What a plan says about running, strictest first. When a condition's own line is stricter than
 * a generic one (a hip or meniscus "stop running" beside the generic "stop the running that
 * provokes it"), the stricter wins and the looser line is left out: one plan, one message.
 */
export const RUNNING_STRICTNESS: readonly string[] = ['run:none', 'run:stop-provoking', 'run:cut', 'run:some', 'run:usual'];

/**
 * Generic lines by concern: a condition's own line that `covers` a concern says it more
 * precisely, so the generic one is left out (one line per concern).
 */
export const PLAN_TOPICS = ['esc:mechanical', 'esc:night', 'avoid:running'] as const;
export type PlanTopic = (typeof PLAN_TOPICS)[number];

/** The yes/no answers about training. */
type TrainingFlag = { [K in keyof Training]-?: NonNullable<Training[K]> extends boolean ? K : never }[keyof Training];

/** The latest run was a spike over the runner's own threshold (the default when not set). */
const spiked = (c: PlanContext) => spikeOver(c.spikePct ?? SPIKE_THRESHOLD_PCT)(c.a);
/** Weekly distance rose by more than the runner's own threshold (10 % when not set). */
const weeklyRose = (c: PlanContext) => weeklyOver(c.weeklyPct ?? 10)(c.a);
/** Either: the load summary then says the recent jump in training is the likely cause. */
const trainingJumped = (c: PlanContext) => spiked(c) || weeklyRose(c);
/** The runner ticked this training answer (added hills, new runner, back from a break, camber). */
const ticked = (flag: TrainingFlag) => (c: PlanContext) => c.a.training[flag] === true;
/** A bone stress injury is suspected (its warning fired, or it ranks first): no running at all. */
const boneStressSuspected = (c: PlanContext) => c.boneStress || c.top === 'bone-stress-injury';

const KM_PER_MI = 1.609344;

/** A distance in the runner's units, rounded to what a runner can use (0.5 below 10, else 1). */
export function distance(km: number, units: 'km' | 'mi'): string {
  const v = units === 'mi' ? km / KM_PER_MI : km;
  const rounded = v < 10 ? Math.round(v * 2) / 2 : Math.round(v);
  return `${rounded} ${units}`;
}

/** One unit (1 km or 1 mile) in km. */
const oneUnitKm = (units: 'km' | 'mi') => (units === 'mi' ? KM_PER_MI : 1);

export interface LoadNumbers {
  /** Target for this week, km (absent when the week is not known). */
  weekKm?: number;
  /** Longest run allowed, km. */
  longestKm?: number;
  /** Stop each run here, km: one unit before the pain usually starts. */
  stopAtKm?: number;
  painStartsKm?: number;
}

/**
 * The load change in numbers from the runner's own distances:
 * - week: back to last week when this week rose more than 10 % (the runner's own threshold);
 *   otherwise hold this week (no increase until settled: seeds of evidence.md §4, hold the
 *   tolerated mileage);
 * - longest run: no longer than the longest of the previous 30 days after a spike (Frandsen
 *   2025), and no longer than the stop distance;
 * - stop distance: one km (or mile) before the distance at which the pain usually starts.
 */
export function loadNumbers(a: Answers, units: 'km' | 'mi', limits: { spikePct?: number; weeklyPct?: number } = {}): LoadNumbers {
  const t = a.training;
  const out: LoadNumbers = {};
  if (t.thisWeekKm !== undefined && t.thisWeekKm > 0) {
    const rose = weeklyOver(limits.weeklyPct ?? 10)(a);
    const last = t.lastWeekKm ?? (t.weeklyChangePct !== undefined ? (t.thisWeekKm * 100) / (100 + t.weeklyChangePct) : undefined);
    out.weekKm = rose && last !== undefined ? Math.min(last, t.thisWeekKm) : t.thisWeekKm;
  }
  const caps: number[] = [];
  if (spikeOver(limits.spikePct ?? SPIKE_THRESHOLD_PCT)(a) && t.longestRecentKm !== undefined && t.longestRecentKm > 0)
    caps.push(t.longestRecentKm);
  const pain = a.input.painStartsKm;
  if (pain !== undefined) {
    out.painStartsKm = pain;
    const stop = pain - oneUnitKm(units);
    if (stop >= oneUnitKm(units) / 2) {
      out.stopAtKm = stop;
      caps.push(stop);
    }
  }
  if (caps.length > 0) out.longestKm = Math.min(...caps);
  if (out.weekKm !== undefined && out.longestKm !== undefined && out.longestKm > out.weekKm) out.longestKm = out.weekKm;
  return out;
}

function numbersSentence(c: PlanContext, verb: 'cut' | 'hold'): string | null {
  const all = loadNumbers(c.a, c.units, c);
  // Keep-running holds the load: no stop distance (that would be a cut), only this week's total
  // and, after a spike, the 30-day longest as the cap.
  const n: LoadNumbers =
    verb === 'cut'
      ? all
      : {
          ...(all.weekKm !== undefined ? { weekKm: all.weekKm } : {}),
          ...(spiked(c) && c.a.training.longestRecentKm ? { longestKm: c.a.training.longestRecentKm } : {}),
        };
  const d = (km: number) => distance(km, c.units);
  const parts: string[] = [];
  if (n.weekKm !== undefined) parts.push(`this week about ${d(n.weekKm)} in total`);
  if (n.longestKm !== undefined) parts.push(`longest run ${d(n.longestKm)}`);
  let text = parts.length ? `${verb === 'cut' ? 'Your load for now' : 'Hold your running at'}: ${parts.join(', ')}` : '';
  if (n.stopAtKm !== undefined && n.painStartsKm !== undefined) {
    const stop = `stop each run at about ${d(n.stopAtKm)}, before the pain starts at about ${d(n.painStartsKm)}`;
    text = text ? `${text}; ${stop}` : stop.charAt(0).toUpperCase() + stop.slice(1);
  } else if (n.painStartsKm !== undefined) {
    text = text
      ? `${text}; the pain starts at about ${d(n.painStartsKm)}, so use run-walk`
      : `The pain starts at about ${d(n.painStartsKm)}: use short run-walk sessions well inside that`;
  }
  return text ? `${text}.` : null;
}

/** Walk-run table of the cited protocol (Trials 2023, table 1), at an effort of 3-5 out of 10. */
export const WALK_RUN_TABLE = [
  { runMin: 3, walkMin: 2, miles: 1.0 },
  { runMin: 3, walkMin: 2, miles: 1.5 },
  { runMin: 4, walkMin: 2, miles: 1.5 },
  { runMin: 4, walkMin: 2, miles: 2.0 },
  { runMin: 4, walkMin: 1, miles: 2.0 },
  { runMin: 0, walkMin: 0, miles: 2.0 },
] as const;

function walkRunStep(i: number, units: 'km' | 'mi'): string {
  const s = WALK_RUN_TABLE[i]!;
  const total = units === 'mi' ? `${s.miles.toFixed(1)} miles` : `${(s.miles * KM_PER_MI).toFixed(1)} km`;
  return s.runMin === 0
    ? `Step ${i + 1}: run continuously for ${total}.`
    : `Step ${i + 1}: run ${s.runMin} min, walk ${s.walkMin} min, for ${total} in total.`;
}

/** Weeks of the build-back ladder shown after the held week (then "keep adding at most X %"). */
export const BUILD_BACK_WEEKS = 3;

/**
 * Modify-load's way back, in the runner's numbers: hold the reduced week, then add at most the
 * runner's own weekly % (default 10) a week while the pain rules hold, up to this week's level
 * (the one that provoked it) at most. evidence.md §4 (hold the tolerated load, build in small
 * steps; Nielsen 2014 on weekly progression) and §6 (the pain-monitoring model gates each step).
 * Step 0 is the held week; steps 1..BUILD_BACK_WEEKS the build; null when there is nothing to say.
 */
export function buildBackStep(i: number, c: PlanContext): string | null {
  const n = loadNumbers(c.a, c.units, c);
  const pct = c.weeklyPct ?? 10;
  const d = (km: number) => distance(km, c.units);
  if (n.weekKm === undefined) {
    if (i === 0) return 'Week 1: hold the reduced load, every run within the pain rules below.';
    if (i === 1)
      return `Then one change a week (about ${pct} % more distance, or one extra run) if the last week met the pain rules; otherwise repeat it.`;
    return null;
  }
  if (i === 0) return `Week 1: about ${d(n.weekKm)} in total${n.longestKm !== undefined ? `, longest run ${d(n.longestKm)}` : ''}.`;
  const ceiling = c.a.training.thisWeekKm !== undefined && c.a.training.thisWeekKm > n.weekKm ? c.a.training.thisWeekKm : undefined;
  const week = (k: number) => n.weekKm! * (1 + pct / 100) ** k;
  if (ceiling !== undefined && week(i - 1) >= ceiling) return null;
  const km = ceiling !== undefined ? Math.min(week(i), ceiling) : week(i);
  const back = ceiling !== undefined && km >= ceiling ? ' (back to your level before the pain)' : '';
  return `Week ${i + 1}: about ${d(km)}${back}, if the week before met the pain rules; otherwise repeat it.`;
}

/** Causes whose plan is "no running, pain-free rule" when they are the one the plan is written for. */
const BONE_PLAN_CAUSES: readonly ConditionId[] = ['bone-stress-injury', 'serious-bone-pathology'];

function bonePlan(c: PlanContext): boolean {
  return c.boneStress || BONE_PLAN_CAUSES.includes(c.top);
}

/**
 * The conditions on the answers that plan-items.json names in an item's `when` (and `textWhen`):
 * the table says which item a condition gates, the logic stays here.
 */
export const PLAN_PREDICATES = {
  spiked,
  weeklyRose,
  trainingJumped,
  /** The training answers the runner ticked: each brings its own load step. */
  addedHillsOrSpeed: ticked('addedHillsOrSpeed'),
  hardOrCambered: ticked('hardOrCambered'),
  newRunner: ticked('newRunner'),
  returningFromBreak: ticked('returningFromBreak'),
  /** The shoes have reached the runner's reminder (default 500 km: the low end of 500-800 km). */
  shoesWorn: (c) => (c.a.training.shoeKm ?? 0) >= (c.shoeKmLimit ?? 500),
  /** It puffs up after a run and settles: raise it and compress it (PEACE & LOVE). */
  swellsAfterRuns: (c) => c.a.input.swelling === 'mild-settles',
  /** The first three days after an injury or a sudden onset: no anti-inflammatories yet (PEACE & LOVE). */
  earlyAfterInjury: (c) => (injured(c.a) || c.a.input.onset === 'sudden-no-injury') && c.a.input.durationDays <= 3,
  /** No bone stress warning fired: the load numbers, the held week and the build-back are for a runner who runs. */
  noBoneStressWarning: (c) => !c.boneStress,
  boneStressSuspected,
  /** The load summary when no bone stress is suspected (the bone one says "no running"). */
  noBoneStressSuspected: (c) => !boneStressSuspected(c),
  /** ...and the knee catches, locks or gives way: not run on until seen. */
  mechanicalNoBoneStress: (c) => !boneStressSuspected(c) && c.a.mechanical.size > 0,
  /** ...and it does not: stop only the running that provokes it. */
  noMechanicalNoBoneStress: (c) => !boneStressSuspected(c) && c.a.mechanical.size === 0,
  /** The plan is for a bone cause: every step pain-free (Hoenig 2025). */
  bonePlan,
  /** Any other plan: the pain-monitoring model (Silbernagel 2007). */
  notBonePlan: (c) => !bonePlan(c),
} satisfies Record<string, (c: PlanContext) => boolean>;

/** What a text builder reads from its own item besides the context: its words, its step number. */
interface BuilderItem {
  text?: string;
  step?: number;
}

/** The lines that put the runner's numbers (or the warning sign's place) in: plan-items.json `textFrom`. */
export const PLAN_TEXTS = {
  /** The place the warning sign names; else the care level's own words. */
  placeOrCareAction: (c) => c.place ?? CARE_LEVEL_INFO[c.care].action,
  /** The place the warning sign names; else the item's own words. */
  placeOrText: (c, item) => c.place ?? item.text ?? null,
  /** The load change in the runner's numbers (loadNumbers): cut for modify-load, hold for keep-running. */
  numbersCut: (c) => numbersSentence(c, 'cut'),
  numbersHold: (c) => numbersSentence(c, 'hold'),
  /** The spike in the runner's numbers, with the 30-day longest as the cap (Frandsen 2025). */
  spikeText: (c) => {
    const pct = Math.round(c.a.training.longestRunSpikePct!);
    const cap = c.a.training.longestRecentKm;
    const capText = cap !== undefined && cap > 0 ? ` (${distance(cap, c.units)})` : '';
    return `Your latest run was ${pct} % longer than your longest run of the previous ${SPIKE_LOOKBACK_DAYS} days. In a study of over 5,000 runners, a run more than ${SPIKE_THRESHOLD_PCT} % longer than that came with a clearly higher injury risk. Keep your longest run no longer than that 30-day longest${capText} until the knee has settled.`;
  },
  /** The weekly rise, and last week as the one to go back to (Buist 2008, Nielsen 2014). */
  weeklyText: (c) => {
    const last = c.a.training.lastWeekKm;
    const back = last !== undefined ? ` (about ${distance(last, c.units)})` : '';
    return `Your weekly distance rose ${Math.round(c.a.training.weeklyChangePct!)} %. Go back to the last week your knee tolerated${back}. The popular "10 % a week" rule is a rough guide: a trial of it found no fewer injuries, so let your knee, not the percentage, set the pace.`;
  },
  /** The shoes' distance in the runner's units (Kong 2009, Malisoux 2015). */
  shoesText: (c) =>
    `Your shoes have about ${distance(c.a.training.shoeKm!, c.units)} on them. Replacing shoes at 500-800 km (300-500 miles) is a rule of thumb, not proven to prevent injury; rotating more than one pair was linked to fewer injuries.`,
  /** Step `step` (from 1) of WALK_RUN_TABLE, in the runner's units. */
  walkRunStep: (c, item) => walkRunStep(item.step! - 1, c.units),
  /** Week `step` (from 1) of the build-back: buildBackStep. */
  buildBackStep: (c, item) => buildBackStep(item.step! - 1, c),
  /** When "no better" means get help: the weeks of the condition's own review time. */
  reviewText: (c) =>
    `It gets worse despite cutting back, or is no better after ${c.reviewWeeks === 1 ? 'a week' : `${c.reviewWeeks} weeks`} of changed training: see a physio or your GP.`,
} satisfies Record<string, (c: PlanContext, item: BuilderItem) => string | null>;

/** One item of plan-items.json (validated by tests/unit/triage/plan-items-json.test.ts). */
export interface PlanItemData {
  id: string;
  section: PlanSection;
  /** Why the item is there, where its words and sources do not say it. */
  note?: string;
  /** A named list (lib/triage/care.ts CARE_LISTS) or the levels themselves. */
  care: CareListName | readonly CareLevel[];
  conditions?: readonly ConditionId[];
  when?: keyof typeof PLAN_PREDICATES;
  /** The line (or, with `textFrom`, the words the builder may fall back on). */
  text?: string;
  /** Other words while a named predicate holds (the first that holds); `text` otherwise. */
  textWhen?: Partial<Record<keyof typeof PLAN_PREDICATES, string>>;
  textFrom?: keyof typeof PLAN_TEXTS;
  /** The step of a ladder the builder writes (walk-run, build-back), from 1. */
  step?: number;
  tags?: readonly string[];
  topic?: PlanTopic;
  covers?: readonly PlanTopic[];
  sources?: readonly SourceId[];
}

function itemText(d: PlanItemData): PlanItem['text'] {
  const { textFrom, textWhen } = d;
  if (textFrom) return (c) => PLAN_TEXTS[textFrom](c, d);
  if (textWhen) {
    const alternatives = Object.entries(textWhen).map(
      ([name, text]) => [PLAN_PREDICATES[name as keyof typeof PLAN_PREDICATES], text] as const,
    );
    return (c) => alternatives.find(([holds]) => holds(c))?.[1] ?? d.text ?? null;
  }
  return d.text!;
}

/** plan-items.json as plan items: named care lists, predicates and text builders resolved. */
function toPlanItem(d: PlanItemData): PlanItem {
  return {
    id: d.id,
    section: d.section,
    text: itemText(d),
    care: typeof d.care === 'string' ? CARE_LISTS[d.care] : d.care,
    ...(d.conditions ? { conditions: d.conditions } : {}),
    ...(d.when ? { when: PLAN_PREDICATES[d.when] } : {}),
    ...(d.tags ? { tags: d.tags } : {}),
    ...(d.topic ? { topic: d.topic } : {}),
    ...(d.covers ? { covers: d.covers } : {}),
    ...(d.sources ? { sources: d.sources } : {}),
  };
}

/** The generic plan items, in the order of plan-items.json. */
export const GENERIC_PLAN_ITEMS: readonly PlanItem[] = (data.items as readonly PlanItemData[]).map(toPlanItem);

/** Which tag pairs of CONTRADICTIONS a set of plan items carries (empty when coherent). */
export function contradictionsIn(items: readonly Pick<PlanItem, 'tags'>[]): (readonly [string, string])[] {
  const tags = new Set(items.flatMap((i) => i.tags ?? []));
  return CONTRADICTIONS.filter(([x, y]) => tags.has(x) && tags.has(y));
}
