// Per-condition advice as data: first steps, what to avoid, a strength and mobility menu
// (name, dose, why), load notes, return notes and when to get help. The plan builder
// (plan.ts) combines this with the care level and the runner's training answers.
//
// Doses follow common physiotherapy practice for each condition (general knowledge, not from
// evidence.md); pain while exercising should stay at or below 3/10 (Silbernagel 2007).
import type { PlanTopic } from './plan-items';
import type { SourceId } from './sources';
import type { CareLevel, ConditionId, Exercise } from './types';

/**
 * One line of advice. A plain string applies at every care level where its section is shown; an
 * object limits it to some care levels (a line that cuts running must not meet "keep your usual
 * running"), tags what it says about running (plan-items.ts declares which tags contradict), or
 * limits it to one sex (advice about periods).
 */
export type AdviceLine =
  | string
  | { text: string; care?: readonly CareLevel[]; tags?: readonly string[]; sex?: 'female'; covers?: readonly PlanTopic[] };

const SELF_MANAGED: readonly CareLevel[] = ['modify-load'];
const NOT_SELF: readonly CareLevel[] = ['emergency', 'same-day', 'see-clinician'];
const NOT_URGENT: readonly CareLevel[] = ['see-clinician', 'modify-load', 'keep-running'];
const cut = (text: string): AdviceLine => ({ text, care: SELF_MANAGED, tags: ['run:cut'] });
const stop = (text: string): AdviceLine => ({ text, care: NOT_SELF, tags: ['run:none'] });

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

const ex = (name: string, dose: string, why: string): Exercise => ({ name, dose, why });

// Shared menu items.
const bridge = ex('Glute bridge', '3 sets of 12, every other day; progress to single-leg', 'Strong hips steady the knee on every landing.');
const sideLying = ex('Side-lying hip raise (leg lift to the side)', '3 sets of 15 each side, every other day', 'Hip abductors stop the knee from dropping inwards.');
const calfRaise = ex('Calf raises', '3 sets of 15, slow, every other day; progress to single-leg', 'Calves share the landing load with the knee.');
const wallSit = (angle: string) => ex('Wall sit', `5 holds of 30-45 s at ${angle}, daily, pain no more than 3/10`, 'A steady hold often eases pain and keeps the thigh muscle strong without irritating the knee.');
const stepDown = ex('Slow step-downs from a low step', '3 sets of 10 each leg, knee in line with the second toe', 'Trains control of the bent, loaded knee that running needs.');
const bike = ex('Easy cycling', '15-30 min, low resistance, pain-free', 'Keeps fitness and moves the knee without impact.');

