// The plan as data (issue 12 item 4): every generic plan item with the care levels it applies to,
// the conditions it is for (none = any), an optional condition on the answers, the tags that say
// what it tells the runner about running, and its sources. Condition-specific lines come from
// advice.ts in the same shape. CONTRADICTIONS declares which tags must never meet in one plan;
// a property test (tests/unit/triage/plan.test.ts) checks that no input ever yields such a pair,
// and `npm run vignettes` counts them.
import { SPIKE_LOOKBACK_DAYS, SPIKE_THRESHOLD_PCT } from '../evidence/numbers';
import { injured, spikeOver, weeklyOver, type Answers } from './answers';
import { CARE_LEVEL_INFO } from './care';
import type { SourceId } from './sources';
import type { CareLevel, ConditionId, Training } from './types';

export type PlanSection = 'now' | 'avoid' | 'loadSummary' | 'load' | 'readiness' | 'steps' | 'painRules' | 'escalate';

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
export type PlanTopic = 'esc:mechanical' | 'esc:night' | 'avoid:running';

/** The yes/no answers about training. */
type TrainingFlag = { [K in keyof Training]-?: NonNullable<Training[K]> extends boolean ? K : never }[keyof Training];

const URGENT: readonly CareLevel[] = ['emergency', 'same-day'];
const NOT_URGENT: readonly CareLevel[] = ['see-clinician', 'modify-load', 'keep-running'];
const ALL: readonly CareLevel[] = ['emergency', 'same-day', 'see-clinician', 'modify-load', 'keep-running'];

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

