// Knowledge as data: for each condition, the answers that support it (positive weight) or
// argue against it (negative), from evidence.md §2 (discriminating features) and §3, plus
// general clinical knowledge where §2 is silent (noted inline).
//
// Weights are additive, in log-likelihood-ratio style units: +1 roughly "makes it about 2-3x
// more likely", +3 "strongly typical", -3 "hard to square with this condition". `prior` is
// how common the condition is among runners with knee pain (PFP most common). The engine sums
// prior + matching weights into a raw score; see rank.ts for how that becomes 0..100.
import {
  addedHillsOrSpeed, ageFrom, all, any, at, bothKnees, cambered, daysFrom, feels, hist, injured, noInjury, painAtDistance, swollen, trendIs,
  lingers, loadRose, mech, newRunner, not, notAt, onset, pctWords, restedNoBetter, returning, settles,
  sexIs, sign, spikeOver, stiffMinutes, swelling, weeklyOver, when, worse,
  type Answers, type Pred,
} from './answers';
import { SPIKE_THRESHOLD_PCT } from '../evidence';
import { sources } from './sources';
import { childTubercle } from './warning-signs';
import type {
  Aggravator, CareLevel, ConditionId, Feel, History, Location, Mechanical, Onset, Sign, SourceRef, Swelling, Timing,
} from './types';
import {
  AGGRAVATOR_WORDS, FEEL_WORDS, HISTORY_WORDS, LOCATION_WORDS, MECHANICAL_WORDS, ONSET_WORDS, SIGN_WORDS, SWELLING_WORDS,
  TIMING_WORDS,
} from './words';

/**
 * What kind of answer a feature reads (issue 12 item 3):
 * - symptom: the pain itself (where, when, how, swelling, signs, how long): the only kind that
 *   can put a condition on the list;
 * - context: history and training: shown as a reason next to a symptom, never alone enough;
 * - modifier: age and sex: adjust the score, never shown as a reason.
 */
export type FeatureKind = 'symptom' | 'context' | 'modifier';

export interface Feature {
  when: Pred;
  /** Positive supports, negative argues against. */
  w: number;
  /** Plain words quoting the runner's answer (goes to `why` or `against`). */
  text: string | ((a: Answers) => string);
  kind: FeatureKind;
  /**
   * The condition's defining feature is absent (its place, its sign): when this fires the
   * condition is not listed, whatever else supports it (a warning sign's cause excepted).
   */
  excludes?: boolean;
}

/** A supporting feature lighter than this is a hint, not a reason: never shown, never support. */
export const MIN_REASON_WEIGHT = 0.5;
/**
 * A symptom at least this typical of a condition (close to "makes it about 2-3x more likely",
 * see the weights above; rest, night and whole-run pain for bone stress) puts it on the list: a clinician would not list a cause on a
 * non-specific answer alone (no swelling, a month of pain).
 */
export const MIN_SUPPORT_WEIGHT = 0.7;

export interface ConditionKnowledge {
  id: ConditionId;
  name: string;
  prior: number;
  features: Feature[];
  sources: SourceRef[];
  /**
   * The least urgent care this condition allows once the answers fit it well (see
   * FLOOR_RAW in rank.ts). Only signs with positive weights feed these conditions, so
   * reporting an extra sign can never lower the care.
   */
  minCare?: (a: Answers) => CareLevel;
}