export const ADVICE: Record<ConditionId, ConditionAdvice> = {
  'patellofemoral-pain': {
    now: [cut('Cut the running that brings it on to shorter, flatter, easier runs that stay at or below 3/10; you do not need to stop all activity.')],
    avoid: ['Downhill running, deep squats and long sitting with the knee bent until it settles (stretch the leg out or get up every 30 min).'],
    strength: [wallSit('about 45-60 degrees'), stepDown, sideLying, bridge],
    load: [
      'Understanding the pain and managing the load helps runners with this pain as much as added exercises or changing how you run.',
      'A slightly quicker step (5-10 % more steps per minute at the same pace) lowers the load behind the kneecap; worth trying, though it is not tested against injury.',
    ],
    returnNotes: ['Stairs and a single-leg squat are good tests: build back when they are close to pain-free.'],
    escalate: [],
    reviewWeeks: 6,
    sources: ['esculier-2018', 'heiderscheit-2011', 'lenhart-2014', 'crossley-2016'],
  },
  'itb-syndrome': {
    now: [cut('Stop each run before the distance at which the pain usually starts, and run on flat, even ground.')],
    avoid: ['Downhill running, cambered roads (or run out and back on the same side so both legs share the slope) and long runs until it settles.', 'Running through the pain once it starts: walk home instead.'],
    strength: [sideLying, bridge, ex('Side plank', '3 holds of 20-40 s each side, every other day', 'Strengthens the hip and trunk muscles that control the outside of the leg.'), ex('Single-leg squat to a chair', '3 sets of 8 each leg, slow', 'Builds hip and knee control on one leg.')],
    load: [cut('Keep each run shorter than the distance that sets it off, then add a little at a time once you reach it pain-free.')],
    returnNotes: ['Add downhill and long runs last.'],
    escalate: ['Pain that starts earlier and earlier in each run, or pain when walking.'],
    reviewWeeks: 6,
  },
  'patellar-tendinopathy': {
    now: ['Keep the tendon loaded but calm: pain during running and exercise at or below 3/10, settled by the next morning.'],
    avoid: ['Jumping, bounding, sprints and steep hills until the morning-after pain has settled.', 'Complete rest: tendons need load to recover.'],
    strength: [
      ex('Isometric leg extension or Spanish squat hold', '5 holds of 45 s, daily, fairly hard but pain no more than 3/10', 'Steady holds often ease tendon pain for hours.'),
      ex('Slow heavy leg press or decline squat', '3-4 sets of 15 down to 6 as it gets heavier, 3 s down and 3 s up, every other day', 'Slow heavy loading rebuilds tendon capacity.'),
      calfRaise,
      ex('Hops and skipping (later)', 'Only once slow heavy work is pain-free: 3 sets of 10 small hops, 2-3 times a week', 'Re-trains the tendon for the spring of running and jumping.'),
    ],
    load: ['Drop jumping and speed first; easy flat running can usually continue within the pain rules.'],
    returnNotes: ['Bring back jumping and speed work only when hopping is pain-free and morning pain is gone.'],
    escalate: ['Pain that is getting worse each week.'],
    reviewWeeks: 8,
    sources: ['malliaras-2015', 'silbernagel-2007'],
  },
  'quadriceps-tendinopathy': {
    now: ['Keep the tendon loaded but calm: pain during running and exercise at or below 3/10, settled by the next morning.'],
    avoid: ['Hill repeats, fast running, deep squats and kneeling until the morning-after pain has settled.'],
    strength: [
      ex('Isometric leg extension or wall sit', '5 holds of 45 s, daily, pain no more than 3/10', 'Steady holds often ease tendon pain.'),
      ex('Slow leg press or sit-to-stand', '3-4 sets of 15 down to 8, 3 s down and 3 s up, every other day', 'Slow loading rebuilds tendon capacity.'),
      ex('Step-ups', '3 sets of 10 each leg onto a knee-height step', 'Strengthens the thigh through the range you run in.'),
      calfRaise,
    ],
    load: ['Drop hills and speed first; easy flat running can usually continue within the pain rules.'],
    returnNotes: ['Add hills and faster running back one session at a time.'],
    escalate: ['A sudden sharp pain with weakness straightening the leg (tendon tear): go to an emergency department.'],
    reviewWeeks: 8,
    sources: ['malliaras-2015', 'silbernagel-2007'],
  },
  'fat-pad-irritation': {
    now: ['Avoid snapping the knee straight: stand with soft knees, and shorten your stride a little when you run.'],
    avoid: ['Standing with the knees locked back, full straightening under load and downhill running.'],
    strength: [wallSit('about 60 degrees'), ex('Step-ups', '3 sets of 10 each leg, stop short of locking the knee straight', 'Strengthens the thigh without pinching the fat pad.'), bridge, sideLying],
    load: ['Shorter, flatter runs; a slightly quicker, shorter step keeps the knee from straightening hard on landing.'],
    returnNotes: ['Test standing with straight knees and a full straight-leg squeeze: build back when these no longer pinch.'],
    escalate: [],
    reviewWeeks: 6,
  },
  'pes-anserine-pain': {
    now: [cut('Cut back hills, camber and long runs.'), 'A cold pack for 10-15 minutes after activity may ease the pain (it relieves pain, it does not heal).'],
    avoid: ['Hills, cambered roads and crossing your legs or sleeping with the knees pressed together.'],
    strength: [
      ex('Straight-leg raise', '3 sets of 12, daily', 'Strengthens the thigh without bending the knee.'),
      ex('Hamstring and inner-thigh stretch', '3 holds of 30 s each, daily', 'Tight inner-thigh and hamstring muscles pull on the tendons where it hurts.'),
      sideLying, stepDown,
    ],
    load: ['Flat, even routes first; add hills back one session at a time.'],
    returnNotes: ['Stairs are a good test: build back when they are comfortable.'],
    escalate: ['A swollen, tender lump on the inside of the knee, just below the joint (an inflamed bursa).'],
    reviewWeeks: 6,
  },
  'meniscal-irritation': {
    now: [
      cut('Run only on flat, straight routes, shorter than usual; no turning, trails or deep squats.'),
      'A cold pack may ease the pain; raising the leg helps swelling.',
    ],
    avoid: ['Twisting, pivoting, deep squats and kneeling.', 'Running on it if it catches, locks or swells.'],
    strength: [
      ex('Heel slides', '2 sets of 15, daily, within a comfortable range', 'Keeps the knee moving without load.'),
      ex('Quads squeeze (knee pressed into the floor)', '10 holds of 5 s, 3 times a day', 'Stops the thigh muscle from switching off.'),
      ex('Straight-leg raise', '3 sets of 12, daily', 'Builds thigh strength without bending the knee.'),
      ex('Mini squats to 45 degrees', '3 sets of 10, pain-free', 'Strengthens through a range that spares the meniscus.'),
      bike,
    ],
    load: ['Most meniscal irritation settles with exercise and time; build back on flat, straight routes before any turning or trails.'],
    returnNotes: ['Add trails, turns and faster running last.'],
    escalate: [{ text: 'The knee locks, keeps catching or giving way, or swells after each run.', covers: ['esc:mechanical'] }],
    reviewWeeks: 4,
  },
  'osteoarthritis-flare': {
    now: [
      cut('Keep active but shorten the run that flared it (usually the long one); pain at or below 3/10 during, settled within 24 hours.'),
      'Exercise is the core treatment. If you need a medicine, an anti-inflammatory gel rubbed on the knee is the first one guidelines suggest; ask a pharmacist what suits you.',
    ],
    avoid: ['Long runs and steep downhills while it is flared, and long spells without moving.'],
    strength: [
      ex('Sit-to-stand from a chair', '3 sets of 10, daily', 'Thigh strength is one of the best treatments for knee osteoarthritis.'),
      ex('Step-ups', '3 sets of 10 each leg', 'Builds strength for stairs and running.'),
      ex('Straight-leg raise', '3 sets of 12, daily', 'Strengthens the thigh without loading the joint.'),
      bike, bridge,
    ],
    load: ['Running is not bad for osteoarthritic knees in itself: the aim is a dose your knee tolerates, usually shorter runs on softer, flatter ground with rest days between.'],
    returnNotes: ['Bring the long run back last and in small steps.'],
    escalate: [{ text: 'Swelling that stays, locking or giving way, or pain at night or at rest.', covers: ['esc:mechanical', 'esc:night'] }],
    reviewWeeks: 6,
    sources: ['nice-ng226'],
  },
  'posterior-knee-irritation': {
    now: [cut('Shorten the long run below the distance that sets it off, and keep the knee moving gently.')],
    avoid: ['Deep squats and kneeling while it feels full; very long runs and steep downhills.'],
    strength: [
      ex('Hamstring bridge walk-outs', '3 sets of 6, every other day', 'Strengthens the hamstrings behind the knee.'),
      calfRaise,
      ex('Gentle knee bends and straightening', '2 sets of 15, daily, within a comfortable range', 'Keeps the back of the knee moving.'),
      bridge,
    ],
    load: [cut('Cut the long run back first; shorter runs usually carry on.')],
    returnNotes: ['Bring the long run back last.'],
    escalate: ['Calf swelling, warmth or tenderness (get seen the same day), or a lump behind the knee that keeps growing.'],
    reviewWeeks: 4,
  },
  'bone-stress-injury': {
    now: [
      stop('Stop running now. Walk only as much as is pain-free; if walking hurts, you may need crutches or a boot, so get seen.'),
      'Eat enough for the training you do; if you are often tired and run down, tell the clinician.',
      { text: 'If your periods have stopped or become irregular, tell the clinician: it raises the risk of bone stress injuries.', sex: 'female' },
    ],
    // When it is urgent, the plan's own "Running, or testing the knee to see how bad it is" says it once.
    avoid: [
      { text: 'Running, jumping and hopping until a clinician clears you.', care: NOT_URGENT },
      { text: 'Testing it with a run "to see".', care: NOT_URGENT },
    ],
    strength: [
      ex('Non-impact cross-training (cycling, swimming, pool running)', '20-40 min, only if completely pain-free', 'Keeps fitness while the bone heals.'),
    ],
    load: ['A bone stress injury needs a clinician-guided return: pain-free walking first, then a graded run-walk over weeks.'],
    returnNotes: ['Return only with a clinician: bone needs to be completely pain-free at each step, not just "3/10".'],
    escalate: ['Pain when walking, pain at night, or a hip or groin ache: get seen the same day.'],
    reviewWeeks: 2,
    sources: ['hoenig-2025'],
  },
  'ligament-injury': {
    now: [
      {
        text: 'Protect it for the first days (PEACE): rest from running, raise the leg, compress with a bandage and move it gently within comfort.',
        tags: ['run:none'],
      },
    ],
    avoid: [{ text: 'Running, twisting and sport until it has been assessed.', tags: ['run:none'] }, 'Anti-inflammatories in the first days and heat or massage on a swollen knee.'],
    strength: [
      ex('Quads squeeze (knee pressed into the floor)', '10 holds of 5 s, 3 times a day', 'Stops the thigh muscle from switching off after an injury.'),
      ex('Heel slides', '2 sets of 15, daily, within comfort', 'Regains bending without load.'),
      ex('Straight-leg raise', '3 sets of 12, daily, only if the knee stays straight', 'Keeps thigh strength.'),
    ],
    load: ['Running comes back only after the ligament has been assessed and stability and strength have returned, usually with a physio-guided plan.'],
    returnNotes: ['Running, cutting and jumping come back in stages set by your physio.'],
    escalate: [{ text: 'The knee gives way again, swells more, or you cannot straighten it.', covers: ['esc:mechanical'] }],
    reviewWeeks: 2,
    sources: ['peace-love'],
  },
  'osgood-schlatter': {
    now: [
      'It is a harmless growing pain that settles as the bones finish growing: sport can go on at a level that keeps pain mild and settled by the next day.',
      'A cold pack on the bump for 10-15 minutes after sport may ease the pain; knee pads help with kneeling.',
    ],
    avoid: ['Lots of jumping and kneeling on the bump on painful days.'],
    strength: [
      ex('Gentle front-of-thigh stretch', '3 holds of 30 s, daily', 'Tight thigh muscles pull on the sore bump.'),
      ex('Hamstring stretch', '3 holds of 30 s, daily', 'Keeps the back of the thigh flexible.'),
      ex('Wall sit (high)', '5 holds of 30 s, pain no more than 3/10', 'Keeps the thigh strong without pulling hard on the bump.'),
      bridge,
    ],
    load: ['Adjust sport by pain: fewer jumping sessions in a week, not stopping everything.'],
    returnNotes: ['On bad weeks, drop the jumping and keep the running easy.'],
    escalate: ['A limp, pain at night, or pain in the hip or thigh: get seen the same day.'],
    reviewWeeks: 6,
  },
  'referred-hip-pain': {
    now: [stop('Stop running and sport until a doctor has checked the hip; use crutches if walking hurts.')],
    avoid: [{ text: 'Running, jumping and sport until the hip has been checked.', covers: ['avoid:running'] }],
    strength: [],
    load: ['No running until the hip has been checked; the knee itself may be normal.'],
    returnNotes: ['Return to sport is set by the doctor treating the hip.'],
    escalate: ['Cannot walk, or the limp gets worse: go to an emergency department.'],
    reviewWeeks: 1,
  },
  'muscle-soreness': {
    now: ['This is normal soreness after a harder, longer or hillier run than usual: easy walking, cycling or an easy short run help it settle.'],
    avoid: ['Another hard, long or downhill session until the soreness has gone.'],
    strength: [
      ex('Easy cycling or walking', '20-30 min, easy', 'Gentle movement eases muscle soreness faster than rest.'),
      ex('Sit-to-stand and step-ups (once sore-free)', '3 sets of 10, every other day', 'Stronger thighs get less sore after long and downhill runs.'),
      ex('Downhill walking or slow eccentric squats (once sore-free)', '2-3 sessions a week', 'A little eccentric work protects against the next downhill soreness.'),
    ],
    load: ['Next time, build the long run up by a smaller step, and add downhill running gradually.'],
    returnNotes: ['Run easy while it settles; keep hard sessions for when it has gone.'],
    escalate: ['The knee itself hurts or swells, or your urine turns dark (see a doctor the same day).'],
    reviewWeeks: 1,
    sources: ['doms-review'],
  },
  'septic-arthritis': {
    now: ['Go to an emergency department now. Do not wait for it to settle and do not take anti-inflammatories to mask a fever before you are seen.'],
    avoid: ['Running, and walking on it more than you must.'],
    strength: [],
    load: ['No running until you have been treated and cleared.'],
    returnNotes: ['Return to running is set by the team treating the infection.'],
    escalate: ['If you feel very unwell, confused or faint, call emergency services.'],
    reviewWeeks: 1,
  },
  fracture: {
    now: ['Keep weight off the leg as much as you can until the X-ray. A cold pack wrapped in a towel can ease the pain on the way.'],
    avoid: ['Walking on it or testing it; running.'],
    strength: [],
    load: ['No running until a clinician has cleared the bone.'],
    returnNotes: ['Return to running is set by the team treating the fracture.'],
    escalate: ['If the foot goes numb, cold or pale, call emergency services.'],
    reviewWeeks: 1,
  },
  dislocation: {
    now: ['Keep the leg still in the most comfortable position until you are seen.'],
    avoid: ['Trying to push the kneecap or knee back in, or walking on it.'],
    strength: [],
    load: ['No running until the joint has been put back, checked and rehabilitated.'],
    returnNotes: ['Return to running follows a physio-guided plan after the dislocation is treated.'],
    escalate: ['If the foot goes numb, cold or pale, call emergency services at once.'],
    reviewWeeks: 1,
  },
  dvt: {
    now: ['A clot is ruled out with a scan (usually within 4 hours), not a knee examination: say that your calf is swollen when you book.'],
    avoid: ['Running, and rubbing or massaging the calf.'],
    strength: [],
    load: ['No running until a clot has been ruled out or treated.'],
    returnNotes: ['If a clot is found, return to running is agreed with the team treating it.'],
    escalate: ['Sudden shortness of breath, chest pain or coughing blood: call emergency services now.'],
    reviewWeeks: 1,
    sources: ['nice-ng158'],
  },
  'inflammatory-arthritis': {
    now: ['Book a doctor within days and ask about inflammatory arthritis; mention every joint that is swollen or stiff and how long the morning stiffness lasts.'],
    avoid: ['Hard and long runs while the joints are swollen.'],
    strength: [
      ex('Gentle range-of-motion (heel slides, knee bends)', '2 sets of 15, daily', 'Keeps the joints moving while you wait to be seen.'),
      bike,
    ],
    load: ['Easy, short runs are fine on good days if the joints are not swollen; cut back on flare days.'],
    returnNotes: ['Once the inflammation is treated, build back gradually like any return to running.'],
    escalate: ['A single joint becomes hot, red and very painful, or you feel feverish: go to an emergency department.'],
    reviewWeeks: 2,
    sources: ['nice-ng100'],
  },
  'serious-bone-pathology': {
    now: ['Tell the doctor that the pain wakes you at night or is there at rest, and about any weight loss.'],
    avoid: ['Running and jumping until you have been checked.'],
    strength: [],
    load: ['No running until the cause has been found.'],
    returnNotes: ['Return to running depends on what the tests show.'],
    escalate: ['A growing lump, fever, or pain that is quickly getting worse: be seen the same day.'],
    reviewWeeks: 1,
  },
};
