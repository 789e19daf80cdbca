// Our own vignette-style cases, written from evidence.md §2-§4 (not copies of the shared
// set) to guard that each warning rule and each distinctive pattern generalises.
import type { CareLevel, ConditionId, TriageInput } from '../../../lib/triage';

export interface ExtraCase {
  id: string;
  story: string;
  input: TriageInput;
  care: CareLevel;
  condition: ConditionId;
}

const base = {
  onset: 'gradual',
  timing: [],
  feel: [],
  worseWith: [],
  swelling: 'none',
  mechanical: [],
  signs: [],
} as const satisfies Partial<TriageInput>;

const make = (id: string, story: string, care: CareLevel, condition: ConditionId, input: Partial<TriageInput> & Pick<TriageInput, 'age' | 'locations' | 'durationDays'>): ExtraCase => ({
  id, story, care, condition,
  input: { ...base, ...input } as TriageInput,
});

export const EXTRA_CASES: ExtraCase[] = [
  // ---- warning signs ----
  make('X01', 'Ottawa age rule: 60-year-old twisted the knee on a trail yesterday, walks fine, some puffiness.', 'emergency', 'fracture', {
    age: 60, locations: ['inside'], onset: 'sudden-twist', timing: ['at-rest'], feel: ['dull-ache'], swelling: 'mild-settles', durationDays: 1,
  }),
  make('X02', 'Hot red knee without fever, no injury.', 'emergency', 'septic-arthritis', {
    age: 34, locations: ['whole-knee'], timing: ['at-rest', 'whole-run'], feel: ['sharp'], swelling: 'persistent', signs: ['hot-red-knee'], durationDays: 2,
  }),
  make('X03', 'Landed on the kneecap in a fall; walks, bends, but one spot on the kneecap is very tender.', 'emergency', 'fracture', {
    age: 28, locations: ['front'], onset: 'fall-or-blow', timing: ['at-rest'], feel: ['sharp'], worseWith: ['squatting-kneeling'], signs: ['bone-tender-spot'], durationDays: 0,
  }),
  make('X04', 'Fall on a descent, knee looks misshapen and the foot is numb and cold.', 'emergency', 'dislocation', {
    age: 41, locations: ['whole-knee'], onset: 'fall-or-blow', timing: ['at-rest'], feel: ['sharp'], swelling: 'rapid-after-injury', signs: ['deformity', 'foot-numb-cold', 'cannot-bear-weight'], durationDays: 0,
  }),
  make('X05', 'Calf swollen and tender with an ache behind the knee, no travel or surgery.', 'same-day', 'dvt', {
    age: 45, locations: ['back'], timing: ['at-rest', 'whole-run'], feel: ['dull-ache'], signs: ['calf-swelling'], durationDays: 3,
  }),
  make('X06', '14-year-old with a dull thigh and knee ache and a limp, no injury.', 'same-day', 'referred-hip-pain', {
    age: 14, sex: 'female', locations: ['thigh-muscles', 'front'], timing: ['whole-run', 'after-run'], feel: ['dull-ache'], signs: ['limp'], durationDays: 14,
  }),
  make('X07', 'Knee stuck bent after getting up from a squat; cannot straighten it.', 'same-day', 'meniscal-irritation', {
    age: 48, locations: ['joint-line', 'inside'], timing: ['at-rest'], feel: ['sharp'], worseWith: ['squatting-kneeling', 'twisting'], mechanical: ['locking'], durationDays: 1,
  }),
  make('X08', 'Netball landing, felt a pop, swelled within two hours, knee gives way; can walk.', 'same-day', 'ligament-injury', {
    age: 25, sex: 'female', locations: ['whole-knee'], onset: 'sudden-twist', timing: ['at-rest'], feel: ['sharp'], worseWith: ['twisting'], swelling: 'rapid-after-injury', mechanical: ['giving-way'], durationDays: 1,
  }),
  make('X09', 'Cannot take 4 steps, no injury, after a big mileage jump.', 'same-day', 'bone-stress-injury', {
    age: 20, sex: 'female', locations: ['inside'], timing: ['at-rest', 'whole-run'], feel: ['dull-ache'], worseWith: ['hopping'], signs: ['cannot-bear-weight'], durationDays: 20, training: { weeklyChangePct: 40 },
  }),
  make('X10', 'Fever and aching knee at rest, no swelling or redness yet.', 'same-day', 'septic-arthritis', {
    age: 30, locations: ['whole-knee'], timing: ['at-rest'], feel: ['dull-ache'], signs: ['fever-unwell'], durationDays: 1,
  }),
  make('X11', 'Progressive pain through runs and at rest, hopping hurts, missed periods; no tender spot found.', 'see-clinician', 'bone-stress-injury', {
    age: 19, sex: 'female', locations: ['below-kneecap', 'inside'], timing: ['whole-run', 'at-rest'], feel: ['dull-ache'], worseWith: ['hopping', 'long-runs'], history: ['low-energy-or-missed-periods'], durationDays: 25, settlesWithin48h: false, training: { weeklyChangePct: 25 },
  }),
  make('X12', 'Older runner with night pain and unexplained weight loss.', 'see-clinician', 'serious-bone-pathology', {
    age: 63, locations: ['whole-knee'], timing: ['at-night', 'at-rest'], feel: ['dull-ache'], signs: ['weight-loss'], durationDays: 40, settlesWithin48h: false,
  }),
  make('X13', 'One swollen knee with 45 minutes of morning stiffness, no other joints.', 'see-clinician', 'inflammatory-arthritis', {
    age: 35, locations: ['whole-knee'], timing: ['next-morning', 'eases-with-warmup'], feel: ['stiffness'], swelling: 'persistent', morningStiffnessMinutes: 45, durationDays: 35, settlesWithin48h: false,
  }),
  make('X14', 'Wear-related meniscus: joint-line pain, catches when turning, no injury.', 'see-clinician', 'meniscal-irritation', {
    age: 52, locations: ['joint-line', 'inside'], timing: ['after-run'], feel: ['sharp'], worseWith: ['twisting', 'squatting-kneeling'], swelling: 'mild-settles', mechanical: ['catching'], durationDays: 30, settlesWithin48h: false,
  }),
  make('X15', 'Kneecap pain, rested ten days and no better.', 'see-clinician', 'patellofemoral-pain', {
    age: 33, sex: 'female', locations: ['front'], timing: ['after-run'], feel: ['dull-ache'], worseWith: ['stairs', 'sitting', 'squatting-kneeling'], durationDays: 45, settlesWithin48h: false, restedWeekNoBetter: true,
  }),
  // ---- patterns without warning signs ----
  make('X16', 'DOMS: both thighs sore the morning after a first hilly race, settling.', 'keep-running', 'muscle-soreness', {
    age: 35, side: 'both', locations: ['thigh-muscles'], timing: ['next-morning'], feel: ['stiffness', 'dull-ache'], worseWith: ['stairs', 'downhill'], durationDays: 2, settlesWithin48h: true, training: { addedHillsOrSpeed: true, longestRunSpikePct: 30 },
  }),
  make('X17', 'ITB: burning outside pain at 5 km, worse downhill, after a mileage rise, lingering.', 'modify-load', 'itb-syndrome', {
    age: 31, sex: 'female', locations: ['outside'], timing: ['late-in-run'], feel: ['burning'], worseWith: ['downhill', 'long-runs'], durationDays: 14, settlesWithin48h: false, training: { weeklyChangePct: 25, hardOrCambered: true },
  }),
  make('X18', 'PFP adult: kneecap ache after runs, in the cinema, on stairs; both knees; lingering.', 'modify-load', 'patellofemoral-pain', {
    age: 29, sex: 'female', side: 'both', locations: ['front'], timing: ['after-run'], feel: ['dull-ache'], worseWith: ['sitting', 'stairs', 'downhill', 'squatting-kneeling'], durationDays: 30, settlesWithin48h: false, training: { weeklyChangePct: 20 },
  }),
  make('X19', 'PFP mild: kneecap ache after a longer run, gone within a day.', 'keep-running', 'patellofemoral-pain', {
    age: 40, locations: ['front'], timing: ['after-run'], feel: ['dull-ache'], worseWith: ['stairs'], durationDays: 5, settlesWithin48h: true,
  }),
  make('X20', 'Patellar tendon: lower kneecap pain at the start that warms up, basketball and hills, hop pain.', 'modify-load', 'patellar-tendinopathy', {
    age: 24, sex: 'male', locations: ['below-kneecap'], timing: ['eases-with-warmup', 'next-morning'], feel: ['sharp'], worseWith: ['hills-speed-jumping', 'hopping', 'stairs'], durationDays: 40, settlesWithin48h: false, training: { addedHillsOrSpeed: true },
  }),
  make('X21', 'Fat pad: pinching below the kneecap when standing with knees locked back.', 'modify-load', 'fat-pad-irritation', {
    age: 38, sex: 'female', locations: ['below-kneecap'], timing: ['after-run'], feel: ['pinching'], worseWith: ['straightening', 'downhill'], durationDays: 21, settlesWithin48h: false,
  }),
  make('X22', 'Pes anserine: inside of the knee below the joint, stairs, after adding hills.', 'modify-load', 'pes-anserine-pain', {
    age: 47, sex: 'female', locations: ['inside'], timing: ['after-run'], feel: ['dull-ache'], worseWith: ['stairs'], durationDays: 21, settlesWithin48h: false, training: { addedHillsOrSpeed: true },
  }),
  make('X23', 'OA flare: 66, deep ache, 15 min stiffness, puffy after long runs, no diagnosis yet.', 'modify-load', 'osteoarthritis-flare', {
    age: 66, sex: 'female', locations: ['whole-knee'], timing: ['next-morning', 'after-run'], feel: ['stiffness', 'dull-ache'], worseWith: ['stairs', 'long-runs'], swelling: 'mild-settles', morningStiffnessMinutes: 15, durationDays: 21, settlesWithin48h: false,
  }),
  make('X24', 'Behind the knee: fullness and tightness after long runs and downhills.', 'modify-load', 'posterior-knee-irritation', {
    age: 44, locations: ['back'], timing: ['after-run'], feel: ['pressure-fullness', 'stiffness'], worseWith: ['long-runs', 'downhill'], durationDays: 18, settlesWithin48h: false, training: { longestRunSpikePct: 25 },
  }),
  make('X25', 'Osgood-Schlatter that lingers: 12-year-old girl, bump below the kneecap, kneeling and jumping.', 'modify-load', 'osgood-schlatter', {
    age: 12, sex: 'female', locations: ['below-kneecap'], timing: ['after-run', 'next-morning'], feel: ['dull-ache'], worseWith: ['squatting-kneeling', 'hills-speed-jumping'], signs: ['bump-below-kneecap'], durationDays: 40, settlesWithin48h: false,
  }),
  make('X26', 'Quadriceps tendon: 55, above the kneecap, eases once warm, after hill repeats.', 'modify-load', 'quadriceps-tendinopathy', {
    age: 55, locations: ['above-kneecap'], timing: ['eases-with-warmup', 'after-run'], feel: ['dull-ache'], worseWith: ['hills-speed-jumping', 'squatting-kneeling'], durationDays: 21, settlesWithin48h: false, training: { addedHillsOrSpeed: true },
  }),
  make('X27', 'Mild ITB that settles within a day: keep running with care.', 'keep-running', 'itb-syndrome', {
    age: 36, locations: ['outside'], timing: ['late-in-run'], feel: ['sharp'], worseWith: ['downhill'], durationDays: 6, settlesWithin48h: true, training: { hardOrCambered: true },
  }),
  make('X28', '16-year-old, sore thighs after a first hill session, both legs, settling.', 'keep-running', 'muscle-soreness', {
    age: 16, side: 'both', locations: ['thigh-muscles'], timing: ['next-morning'], feel: ['stiffness'], worseWith: ['downhill'], durationDays: 1, settlesWithin48h: true, training: { addedHillsOrSpeed: true },
  }),
  make('X29', 'Bone stress picture without a tested tender spot: prior stress fracture, low energy, pain through runs after a jump.', 'see-clinician', 'bone-stress-injury', {
    age: 23, sex: 'female', locations: ['inside'], timing: ['whole-run'], feel: ['dull-ache'], worseWith: ['long-runs'], history: ['prior-bone-stress', 'low-energy-or-missed-periods'], durationDays: 18, settlesWithin48h: false, training: { weeklyChangePct: 40, newRunner: true },
  }),
  make('X30', 'Child with fever and a swollen (not red) knee and a limp: infection first, hip second.', 'emergency', 'septic-arthritis', {
    age: 9, locations: ['whole-knee'], timing: ['at-rest'], swelling: 'persistent', signs: ['fever-unwell', 'limp'], durationDays: 1,
  }),
  make('X31', 'Calf swelling in a runner with known knee arthritis and fullness behind the knee (Baker cyst mimic).', 'same-day', 'dvt', {
    age: 60, locations: ['back'], timing: ['after-run', 'at-rest'], feel: ['pressure-fullness'], swelling: 'mild-settles', signs: ['calf-swelling'], history: ['known-knee-arthritis'], durationDays: 10,
  }),
  make('X32', 'Unexplained night and rest pain at 45, training unchanged.', 'see-clinician', 'serious-bone-pathology', {
    age: 45, locations: ['whole-knee'], timing: ['at-night', 'at-rest'], feel: ['dull-ache'], durationDays: 35, training: { weeklyChangePct: 0 },
  }),
  make('X33', 'Night pain after a big mileage jump: still a reason to be examined.', 'see-clinician', 'bone-stress-injury', {
    age: 27, sex: 'female', locations: ['inside'], timing: ['at-night', 'whole-run'], feel: ['dull-ache'], worseWith: ['long-runs'], history: ['low-energy-or-missed-periods'], durationDays: 20, settlesWithin48h: false, training: { weeklyChangePct: 45 },
  }),
  make('X34', 'ITB pattern, ten days off running and no better.', 'see-clinician', 'itb-syndrome', {
    age: 35, locations: ['outside'], timing: ['late-in-run'], feel: ['sharp'], worseWith: ['downhill'], durationDays: 30, settlesWithin48h: false, restedWeekNoBetter: true,
  }),
  make('X35', 'Pes anserine in a woman who also has knee arthritis, but no stiffness or swelling.', 'modify-load', 'pes-anserine-pain', {
    age: 60, sex: 'female', locations: ['inside'], timing: ['after-run'], feel: ['dull-ache'], worseWith: ['stairs'], history: ['known-knee-arthritis'], durationDays: 25, settlesWithin48h: false,
  }),
  make('X36', 'Known arthritis, brief stiffness after long runs that settles: keep running with care.', 'keep-running', 'osteoarthritis-flare', {
    age: 68, locations: ['whole-knee'], timing: ['after-run', 'next-morning'], feel: ['stiffness', 'dull-ache'], worseWith: ['long-runs'], morningStiffnessMinutes: 10, history: ['known-knee-arthritis'], durationDays: 60, settlesWithin48h: true,
  }),
  make('X37', 'Fat pad pinch that is gone within a day: keep running with care.', 'keep-running', 'fat-pad-irritation', {
    age: 33, locations: ['below-kneecap'], timing: ['after-run'], feel: ['pinching'], worseWith: ['straightening'], durationDays: 6, settlesWithin48h: true,
  }),
];