// One-line feature builders that reuse the runner's own words.
const f = (when: Pred, w: number, text: Feature['text'], kind: FeatureKind = 'symptom'): Feature => ({ when, w, text, kind });
/** The defining feature is absent: argues against and keeps the condition off the list. */
const absent = (when: Pred, w: number, text: Feature['text']): Feature => ({ when, w, text, kind: 'symptom', excludes: true });
/** Age or sex: adjusts the score only. */
const mod = (when: Pred, w: number, text: Feature['text']): Feature => f(when, w, text, 'modifier');
/** History or training: a reason beside a symptom, never enough alone. */
const ctx = (when: Pred, w: number, text: Feature['text']): Feature => f(when, w, text, 'context');
const L = (x: Location, w: number) => f(at(x), w, LOCATION_WORDS[x]);
const T = (x: Timing, w: number) => f(when(x), w, TIMING_WORDS[x]);
const F = (x: Feel, w: number) => f(feels(x), w, FEEL_WORDS[x]);
const W = (x: Aggravator, w: number) => f(worse(x), w, AGGRAVATOR_WORDS[x]);
const M = (x: Mechanical, w: number) => f(mech(x), w, MECHANICAL_WORDS[x]);
const S = (x: Sign, w: number) => f(sign(x), w, SIGN_WORDS[x]);
const H = (x: History, w: number) => ctx(hist(x), w, HISTORY_WORDS[x]);
const SW = (x: Swelling, w: number) => f(swelling(x), w, SWELLING_WORDS[x]);
const O = (x: Onset, w: number) => f(onset(x), w, ONSET_WORDS[x]);

const ageText = (a: Answers) => `Your age (${a.age})`;
// How it started, when the onset answer matters only as injury or no injury.
const injuryStart = (w: number) => f(injured, w, 'It started with a twist, fall or blow');
const noInjuryStart = (w: number) => f(noInjury, w, 'It came on without a twist, fall or blow');
const twistOrFall = f(injured, -2, 'It started with a twist, fall or blow, not gradually');
const mechanicalAgainst = f(mech('catching', 'locking', 'giving-way'), -1, 'The knee catches, locks or gives way');
const spike = ctx(spikeOver(SPIKE_THRESHOLD_PCT), 0.5, (a) => `Your latest run was ${pctWords(a.training.longestRunSpikePct ?? 0)} longer than your longest in the previous 30 days`);
const weekly = ctx(weeklyOver(10), 0.5, (a) => `Your weekly distance rose ${pctWords(a.training.weeklyChangePct ?? 0)}`);
const hillsSpeed = (w: number) => ctx(addedHillsOrSpeed, w, 'You added hills or speed work');
const camber = (w: number) => ctx(cambered, w, 'You run on hard or cambered surfaces');
const novice = (w: number) => ctx(newRunner, w, 'You are new to running');
const comeback = (w: number) => ctx(returning, w, 'You are coming back from a break');