const GENERIC: readonly PlanItem[] = [
  // ---- now ----
  // The place the warning sign names; when a condition's own floor made it urgent (no sign), the
  // care level's own words, so "What to do now" is never empty.
  { id: 'now-go', section: 'now', care: URGENT, text: (c) => c.place ?? CARE_LEVEL_INFO[c.care].action },
  {
    id: 'now-book',
    section: 'now',
    care: ['see-clinician'],
    // What to do about running is the load summary's to say (one message).
    text: (c) => c.place ?? 'Book a physio or your GP within the next few days.',
  },
  {
    id: 'now-numbers-cut',
    section: 'now',
    care: ['modify-load'],
    when: (c) => !c.boneStress,
    text: (c) => numbersSentence(c, 'cut'),
    tags: ['run:cut'],
    sources: ['frandsen-2025'],
  },
  { id: 'now-numbers-hold', section: 'now', care: ['keep-running'], text: (c) => numbersSentence(c, 'hold') },
  {
    id: 'now-keep-moving',
    section: 'now',
    care: ['see-clinician', 'modify-load'],
    text: 'Keep moving in ways that do not hurt (walking, cycling, swimming): gentle load helps tissues recover, complete rest does not.',
    sources: ['peace-love'],
  },
  {
    id: 'now-elevate-compress',
    section: 'now',
    care: ['see-clinician', 'modify-load'],
    when: (c) => c.a.input.swelling === 'mild-settles',
    text: 'If it puffs up after a run, raise the leg and use a compression sleeve or bandage.',
    tags: ['run:some'],
    sources: ['peace-love'],
  },
  {
    id: 'now-easy-runs',
    section: 'now',
    care: ['keep-running'],
    tags: ['run:usual'],
    text: 'Keep your runs easy and conversational, and note how the knee feels during, after and the next morning.',
  },
  // ---- avoid ----
  {
    id: 'avoid-testing',
    section: 'avoid',
    care: URGENT,
    topic: 'avoid:running',
    text: 'Running, or testing the knee to see how bad it is.',
    tags: ['run:none'],
  },
  {
    id: 'avoid-anti-inflammatories-early',
    section: 'avoid',
    care: ALL,
    when: (c) => (injured(c.a) || c.a.input.onset === 'sudden-no-injury') && c.a.input.durationDays <= 3,
    text: 'Anti-inflammatory tablets in the first days after an injury: they may slow healing. Ice can ease pain but does not speed healing.',
    sources: ['peace-love'],
  },
  // ---- load summary: exactly one applies to any plan ----
  { id: 'load-urgent', section: 'loadSummary', care: URGENT, text: 'No running until you have been seen.', tags: ['run:none'] },
  {
    id: 'load-bone',
    section: 'loadSummary',
    care: ['see-clinician', 'modify-load', 'keep-running'],
    when: boneStressSuspected,
    text: 'No running: pain-free walking first, then a return guided by your clinician.',
    tags: ['run:none'],
    sources: ['hoenig-2025'],
  },
  {
    // The catching and giving-way warning's own advice (NHS acute knee pathway): not run on.
    id: 'load-see-mechanical',
    section: 'loadSummary',
    care: ['see-clinician'],
    when: (c) => !boneStressSuspected(c) && c.a.mechanical.size > 0,
    text: 'No running until you have been seen: running on a knee that catches, locks or gives way can injure it further. Cross-training that does not hurt (cycling, swimming) is fine.',
    tags: ['run:none'],
    sources: ['nhs-acute-knee'],
  },
  {
    id: 'load-see',
    section: 'loadSummary',
    care: ['see-clinician'],
    when: (c) => !boneStressSuspected(c) && c.a.mechanical.size === 0,
    text: 'Stop the running that provokes it until you have been seen; cross-training that does not hurt (cycling, swimming) is fine.',
    tags: ['run:stop-provoking'],
  },
  {
    id: 'load-modify',
    section: 'loadSummary',
    care: ['modify-load'],
    when: (c) => !boneStressSuspected(c),
    text: (c) =>
      trainingJumped(c)
        ? 'Your training jumped recently: go back to the last load your knee tolerated, hold it for at least a week, then build back in small steps.'
        : 'Cut the running that provokes it to an amount that stays at or below 3/10 and settles by the next morning, hold it for at least a week, then build back in small steps.',
    tags: ['run:cut'],
  },
  {
    id: 'load-keep',
    section: 'loadSummary',
    care: ['keep-running'],
    when: (c) => !boneStressSuspected(c),
    text: (c) =>
      trainingJumped(c)
        ? 'Keep running, but no further increases until it is fully settled; your recent jump in training is the likely cause.'
        : 'Keep your usual running at an easy effort; do not add distance or intensity until it is fully settled.',
    tags: ['run:usual'],
  },
  // ---- load steps: what probably added to it ----
  {
    id: 'load-spike',
    section: 'load',
    care: NOT_URGENT,
    when: spiked,
    text: (c) => {
      const pct = Math.round(c.a.training.longestRunSpikePct!);
      const cap = c.a.training.longestRecentKm;
      const capText = cap !== undefined && cap > 0 ? ` (${distance(cap, c.units)})` : '';
      return `Your latest run was ${pct} % longer than your longest run of the previous ${SPIKE_LOOKBACK_DAYS} days. In a study of over 5,000 runners, a run more than ${SPIKE_THRESHOLD_PCT} % longer than that came with a clearly higher injury risk. Keep your longest run no longer than that 30-day longest${capText} until the knee has settled.`;
    },
    sources: ['frandsen-2025'],
  },
  {
    id: 'load-weekly',
    section: 'load',
    care: NOT_URGENT,
    when: weeklyRose,
    text: (c) => {
      const last = c.a.training.lastWeekKm;
      const back = last !== undefined ? ` (about ${distance(last, c.units)})` : '';
      return `Your weekly distance rose ${Math.round(c.a.training.weeklyChangePct!)} %. Go back to the last week your knee tolerated${back}. The popular "10 % a week" rule is a rough guide: a trial of it found no fewer injuries, so let your knee, not the percentage, set the pace.`;
    },
    sources: ['buist-2008', 'nielsen-2014'],
  },
  {
    id: 'load-hills',
    section: 'load',
    care: NOT_URGENT,
    when: ticked('addedHillsOrSpeed'),
    text: 'Drop the hills and speed sessions you added until it settles, then bring back one session a week at a time.',
  },
  {
    id: 'load-camber',
    section: 'load',
    care: NOT_URGENT,
    when: ticked('hardOrCambered'),
    text: 'Run on flat, even ground; on a cambered road run out and back on the same side so both legs share the slope.',
  },
  {
    id: 'load-new-runner-walk-run',
    section: 'load',
    care: ['see-clinician', 'modify-load'],
    when: ticked('newRunner'),
    text: 'As a newer runner, build back with run-walk, running every other day: bones, tendons and joints adapt more slowly than heart and lungs. Recovery can be slow (about 10 weeks is typical in new runners), so be patient.',
    tags: ['walk-run:yes'],
    sources: ['nielsen-2014-recovery'],
  },
  {
    id: 'load-new-runner',
    section: 'load',
    care: ['keep-running'],
    when: ticked('newRunner'),
    text: 'As a newer runner, keep a rest day between runs: bones, tendons and joints adapt more slowly than heart and lungs.',
  },
  {
    id: 'load-returning',
    section: 'load',
    care: NOT_URGENT,
    when: ticked('returningFromBreak'),
    text: 'Coming back from a break, start well below your old volume and rebuild over several weeks.',
  },
  {
    id: 'load-shoes',
    section: 'load',
    care: NOT_URGENT,
    when: (c) => (c.a.training.shoeKm ?? 0) >= (c.shoeKmLimit ?? 500),
    text: (c) =>
      `Your shoes have about ${distance(c.a.training.shoeKm!, c.units)} on them. Replacing shoes at 500-800 km (300-500 miles) is a rule of thumb, not proven to prevent injury; rotating more than one pair was linked to fewer injuries.`,
    sources: ['kong-2009', 'malisoux-2015'],
  },
  {
    id: 'load-hold-then-build',
    section: 'load',
    care: ['modify-load'],
    when: (c) => !c.boneStress,
    text: 'Hold that reduced load for at least a week (3-4 runs without pain above 3/10), then build in small steps: a little more distance or one extra run, one change at a time, holding each step for a week.',
    tags: ['run:cut'],
  },
  {
    id: 'load-back-off',
    section: 'load',
    care: ['modify-load', 'keep-running'],
    when: (c) => !c.boneStress,
    text: 'Back off if pain returns after several runs, lasts for days or keeps growing; stop and cross-train if it hurts through the whole run or lingers for more than 2 rest days.',
  },
  // ---- return to running ----
  {
    id: 'rtr-after-assessment',
    section: 'readiness',
    care: URGENT,
    text: 'Only after you have been assessed and the team treating you says running is safe.',
  },
  {
    id: 'rtr-cleared',
    section: 'readiness',
    care: ['see-clinician'],
    text: 'First, the go-ahead from the doctor or physio who checks it.',
  },
  // After a stop (see-clinician): walking and stairs first. Modify-load keeps running, so its
  // gate is a week at the reduced load within the pain rules (Silbernagel 2007).
  {
    id: 'rtr-walk',
    section: 'readiness',
    care: ['see-clinician'],
    text: 'You can walk briskly for 30-45 minutes without pain.',
  },
  { id: 'rtr-stairs', section: 'readiness', care: ['see-clinician'], text: 'Stairs cause no more than minimal irritation.' },
  {
    id: 'rtr-held-week',
    section: 'readiness',
    care: ['modify-load'],
    when: (c) => !c.boneStress,
    text: 'A week at the reduced load with every run at or below 3/10 and the knee back to usual by the next morning.',
    sources: ['silbernagel-2007'],
  },
  {
    id: 'rtr-hops',
    section: 'readiness',
    care: ['see-clinician', 'modify-load'],
    text: 'A single-leg squat and 10 single-leg hops on the sore side are pain-free.',
  },
  // Restarting from run-walk is for a runner who stopped (see-clinician); one who cut back builds
  // from the held week instead (CONTRADICTIONS: run:cut vs restart:walk-run).
  ...WALK_RUN_TABLE.map((_, i): PlanItem => ({
    id: `rtr-walk-run-${i + 1}`,
    section: 'steps',
    care: ['see-clinician'],
    text: (c) => walkRunStep(i, c.units),
    tags: ['walk-run:yes', 'restart:walk-run'],
    sources: ['trials-2023'],
  })),
  {
    id: 'rtr-walk-run-rules',
    section: 'steps',
    care: ['see-clinician'],
    tags: ['walk-run:yes', 'restart:walk-run'],
    sources: ['trials-2023'],
    text: 'Run at an easy effort (3-5 out of 10), on flat ground, with at least one rest day between runs. Do each step at least twice, and move up only if pain, swelling and stiffness did not rise after the last run; otherwise repeat it or drop back one.',
  },
  ...Array.from({ length: BUILD_BACK_WEEKS + 1 }, (_, i): PlanItem => ({
    id: `rtr-build-back-${i + 1}`,
    section: 'steps',
    care: ['modify-load'],
    when: (c) => !c.boneStress,
    text: (c) => buildBackStep(i, c),
    sources: ['nielsen-2014', 'silbernagel-2007'],
  })),
  {
    id: 'rtr-no-walk-run',
    section: 'steps',
    care: ['keep-running'],
    when: (c) => !c.boneStress,
    text: 'No walk-run build-up needed: keep your usual easy runs and check the pain rules after each one.',
    tags: ['walk-run:no'],
  },
  // Pain-monitoring model (Silbernagel 2007) as a traffic light; bone stress must be pain-free.
  ...[
    'During a run, pain of 0-2 out of 10 is safe and 3-5 is acceptable; above 5 is too much.',
    'By the next morning, pain and stiffness are back to your usual level.',
    'Pain is not creeping up from week to week.',
    'All fine: keep to the plan. Pain 3-5, or not settled by the morning: repeat the same load, no increase. Above 5, or worse the next morning: cut back.',
  ].map((text, i): PlanItem => ({
    id: `pain-monitor-${i + 1}`,
    section: 'painRules',
    care: NOT_URGENT,
    when: (c) => !bonePlan(c),
    text,
    tags: ['pain-rule:monitor'],
    sources: ['silbernagel-2007'],
  })),
  ...[
    'Bone stress is different: every step back must be completely pain-free, during and after, not just "3 out of 10".',
    'Any bone pain during or after a run means stop, go back a step and tell your clinician.',
  ].map((text, i): PlanItem => ({
    id: `pain-bone-${i + 1}`,
    section: 'painRules',
    care: NOT_URGENT,
    when: bonePlan,
    text,
    tags: ['pain-rule:pain-free'],
    sources: ['hoenig-2025'],
  })),
  // ---- escalate ----
  {
    id: 'esc-emergency-worse',
    section: 'escalate',
    care: ['same-day'],
    text: 'If it gets much worse before you are seen, the knee turns hot and red, you get a fever, or the foot goes numb or cold, go to an emergency department.',
  },
  {
    id: 'esc-cannot-get-there',
    section: 'escalate',
    care: ['emergency'],
    text: 'If you cannot get to hospital safely, call emergency services.',
  },
  {
    id: 'esc-review',
    section: 'escalate',
    care: ['modify-load', 'keep-running'],
    text: (c) =>
      `It gets worse despite cutting back, or is no better after ${c.reviewWeeks === 1 ? 'a week' : `${c.reviewWeeks} weeks`} of changed training: see a physio or your GP.`,
  },
  {
    id: 'esc-mechanical',
    section: 'escalate',
    care: NOT_URGENT,
    topic: 'esc:mechanical',
    text: 'The knee swells, locks, catches or gives way.',
  },
  { id: 'esc-night', section: 'escalate', care: NOT_URGENT, topic: 'esc:night', text: 'Pain wakes you at night or is there at rest.' },
  {
    id: 'esc-same-day',
    section: 'escalate',
    care: NOT_URGENT,
    text: 'Get seen the same day if you cannot take weight on it, it turns hot or red, you get a fever, or your calf swells.',
  },
];

/** Causes whose plan is "no running, pain-free rule" when they are the one the plan is written for. */
const BONE_PLAN_CAUSES: readonly ConditionId[] = ['bone-stress-injury', 'serious-bone-pathology'];

function bonePlan(c: PlanContext): boolean {
  return c.boneStress || BONE_PLAN_CAUSES.includes(c.top);
}

export const GENERIC_PLAN_ITEMS = GENERIC;

/** Which tag pairs of CONTRADICTIONS a set of plan items carries (empty when coherent). */
export function contradictionsIn(items: readonly Pick<PlanItem, 'tags'>[]): (readonly [string, string])[] {
  const tags = new Set(items.flatMap((i) => i.tags ?? []));
  return CONTRADICTIONS.filter(([x, y]) => tags.has(x) && tags.has(y));
}
