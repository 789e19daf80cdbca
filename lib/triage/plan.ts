// The plan: what to do now, what to avoid, a load plan from the training answers, a strength
// menu for the top condition, the return to running (evidence.md §4) and when to get help.
import { ADVICE } from './advice';
import { spikeOver, weeklyOver, type Answers } from './answers';
import { CARE_LEVEL_INFO } from './care';
import { sources, type SourceId } from './sources';
import type { CareLevel, ConditionId, Plan, SourceRef } from './types';

/** Frandsen 2025: hazard-rate ratios for a run longer than the longest of the previous 30 days. */
export const SPIKE_BANDS = [
  { above: 100, label: 'more than 100 %', hrr: 2.28 },
  { above: 30, label: '30-100 %', hrr: 1.52 },
  { above: 10, label: '10-30 %', hrr: 1.64 },
] as const;

const round = (n: number) => Math.round(n);

/** Cut that undoes a weekly rise of `pct` %: from 100+pct back to 100. */
export function cutToUndo(pct: number): number {
  return round((pct / (100 + pct)) * 100);
}

export const READINESS = [
  'You can walk briskly for 30-45 minutes without pain.',
  'Stairs cause no more than minimal irritation.',
  'A single-leg squat and 10 single-leg hops on the sore side are pain-free.',
];

export const WALK_RUN_STEPS = [
  'Phase 1: run 3 min, walk 2 min, for about 1.6 km (1 mile) in total.',
  'Phase 2: run 4 min, walk 1 min, for about 1.6 km (1 mile).',
  'Phase 3: run 5 min, walk 1 min, for about 2.4 km (1.5 miles).',
  'Phase 4: run 8 min, walk 1 min, for about 2.4 km (1.5 miles).',
  'Phase 5: run 10 min, walk 1 min, for about 3.2 km (2 miles).',
  'Phase 6: run continuously for about 3.2 km (2 miles), then build distance in small steps.',
  'Do each phase at least twice before moving on, on flat ground, with at least one rest day between runs.',
  'Do not move up a phase if swelling, stiffness or pain went up after the last run; repeat it or drop back one.',
];

export const PAIN_RULES = [
  'Pain during a run stays at or below 3 out of 10 (5/10 at most).',
  'Any pain has settled by the next morning.',
  'Pain is not creeping up from week to week.',
  'Back off if pain returns after several runs, lasts for days or keeps growing; stop and cross-train if it hurts through the whole run or lingers for more than 2 rest days.',
];

export const BONE_PAIN_RULES = [
  'Bone stress injuries are different: every step must be completely pain-free, during and after, not just "3/10".',
  'Any bone pain during or after a run means stop and go back a step, and tell your clinician.',
];

const GENERAL_ESCALATE = [
  'It gets worse despite cutting back, or is no better after 2-3 weeks of changed training.',
  'The knee swells, locks, catches or gives way.',
  'Pain wakes you at night or is there at rest.',
  'Get seen the same day if you cannot take weight on it, it turns hot or red, you get a fever, or your calf swells.',
];

export interface PlanContext {
  a: Answers;
  care: CareLevel;
  /** The condition the plan is written for: the first in the ranked list. */
  top: ConditionId;
}