export const CONDITIONS: readonly ConditionKnowledge[] = [
  {
    id: 'patellofemoral-pain',
    name: "Runner's knee (patellofemoral pain)",
    prior: 0,
    // Crossley 2016: pain around/behind the kneecap with loaded bent-knee activity.
    features: [
      L('front', 2.5), L('above-kneecap', 0.5), L('below-kneecap', 0.5),
      absent(notAt('front', 'above-kneecap', 'below-kneecap', 'whole-knee'), -2.5, 'No pain around the kneecap'),
      W('stairs', 1), W('squatting-kneeling', 1), W('sitting', 1.5), W('downhill', 0.5), W('hills-speed-jumping', 0.3),
      W('straightening', -0.5), W('twisting', -0.5),
      T('after-run', 0.5), T('eases-with-warmup', -0.5),
      F('dull-ache', 0.5), F('pinching', -0.5), F('burning', -0.5),
      f(bothKnees, 0.7, 'Both knees'),
      mod(ageFrom(12, 40), 0.5, ageText), mod(ageFrom(50), -0.7, ageText),
      twistOrFall,
      SW('persistent', -1), SW('rapid-after-injury', -2), SW('rapid-no-injury', -1), M('locking', -1.5), M('giving-way', -0.5),
      S('bump-below-kneecap', -1.5), S('kneecap-slipped', 0.5),
      novice(0.5), weekly, hillsSpeed(0.3),
    ],
    sources: sources('crossley-2016', 'esculier-2018'),
  },
  {
    id: 'itb-syndrome',
    name: 'Iliotibial band (ITB) syndrome',
    prior: -0.3,
    // Seeds, BMJ Best Practice: outside above the joint line, at a predictable distance.
    features: [
      L('outside', 3), absent(notAt('outside'), -3.5, 'No pain on the outside of the knee'),
      // The band runs down the outside: pain behind the knee as well points to the popliteus.
      L('joint-line', -1), L('back', -2.5),
      T('late-in-run', 2.5), T('eases-with-warmup', -1.5), T('at-rest', -0.5),
      f(all(at('outside'), painAtDistance), 1, (a) => `The pain starts at about the same distance (${a.input.painStartsKm} km)`),
      W('downhill', 1), W('long-runs', 1), W('stairs', 0.2), W('twisting', -1), W('squatting-kneeling', -0.5),
      F('sharp', 0.5), F('burning', 1),
      camber(1), spike, weekly,
      twistOrFall,
      M('catching', -1), M('locking', -2), SW('persistent', -1), SW('rapid-after-injury', -2), SW('rapid-no-injury', -1),
    ],
    sources: sources('itb-review'),
  },
  {
    id: 'patellar-tendinopathy',
    name: "Patellar tendon pain (jumper's knee)",
    prior: -0.5,
    // Malliaras 2015: lower pole of the kneecap, load-related, warms up; 15-30, men.
    features: [
      L('below-kneecap', 2.5), L('front', 0.5),
      absent(notAt('below-kneecap', 'front'), -2, 'No pain at the kneecap or just below it'),
      T('eases-with-warmup', 2), T('after-run', 0.5), T('next-morning', 0.3),
      W('hills-speed-jumping', 1.5), W('hopping', 1), W('squatting-kneeling', 0.7), W('stairs', 0.3), W('sitting', 0.3),
      W('straightening', -1), F('pinching', -1), F('sharp', 0.2),
      // In a growing child, pain at the kneecap's lower pole with no bump below it is
      // Sinding-Larsen-Johansson (Valentino 2012): the same site and loading as the tendon, and
      // the contract files it here (a bump below the kneecap is Osgood-Schlatter's).
      mod(ageFrom(15, 30), 1, ageText), mod(all(ageFrom(8, 14), not(sign('bump-below-kneecap'))), 0.7, ageText), mod(ageFrom(40), -0.7, ageText),
      mod(sexIs('male'), 0.3, 'Male (more common in men)'),
      S('bump-below-kneecap', -1.5), f(all(ageFrom(18), at('below-kneecap'), sign('cannot-straight-leg-raise')), 2.5, SIGN_WORDS['cannot-straight-leg-raise']),
      hillsSpeed(1),
      twistOrFall, SW('persistent', -1), SW('rapid-after-injury', -2), mechanicalAgainst,
    ],
    sources: sources('malliaras-2015', 'silbernagel-2007', 'valentino-2012'),
  },
  {
    id: 'quadriceps-tendinopathy',
    name: 'Quadriceps tendon pain',
    prior: -1,
    // §2: upper pole of the kneecap, load-related, older runners (low-quality sources).
    features: [
      L('above-kneecap', 3), L('front', 0.5), L('below-kneecap', -1),
      absent(notAt('above-kneecap', 'front'), -2.5, 'No pain above or around the kneecap'),
      T('eases-with-warmup', 1.5), T('after-run', 0.3), T('next-morning', 0.3), T('at-night', -1),
      W('hills-speed-jumping', 1), W('squatting-kneeling', 0.7), W('stairs', 0.5), W('hopping', 0.5),
      mod(ageFrom(40), 1, ageText), mod(ageFrom(8, 24), -1, ageText),
      f(all(at('above-kneecap', 'front'), sign('cannot-straight-leg-raise')), 2.5, SIGN_WORDS['cannot-straight-leg-raise']),
      hillsSpeed(0.7), weekly,
      twistOrFall, SW('persistent', -1.5), SW('rapid-after-injury', -2), mechanicalAgainst,
    ],
    sources: sources('malliaras-2015'),
  },
  {
    id: 'fat-pad-irritation',
    name: "Fat pad irritation (Hoffa's fat pad)",
    prior: -1,
    // Seed 000: below the kneecap either side of the tendon; full straightening; pinching.
    features: [
      L('below-kneecap', 2), L('front', 0.3),
      absent(notAt('below-kneecap', 'front'), -2.5, 'No pain at the kneecap or just below it'),
      W('straightening', 3), F('pinching', 2.5),
      T('eases-with-warmup', -0.5), W('hills-speed-jumping', -0.3),
      S('bump-below-kneecap', -1),
      injuryStart(-1),
      SW('persistent', -1), SW('rapid-after-injury', -2), mechanicalAgainst,
    ],
    sources: sources('fat-pad-review'),
  },
  {
    id: 'pes-anserine-pain',
    name: 'Pes anserine pain (inner knee tendons)',
    prior: -1,
    // §2 (Covey & Hawks in the notes; cited as Helfenstein & Kuromoto 2010): inside, 4-5 cm below the joint line; stairs, overuse; women, OA.
    features: [
      L('inside', 2.5), absent(notAt('inside'), -3, 'No pain on the inside of the knee'),
      L('joint-line', -1),
      W('stairs', 1), W('long-runs', 0.3), W('downhill', 0.3), W('twisting', -1),
      T('after-run', 0.3), T('late-in-run', 0.3), F('dull-ache', 0.3),
      mod(sexIs('female'), 0.5, 'Female (more common in women)'), mod(ageFrom(40), 0.3, ageText),
      mod(ageFrom(8, 17), -1, ageText), // an adult problem (women, overweight, OA)
      H('known-knee-arthritis', 0.5),
      hillsSpeed(0.3), camber(0.3), weekly,
      S('bone-tender-spot', -1),
      twistOrFall,
      M('catching', -1.5), M('locking', -2), M('giving-way', -1), SW('persistent', -1), SW('rapid-after-injury', -2),
    ],
    sources: sources('pes-anserine-review'),
  },
  {
    id: 'meniscal-irritation',
    name: 'Meniscus (cartilage) irritation or tear',
    prior: -0.7,
    // NHS pathways: joint line; twisting, deep bending; catching, locking, giving way;
    // swelling over hours; young: after an injury, over 40: wear-related.
    features: [
      L('joint-line', 2.5), L('inside', 0.5), L('outside', 0.3), L('back', 0.3),
      absent(notAt('joint-line', 'inside', 'outside', 'back', 'whole-knee'), -1.5, 'No pain at the sides or back of the joint'),
      W('twisting', 2), W('squatting-kneeling', 1.2), W('stairs', 0.2),
      M('catching', 2), M('locking', 3), M('giving-way', 0.7),
      O('sudden-twist', 2), O('fall-or-blow', 0.3),
      O('sudden-no-injury', 0.7), S('heard-pop', 0.5),
      // After a twist or blow, a meniscus tear hurts along the joint line or catches or locks; a
      // twist that hurts elsewhere with neither is more often a sprained ligament (NHS pathways).
      f(all(injured, notAt('joint-line'), not(mech('catching', 'locking'))), -2.5, 'After the injury, no pain along the joint line and nothing catches or locks'),
      SW('mild-settles', 0.5), SW('persistent', 0.7), SW('rapid-after-injury', 0.5), SW('rapid-no-injury', 1),
      mod(ageFrom(40), 0.5, ageText),
      T('late-in-run', -0.7), T('eases-with-warmup', -0.7),
      F('sharp', 0.5), F('burning', -0.5),
    ],
    sources: sources('nhs-knee-pain', 'nhs-acute-knee'),
  },
  {
    id: 'osteoarthritis-flare',
    name: 'Knee osteoarthritis flare',
    prior: -0.7,
    // NICE NG226: 45 or over, activity pain, morning stiffness up to 30 min, next-day
    // stiffness, swelling after long efforts.
    features: [
      mod(ageFrom(45), 1.5, ageText), mod(ageFrom(60), 0.7, 'Age 60 or over'),
      mod(ageFrom(8, 34), -3, ageText), mod(ageFrom(35, 44), -0.5, ageText),
      H('known-knee-arthritis', 2.5),
      L('whole-knee', 1.5), L('inside', 0.5), L('joint-line', 0.5), L('front', 0.3),
      absent(notAt('whole-knee', 'inside', 'joint-line', 'front', 'outside', 'back', 'above-kneecap', 'below-kneecap'), -2, 'The knee joint itself is not sore'),
      F('stiffness', 1), F('dull-ache', 0.5),
      f(stiffMinutes(1, 30), 1, (a) => `Morning stiffness of ${a.input.morningStiffnessMinutes} minutes`),
      f((a) => (a.input.morningStiffnessMinutes ?? 0) > 30, -1, 'Morning stiffness longer than 30 minutes'),
      T('next-morning', 0.7), T('after-run', 0.3), T('at-rest', 0.3),
      W('stairs', 0.7), W('long-runs', 0.5), W('squatting-kneeling', 0.3),
      SW('mild-settles', 1), SW('persistent', 0.3), SW('rapid-after-injury', -1), SW('rapid-no-injury', 0.7),
      // A flare shows itself as stiffness or swelling (NICE NG226); with neither, look elsewhere.
      // Pain the next morning is a timing, not stiffness: it does not count as either.
      absent(not(any(feels('stiffness'), stiffMinutes(1), swelling('mild-settles', 'persistent', 'rapid-no-injury'), at('whole-knee'))), -2, 'No stiffness or swelling'),
      // A flare builds with use; a knee hurt by a twist or blow is an injury first (NICE NG226).
      injuryStart(-2),
      S('multiple-joints', -0.5),
    ],
    sources: sources('nice-ng226'),
  },
  {
    id: 'posterior-knee-irritation',
    name: "Back-of-knee irritation (Baker's cyst, popliteus or hamstring)",
    prior: -1,
    // Seed 000 table: fullness and tightness behind the knee after long runs; popliteus
    // worse downhill. A ruptured Baker's cyst mimics DVT (calf signs go to the DVT rule).
    features: [
      L('back', 3.5), absent(not(any(at('back'), sign('lump-behind-knee'))), -3, 'No pain behind the knee'),
      S('lump-behind-knee', 3),
      F('pressure-fullness', 1.5), F('stiffness', 0.7),
      W('long-runs', 1), W('squatting-kneeling', 0.7), W('downhill', 0.5), W('straightening', 0.3),
      // evidence.md §2: the popliteus (at the back-outside corner) is worse running downhill.
      f(all(at('back'), worse('downhill')), 2, 'Behind the knee and worse downhill (typical of the popliteus tendon)'),
      T('after-run', 0.5), T('late-in-run', 0.3),
      SW('mild-settles', 0.5), SW('rapid-no-injury', 0.5), S('calf-swelling', -1),
      injuryStart(-1),
    ],
    sources: sources('nhs-bakers-cyst'),
  },
  {
    id: 'bone-stress-injury',
    name: 'Bone stress injury (stress reaction or fracture)',
    prior: -1,
    // Hoenig 2025 Delphi: focal bone tenderness, progressive, does not warm up, hurts to hop,
    // 3-8 weeks after a training change; prior BSI and low energy availability raise risk.
    features: [
      // A tender tibial tubercle in a child is Osgood-Schlatter, not bone stress (§7).
      f(all(sign('bone-tender-spot'), not(childTubercle)), 3.5, SIGN_WORDS['bone-tender-spot']),
      W('hopping', 1.5),
      T('at-rest', 1), T('at-night', 0.7), T('whole-run', 0.7), T('eases-with-warmup', -2), T('late-in-run', -0.5),
      f(lingers, 0.5, 'It does not settle within 48 hours'),
      H('prior-bone-stress', 1.5), H('low-energy-or-missed-periods', 1.5),
      mod(sexIs('female'), 0.3, 'Female (higher risk of bone stress)'),
      ctx(weeklyOver(10), 0.7, (a) => `Your weekly distance rose ${pctWords(a.training.weeklyChangePct ?? 0)}`),
      ctx(weeklyOver(30), 0.3, 'A big jump in weekly distance'),
      ctx(spikeOver(SPIKE_THRESHOLD_PCT), 0.5, (a) => `Your latest run was ${pctWords(a.training.longestRunSpikePct ?? 0)} longer than your recent longest`),
      novice(0.5), comeback(0.3), camber(0.3),
      L('inside', 0.3), S('cannot-bear-weight', 1), L('hip-groin', 1), S('limp', 0.5),
      f(trendIs('worse'), 0.7, 'It is getting worse'),
      F('pinching', -1), F('burning', -0.5),
      injuryStart(-2),
      SW('rapid-after-injury', -2), mechanicalAgainst,
    ],
    sources: sources('hoenig-2025'),
    minCare: () => 'see-clinician',
  },
  {
    id: 'ligament-injury',
    name: 'Ligament injury (for example ACL or MCL)',
    prior: -1,
    // §2/§3: a twist or blow, a pop, swelling within hours (haemarthrosis = ACL until
    // proven otherwise), giving way.
    features: [
      O('sudden-twist', 2.5), O('fall-or-blow', 2),
      noInjuryStart(-4),
      SW('rapid-after-injury', 3), SW('none', -0.5), f(all(injured, sign('heard-pop')), 2, SIGN_WORDS['heard-pop']),
      M('giving-way', 2), W('twisting', 0.5),
      // The inner (medial collateral) ligament is the one most often sprained by a twist or blow.
      L('inside', 1.5), L('outside', 0.3), L('whole-knee', 0.3),
      F('sharp', 0.3), S('cannot-bear-weight', 0.5),
    ],
    sources: sources('nhs-acute-knee'),
    minCare: () => 'see-clinician',
  },
  {
    id: 'osgood-schlatter',
    name: 'Osgood-Schlatter (growth-plate irritation below the kneecap)',
    prior: -1,
    // §2: tibial tubercle bump; running, jumping, kneeling; girls ~10-13, boys ~12-15.
    features: [
      S('bump-below-kneecap', 4),
      mod(ageFrom(9, 15), 1.5, ageText), mod(ageFrom(16, 17), -1.5, ageText), mod(ageFrom(18), -4, 'Adult (it is a condition of growing bones)'),
      L('below-kneecap', 2), absent(notAt('below-kneecap', 'front'), -2, 'No pain at the kneecap or just below it'),
      W('squatting-kneeling', 1), W('hills-speed-jumping', 0.7), W('hopping', 0.3),
      T('after-run', 0.3),
      twistOrFall, SW('persistent', -1), SW('rapid-after-injury', -2),
    ],
    sources: sources('nhs-osgood-schlatter'),
  },
  {
    id: 'referred-hip-pain',
    name: 'Pain coming from the hip (in children, for example a slipped growth plate: SUFE/SCFE)',
    prior: -1.5,
    // Matava 1999: 15 % of SCFE present as knee pain; knee or thigh pain with a normal knee,
    // limp, out-toeing, age 8-15.
    features: [
      S('limp', 2.5),
      mod(ageFrom(8, 15), 1.5, ageText), mod(ageFrom(16), -1, ageText),
      // Thigh pain points to the hip unless it is muscle soreness that settles (as the warning sign reads it).
      L('hip-groin', 3), f(all(at('thigh-muscles'), not(settles)), 1.5, LOCATION_WORDS['thigh-muscles']),
      L('whole-knee', 0.5), L('inside', 0.3), L('front', 0.2),
      f(at('below-kneecap', 'outside', 'back', 'joint-line'), -1, 'Pain in one spot of the knee itself'),
      f(swelling('none'), 0.5, 'The knee itself is not swollen'),
      f(swollen, -1.5, 'The knee is swollen'),
      mechanicalAgainst,
    ],
    sources: sources('matava-1999', 'peck-2017', 'rch-scfe'),
    // A suspected slipped growth plate needs same-day assessment; referred hip pain in
    // adults needs a clinician, not self-management.
    minCare: (a) => (a.age <= 15 ? 'same-day' : 'see-clinician'),
  },
  {
    id: 'muscle-soreness',
    name: 'Muscle soreness after a hard run (DOMS)',
    prior: -0.5,
    // Seed 000: thigh muscles, both legs, 24-72 h after a hard, long or downhill effort; settles.
    features: [
      L('thigh-muscles', 3.5), absent(notAt('thigh-muscles'), -2, 'The pain is in the knee, not the thigh muscles'),
      T('next-morning', 1.5), T('eases-with-warmup', 0.3), T('late-in-run', -1), T('at-night', -1),
      f(bothKnees, 1, 'Both legs'),
      f(settles, 1.5, 'It settles within 48 hours'), f(lingers, -1.5, 'It does not settle within 48 hours'),
      f(daysFrom(0, 3), 1, 'It started in the last few days'), f(daysFrom(8), -1.5, 'It has lasted more than a week'),
      ctx(spikeOver(SPIKE_THRESHOLD_PCT), 1, (a) => `Your latest run was ${pctWords(a.training.longestRunSpikePct ?? 0)} longer than your recent longest`),
      weekly, hillsSpeed(0.7), comeback(0.3), novice(0.3),
      W('downhill', 0.7), W('stairs', 0.3),
      F('stiffness', 0.5), F('dull-ache', 0.3), F('sharp', -0.5),
      f(swollen, -1.5, 'The knee is swollen'),
      f(mech('catching', 'locking', 'giving-way'), -1.5, 'The knee catches, locks or gives way'),
      S('limp', -2),
      injuryStart(-1.5),
    ],
    sources: sources('doms-review'),
  },
  {
    id: 'septic-arthritis',
    name: 'Joint infection (septic arthritis)',
    prior: -2,
    // BSR 2006: a hot, red, swollen joint, with or without fever.
    features: [
      S('hot-red-knee', 4), S('fever-unwell', 2.5),
      absent(not(sign('hot-red-knee', 'fever-unwell')), -4, 'The knee is not hot or red and you have no fever'),
      f(swollen, 1, 'The knee is swollen'),
      L('whole-knee', 0.5), T('at-rest', 0.5), S('cannot-bear-weight', 1), S('limp', 0.3),
      // BSR 2006 risk factors: recent injection or surgery, joint disease, age over 80.
      H('recent-knee-injection-or-surgery', 2), H('gout-or-psoriasis', 0.5), H('known-knee-arthritis', 0.5), H('recent-infection', 0.5),
      mod(ageFrom(81), 0.7, ageText),
    ],
    sources: sources('bsr-2006'),
    minCare: () => 'same-day',
  },
  {
    id: 'fracture',
    name: 'Possible broken bone (fracture)',
    prior: -2,
    // Ottawa knee rule (Stiell 1995), applied after a fall, blow or twist.
    features: [
      O('fall-or-blow', 2.5), O('sudden-twist', 1.5),
      noInjuryStart(-3),
      f(all(injured, sign('bone-tender-spot')), 2, 'One spot on the bone hurts to press'),
      S('cannot-bear-weight', 2), S('cannot-bend-90', 1.5),
      mod(all(injured, ageFrom(55)), 0.7, 'Age 55 or over'),
      SW('rapid-after-injury', 1), S('deformity', 1), S('cannot-straight-leg-raise', 1),
      // In a growing skeleton the growth plate gives before the tendon: a sudden failure to
      // straighten the leg is a tibial-tubercle or patellar-sleeve avulsion (general knowledge).
      f(all(ageFrom(8, 17), sign('cannot-straight-leg-raise')), 2.5, 'Under 18, the leg suddenly cannot be lifted straight'),
    ],
    sources: sources('stiell-1995', 'seaberg-1998'),
    minCare: () => 'same-day',
  },
  {
    id: 'dislocation',
    name: 'Dislocated kneecap or knee',
    prior: -2,
    features: [
      S('deformity', 5), S('kneecap-slipped', 4), absent(not(sign('deformity', 'kneecap-slipped')), -3, 'Nothing looks out of place'),
      M('giving-way', 1), injuryStart(1),
      SW('rapid-after-injury', 0.5), S('cannot-bear-weight', 0.5), S('foot-numb-cold', 1),
    ],
    sources: sources('nhs-acute-knee'),
    minCare: () => 'same-day',
  },
  {
    id: 'dvt',
    name: 'Possible blood clot in the leg (deep vein thrombosis, DVT)',
    prior: -2,
    // NICE NG158: calf swelling or tenderness, more likely after travel, surgery or immobility.
    features: [
      S('calf-swelling', 4), absent(not(sign('calf-swelling')), -3, 'Your calf is not swollen or tender'),
      H('recent-travel-surgery-or-immobile', 2), H('clot-risk', 2), L('back', 0.4), T('at-rest', 0.3), T('whole-run', 0.3),
    ],
    sources: sources('nice-ng158'),
    minCare: () => 'same-day',
  },
  {
    id: 'inflammatory-arthritis',
    name: 'Inflammatory arthritis (for example rheumatoid arthritis)',
    prior: -1.5,
    // NICE NG100: several swollen joints, morning stiffness over 30 min, eases with activity.
    features: [
      S('multiple-joints', 3.5),
      f((a) => (a.input.morningStiffnessMinutes ?? 0) > 30, 2, (a) => `Morning stiffness of ${a.input.morningStiffnessMinutes} minutes`),
      f((a) => (a.input.morningStiffnessMinutes ?? 0) >= 60, 0.5, 'Stiff for an hour or more in the morning'),
      SW('persistent', 1.5), SW('rapid-no-injury', 1), f(bothKnees, 1, 'Both knees'),
      H('gout-or-psoriasis', 2), H('recent-infection', 1.5),
      T('eases-with-warmup', 0.5), T('next-morning', 0.5), F('stiffness', 0.5), L('whole-knee', 0.5),
      injuryStart(-2),
    ],
    sources: sources('nice-ng100'),
    minCare: () => 'see-clinician',
  },
  {
    id: 'serious-bone-pathology',
    name: 'A bone problem that needs tests (for example a bone tumour or infection)',
    prior: -2.5,
    // NICE NG12: unexplained bone pain, night or rest pain, weight loss; bone sarcoma peaks in
    // adolescents and young adults, metastases and myeloma in older adults (general knowledge).
    features: [
      S('weight-loss', 4), T('at-night', 2), T('at-rest', 1),
      absent(not(any(sign('weight-loss'), when('at-night'))), -2.5, 'No night pain or weight loss'),
      f(restedNoBetter, 1, 'A week or more off running has not helped'),
      SW('persistent', 0.7),
      ctx(not(loadRose), 1, 'Nothing in your training changed to explain it'),
      ctx(loadRose, -1, 'Your training changed recently'),
      mod(ageFrom(10, 25), 0.5, ageText), mod(ageFrom(50), 0.5, ageText),
      ctx(daysFrom(28), 0.7, 'It has lasted four weeks or more'),
      T('eases-with-warmup', -1),
      injuryStart(-2),
    ],
    sources: sources('nice-ng12'),
    minCare: () => 'see-clinician',
  },
];

/**
 * Fixed tie-break order (never input order): on equal scores the more serious condition
 * is listed first, then the more common one.
 */
export const TIE_BREAK_ORDER: readonly ConditionId[] = [
  'septic-arthritis', 'fracture', 'dislocation', 'dvt', 'ligament-injury', 'referred-hip-pain',
  'bone-stress-injury', 'serious-bone-pathology', 'inflammatory-arthritis', 'meniscal-irritation',
  'osteoarthritis-flare', 'patellofemoral-pain', 'itb-syndrome', 'patellar-tendinopathy',
  'osgood-schlatter', 'quadriceps-tendinopathy', 'fat-pad-irritation', 'pes-anserine-pain',
  'posterior-knee-irritation', 'muscle-soreness',
];
