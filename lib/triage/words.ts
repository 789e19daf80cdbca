// Plain words for each answer, used to quote the runner's own answers back in "why" lists. The
// quotes are the popup's own labels (lib/checker/questions.ts), with the same short question
// prefix the clinician summary uses ("Where: Outside of the knee"), so a reason reads exactly as
// the runner answered. The tables below are the fallback for any value the popup does not ask
// (yet), and the words for callers other than the popup.
import {
  AGGRAVATOR_CHOICES,
  FEEL_CHOICES,
  HISTORY_CHOICES,
  LOCATION_CHOICES,
  MECHANICAL_CHOICES,
  ONSET_CHOICES,
  SIGN_CHOICES,
  SWELLING_CHOICES,
  TIMING_CHOICES,
} from '../checker/questions';
import type { Aggravator, Feel, History, Location, Mechanical, Onset, Sign, Swelling, Timing } from './types';

/** The popup's label for each value (prefixed), else the fallback words. */
function quoted<V extends string>(
  prefix: string,
  choices: readonly { value: string; label: string }[],
  fallback: Record<V, string>,
): Record<V, string> {
  const out = {} as Record<V, string>;
  for (const value of Object.keys(fallback) as V[]) {
    const label = choices.find((c) => c.value === value)?.label;
    out[value] = label ? `${prefix}${label}` : fallback[value];
  }
  return out;
}

export const LOCATION_WORDS: Record<Location, string> = quoted('Where: ', LOCATION_CHOICES, {
  front: 'Pain around or behind the kneecap',
  'below-kneecap': 'Pain just below the kneecap',
  'above-kneecap': 'Pain just above the kneecap',
  outside: 'Pain on the outside of the knee',
  inside: 'Pain on the inside of the knee',
  back: 'Pain behind the knee',
  'joint-line': 'Pain right on the joint line',
  'whole-knee': 'A deep ache through the whole knee',
  'thigh-muscles': 'Soreness in the thigh muscles',
  'hip-groin': 'Pain in the hip, groin or upper thigh too',
});

export const ONSET_WORDS: Record<Onset, string> = quoted('How it started: ', ONSET_CHOICES, {
  gradual: 'It came on gradually, without an injury',
  'sudden-twist': 'It started with a twist',
  'fall-or-blow': 'It started with a fall or blow',
  'sudden-no-injury': 'It came on suddenly in one run, without a twist, fall or blow',
});

export const TIMING_WORDS: Record<Timing, string> = quoted('When it hurts: ', TIMING_CHOICES, {
  'after-run': 'It hurts after the run',
  'next-morning': 'It is sore or stiff the next morning',
  'eases-with-warmup': 'It hurts at the start and eases once you warm up',
  'late-in-run': 'It comes on part-way through a run',
  'whole-run': 'It hurts through the whole run',
  'at-rest': 'It hurts at rest',
  'at-night': 'It wakes you at night',
});

export const FEEL_WORDS: Record<Feel, string> = quoted('What it feels like: ', FEEL_CHOICES, {
  'dull-ache': 'A dull ache',
  sharp: 'It feels sharp',
  burning: 'It feels burning',
  'pressure-fullness': 'A feeling of pressure or fullness',
  stiffness: 'It feels stiff',
  pinching: 'A pinching feeling',
});

export const AGGRAVATOR_WORDS: Record<Aggravator, string> = quoted('Worse with: ', AGGRAVATOR_CHOICES, {
  stairs: 'Stairs make it worse',
  downhill: 'Running downhill makes it worse',
  sitting: 'Sitting with the knee bent makes it worse',
  'squatting-kneeling': 'Squatting or kneeling makes it worse',
  straightening: 'Fully straightening the knee makes it worse',
  twisting: 'Twisting or turning makes it worse',
  'long-runs': 'Long runs make it worse',
  'hills-speed-jumping': 'Hills, speed work or jumping make it worse',
  hopping: 'Hopping on that leg hurts',
});

export const MECHANICAL_WORDS: Record<Mechanical, string> = quoted('Catching, locking, giving way: ', MECHANICAL_CHOICES, {
  catching: 'The knee catches',
  locking: 'The knee locks and will not fully straighten',
  'giving-way': 'The knee gives way',
});

export const SIGN_WORDS: Record<Sign, string> = quoted('', SIGN_CHOICES, {
  'fever-unwell': 'You have a fever or feel unwell',
  'hot-red-knee': 'The knee is hot or red',
  'cannot-bear-weight': 'You cannot take 4 steps on it',
  'cannot-bend-90': 'You cannot bend the knee to a right angle',
  'bone-tender-spot': 'One spot on the bone hurts to press',
  'calf-swelling': 'Your calf is swollen, tender or warm',
  'foot-numb-cold': 'Your foot is numb, cold or pale',
  deformity: 'The kneecap or knee looks out of place',
  'weight-loss': 'You have lost weight without trying',
  limp: 'You are limping',
  'bump-below-kneecap': 'There is a bony bump below the kneecap',
  'multiple-joints': 'Other joints are swollen or stiff too',
  'kneecap-slipped': 'The kneecap slipped out and went back',
  'heard-pop': 'You heard or felt a pop when it happened',
  'cannot-straight-leg-raise': 'Lying down, you cannot lift the leg with the knee straight',
  'lump-behind-knee': 'There is a lump or fullness behind the knee',
});

export const HISTORY_WORDS: Record<History, string> = quoted('', HISTORY_CHOICES, {
  'prior-bone-stress': 'You have had a bone stress injury before',
  'low-energy-or-missed-periods': 'Low energy intake or missed periods',
  'recent-travel-surgery-or-immobile': 'Recent travel, surgery or time immobile',
  'known-knee-arthritis': 'You already know you have arthritis in this knee',
  'recent-knee-injection-or-surgery': 'An injection into or an operation on this knee in the last 3 months',
  'clot-risk': 'A previous clot, the pill or HRT, cancer, pregnancy or a recent birth',
  'gout-or-psoriasis': 'Gout before, or psoriasis',
  'recent-infection': 'Diarrhoea, a urinary or genital infection, or red eyes in the last 4 weeks',
});

export const SWELLING_WORDS: Record<Swelling, string> = quoted('Swelling: ', SWELLING_CHOICES, {
  none: 'No swelling',
  'mild-settles': 'Mild swelling that settles',
  persistent: 'Swelling that stays',
  'rapid-after-injury': 'It swelled up within hours of the injury',
  'rapid-no-injury': 'It swelled up within hours of a run, without an injury',
});