/** Training lines shared by every level that discusses load; also says which sources they use. */
function trainingFindings(a: Answers): { lines: string[]; sources: SourceId[] } {
  const t = a.training;
  const lines: string[] = [];
  const used: SourceId[] = [];
  if (spikeOver(10)(a) && t.longestRunSpikePct !== undefined) {
    const band = SPIKE_BANDS.find((b) => t.longestRunSpikePct! > b.above)!;
    lines.push(
      `Your latest run was ${round(t.longestRunSpikePct)} % longer than your longest run of the previous 30 days. In 5,205 runners, a run ${band.label} longer than that came with ${band.hrr} times the injury rate (rate ratio ${band.hrr}; for 10-30 % longer 1.64, 30-100 % 1.52, over 100 % 2.28). Cap your longest run at your previous 30-day longest until the knee has settled.`,
    );
    used.push('frandsen-2025');
  }
  if (weeklyOver(10)(a) && t.weeklyChangePct !== undefined) {
    lines.push(
      `Your weekly distance rose ${round(t.weeklyChangePct)} %. Go back to the last week your knee tolerated: drop back about ${cutToUndo(t.weeklyChangePct)} % from this week.`,
    );
    lines.push(
      'The popular "10 % a week" rule is a rough guide with weak evidence (a trial of it found no fewer injuries), so let your knee, not the percentage, set the pace.',
    );
    used.push('buist-2008', 'nielsen-2014');
  }
  if (t.addedHillsOrSpeed) lines.push('Drop the hills and speed sessions you added until it settles, then bring back one session a week at a time.');
  if (t.hardOrCambered) lines.push('Run on flat, even ground; on a cambered road run out and back on the same side so both legs share the slope.');
  if (t.newRunner) {
    lines.push('As a newer runner, use run-walk and run every other day: bones, tendons and joints adapt more slowly than heart and lungs. Recovery can be slow (a median of about 10 weeks in new runners), so be patient.');
    used.push('dano-run');
  }
  if (t.returningFromBreak) lines.push('Coming back from a break, start well below your old volume and rebuild over several weeks.');
  if (t.shoeKm !== undefined && t.shoeKm >= 500) {
    lines.push(
      `Your shoes have about ${round(t.shoeKm)} km on them. Replacing shoes at 500-800 km is a rule of thumb, not proven to prevent injury; rotating more than one pair was linked to fewer injuries.`,
    );
    used.push('kong-2009', 'malisoux-2015');
  }
  return { lines, sources: used };
}

const HOLD_THEN_BUILD = [
  'Hold that reduced load for at least a week (3-4 pain-free runs) before adding anything.',
  'Then build in small steps: a little more distance or one extra run, one change at a time, holding each step for a week.',
];

function loadPlan(ctx: PlanContext): { plan: Plan['load']; sources: SourceId[] } {
  const { a, care, top } = ctx;
  const advice = ADVICE[top];
  const found = trainingFindings(a);
  const jumped = spikeOver(10)(a) || weeklyOver(10)(a);
  const backOff = PAIN_RULES[3]!;
  switch (care) {
    case 'emergency':
    case 'same-day':
      return { plan: { summary: 'No running until you have been seen.', steps: advice.load }, sources: [] };
    case 'see-clinician': {
      const summary =
        top === 'bone-stress-injury'
          ? 'No running: pain-free walking first, then a return guided by your clinician.'
          : 'Stop the running that provokes it until you have been seen; cross-training that does not hurt (cycling, swimming) is fine.';
      const context = found.lines.length ? ['What probably added to it, for when you are cleared to run again:', ...found.lines] : [];
      return { plan: { summary, steps: [...advice.load, ...context] }, sources: found.sources };
    }
    case 'modify-load': {
      const summary = jumped
        ? 'Your training jumped recently: go back to the last load your knee tolerated, hold it for at least a week, then build back in small steps.'
        : 'Cut the running that provokes it to an amount that stays at or below 3/10 and settles by the next morning, hold it for at least a week, then build back in small steps.';
      return {
        plan: { summary, steps: [...found.lines, ...HOLD_THEN_BUILD, ...advice.load, backOff] },
        sources: [...found.sources, 'seed-001'],
      };
    }
    case 'keep-running': {
      const summary = jumped
        ? 'Keep running, but no further increases until it is fully settled; your recent jump in training is the likely cause.'
        : 'Keep your usual running at an easy effort; do not add distance or intensity until it is fully settled.';
      return { plan: { summary, steps: [...found.lines, ...advice.load, backOff] }, sources: [...found.sources, 'seed-001'] };
    }
  }
}

