// Plain words for each answer, used to quote the runner's own answers back in "why" lists.
import type { Aggravator, Feel, History, Location, Mechanical, Sign, Swelling, Timing } from './types';

export const LOCATION_WORDS: Record<Location, string> = {
  front: 'Pain around or behind the kneecap',
  'below-kneecap': 'Pain just below the kneecap',
  'above-kneecap': 'Pain just above the kneecap',
  outside: 'Pain on the outside of the knee',
  inside: 'Pain on the inside of the knee',
  back: 'Pain behind the knee',
  'joint-line': 'Pain right on the joint line',
  'whole-knee': 'A deep ache through the whole knee',
  'thigh-muscles': 'Soreness in the thigh muscles',
};

export const TIMING_WORDS: Record<Timing, string> = {
  'after-run': 'It hurts after the run',
  'next-morning': 'It is sore or stiff the next morning',
  'eases-with-warmup': 'It hurts at the start and eases once you warm up',
  'late-in-run': 'It comes on part-way through a run',
  'whole-run': 'It hurts through the whole run',
  'at-rest': 'It hurts at rest',
  'at-night': 'It wakes you at night',
};

export const FEEL_WORDS: Record<Feel, string> = {
  'dull-ache': 'A dull ache',
  sharp: 'It feels sharp',
  burning: 'It feels burning',
  'pressure-fullness': 'A feeling of pressure or fullness',
  stiffness: 'It feels stiff',
  pinching: 'A pinching feeling',
};

export const AGGRAVATOR_WORDS: Record<Aggravator, string> = {
  stairs: 'Stairs make it worse',
  downhill: 'Running downhill makes it worse',
  sitting: 'Sitting with the knee bent makes it worse',
  'squatting-kneeling': 'Squatting or kneeling makes it worse',
  straightening: 'Fully straightening the knee makes it worse',
  twisting: 'Twisting or turning makes it worse',
  'long-runs': 'Long runs make it worse',
  'hills-speed-jumping': 'Hills, speed work or jumping make it worse',
  hopping: 'Hopping on that leg hurts',
};

export const MECHANICAL_WORDS: Record<Mechanical, string> = {
  catching: 'The knee catches',
  locking: 'The knee locks and will not fully straighten',
  'giving-way': 'The knee gives way',
};

export const SIGN_WORDS: Record<Sign, string> = {
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
};

export const HISTORY_WORDS: Record<History, string> = {
  'prior-bone-stress': 'You have had a bone stress injury before',
  'low-energy-or-missed-periods': 'Low energy intake or missed periods',
  'recent-travel-surgery-or-immobile': 'Recent travel, surgery or time immobile',
  'known-knee-arthritis': 'You already know you have arthritis in this knee',
  'recent-knee-injection-or-surgery': 'An injection into or an operation on this knee in the last 3 months',
  'clot-risk': 'A previous clot, the pill or HRT, cancer, pregnancy or a recent birth',
  'gout-or-psoriasis': 'Gout before, or psoriasis',
  'recent-infection': 'Diarrhoea, a urinary or genital infection, or red eyes in the last 4 weeks',
};

export const SWELLING_WORDS: Record<Swelling, string> = {
  none: 'No swelling',
  'mild-settles': 'Mild swelling that settles',
  persistent: 'Swelling that stays',
  'rapid-after-injury': 'It swelled up within hours of the injury',
};