function returnToRun(ctx: PlanContext): { plan: Plan['returnToRun']; sources: SourceId[] } {
  const { care, top } = ctx;
  const advice = ADVICE[top];
  if (care === 'emergency' || care === 'same-day') {
    return {
      plan: { readiness: ['Only after you have been assessed and the team treating you says running is safe.', ...advice.returnNotes], steps: [], painRules: [] },
      sources: [],
    };
  }
  const bone = top === 'bone-stress-injury' || top === 'serious-bone-pathology';
  const painRules = bone ? BONE_PAIN_RULES : PAIN_RULES.slice(0, 3);
  const src: SourceId[] = bone ? ['hoenig-2025'] : ['silbernagel-2007'];
  if (care === 'keep-running') {
    return {
      plan: {
        readiness: advice.returnNotes,
        steps: ['No walk-run build-up needed: keep your usual easy runs and check the pain rules after each one.'],
        painRules,
      },
      sources: src,
    };
  }
  const readiness = [
    ...(care === 'see-clinician' ? ['First, the go-ahead from the doctor or physio who checks it.'] : []),
    ...READINESS,
    ...advice.returnNotes,
  ];
  return {
    plan: { readiness, steps: WALK_RUN_STEPS, painRules },
    sources: [...src, 'trials-2023', 'seed-000', 'seed-004'],
  };
}

function nowAndAvoid(ctx: PlanContext): { now: string[]; avoid: string[]; sources: SourceId[] } {
  const { a, care, top } = ctx;
  const advice = ADVICE[top];
  const info = CARE_LEVEL_INFO[care];
  if (care === 'emergency' || care === 'same-day') {
    return {
      now: [info.action, ...advice.now],
      avoid: ['Running, or testing the knee to see how bad it is.', ...advice.avoid],
      sources: [],
    };
  }
  const now = [...(care === 'see-clinician' ? [info.action] : []), ...advice.now];
  const used: SourceId[] = [];
  if (care !== 'keep-running') {
    // PEACE & LOVE: protect early, then load by pain, stay optimistic, keep the blood flowing.
    now.push('Keep moving in ways that do not hurt (walking, cycling, swimming): gentle load helps tissues recover, complete rest does not.');
    used.push('peace-love');
    if (a.input.swelling === 'mild-settles') now.push('If it puffs up after a run, raise the leg and use a compression sleeve or bandage.');
  } else {
    now.push('Keep your runs easy and conversational, and note how the knee feels during, after and the next morning.');
  }
  const avoid = [...advice.avoid];
  if (a.input.onset !== 'gradual') {
    avoid.push('Anti-inflammatory tablets in the first days after an injury: they may slow tissue healing.');
    used.push('peace-love');
  }
  return { now, avoid, sources: used };
}

function escalate(ctx: PlanContext): string[] {
  const advice = ADVICE[ctx.top];
  switch (ctx.care) {
    case 'emergency':
      return [...advice.escalate, 'If you cannot get to hospital safely, call emergency services.'];
    case 'same-day':
      return [
        'If it gets much worse before you are seen, or the knee turns hot and red, you get a fever, or the foot goes numb or cold, go to an emergency department.',
        ...advice.escalate,
      ];
    default:
      return [...advice.escalate, ...GENERAL_ESCALATE];
  }
}

export function buildPlan(ctx: PlanContext): { plan: Plan; sources: SourceRef[] } {
  const na = nowAndAvoid(ctx);
  const load = loadPlan(ctx);
  const rtr = returnToRun(ctx);
  // No exercise menu when the answer is "be seen now": exercises wait for an assessment.
  const strength = ctx.care === 'emergency' || ctx.care === 'same-day' ? [] : ADVICE[ctx.top].strength;
  const plan: Plan = {
    now: [...new Set(na.now)],
    avoid: [...new Set(na.avoid)],
    load: load.plan,
    strength,
    returnToRun: rtr.plan,
    escalate: [...new Set(escalate(ctx))],
  };
  const adviceSources = ADVICE[ctx.top].sources ?? [];
  return { plan, sources: sources(...new Set([...adviceSources, ...na.sources, ...load.sources, ...rtr.sources])) };
}
