// Warning signs as data (evidence.md §3), screened before any differential. Each rule maps to
// a care level and a condition. Rules are listed most urgent first and, within a level, most
// specific first: that order breaks ties when several fire.
//
// Predicates only ever test a sign for its presence, never its absence, except where the
// absence just hands over to a more urgent rule (fever without a hot swollen knee): so
// reporting one more sign can only add urgency.
import {
  ageFrom, all, any, daysFrom, gradual, hist, injured, loadRose, mech, not, restedNoBetter, sign,
  swelling, when, worse, type Answers, type Pred,
} from './answers';
import { sources } from './sources';
import type { CareLevel, ConditionId, SourceRef } from './types';

export interface WarningSignRule {
  id: string;
  care: CareLevel;
  /**
   * The condition this sign points to: one id, or a short list of candidates of which the
   * best-ranked is named (signs such as "persistent swelling" have several causes), or null
   * for "whatever ranks first" (the sign says how urgent, not what).
   */
  condition: ConditionId | readonly ConditionId[] | null;
  when: Pred;
  /** Plain words for a worried runner: what it may mean and what to do. */
  message: string;
  sources: SourceRef[];
}

const morningStiffOver30: Pred = (a: Answers) => (a.input.morningStiffnessMinutes ?? 0) > 30;

/** Night pain nobody can explain: no injury, no training change, no known arthritis. */
const unexplainedNightPain: Pred = all(
  when('at-night'),
  gradual,
  not(loadRose),
  not(hist('known-knee-arthritis')),
  any(when('at-rest'), restedNoBetter, swelling('persistent')),
);

export const WARNING_SIGNS: readonly WarningSignRule[] = [
  // ---- emergency ----
  {
    id: 'hot-swollen-knee',
    care: 'emergency',
    condition: 'septic-arthritis',
    when: any(sign('hot-red-knee'), all(sign('fever-unwell'), not(swelling('none')))),
    message:
      'A hot, red or swollen knee, especially with a fever or feeling unwell, can be a joint infection, which can damage the joint within hours. Go to an emergency department now; do not wait to see if it settles.',
    sources: sources('bsr-2006', 'evidence-s3'),
  },
  {
    id: 'deformity',
    care: 'emergency',
    condition: 'dislocation',
    when: sign('deformity'),
    message:
      'The kneecap or knee looks out of place. Do not try to push it back or walk on it: call emergency services or go to an emergency department now.',
    sources: sources('evidence-s3'),
  },
  {
    id: 'foot-numb-cold',
    care: 'emergency',
    condition: ['dislocation', 'dvt', 'fracture'],
    when: sign('foot-numb-cold'),
    message:
      'A cold, pale or numb foot can mean the blood supply or nerves to the leg are affected. Call emergency services or go to an emergency department now.',
    sources: sources('evidence-s3'),
  },
  {
    id: 'ottawa-knee-rule',
    care: 'emergency',
    condition: 'fracture',
    // Stiell 1995. The age criterion alone applies to fresh injuries (the rule's own
    // population: injuries within the last 7 days); the other criteria apply at any time.
    when: all(
      injured,
      any(sign('cannot-bear-weight', 'cannot-bend-90', 'bone-tender-spot'), all(ageFrom(55), daysFrom(0, 7))),
    ),
    message:
      'After a fall, blow or twist, a knee that cannot take 4 steps, cannot bend to a right angle or has one tender spot on the bone (or any such injury at 55 or over) needs an X-ray to rule out a broken bone. Go to an emergency department now and keep weight off it.',
    sources: sources('stiell-1995', 'evidence-s3'),
  },
  // ---- same day ----
  {
    id: 'calf-swelling',
    care: 'same-day',
    condition: 'dvt',
    when: sign('calf-swelling'),
    message:
      'A swollen, tender or warm calf can be a blood clot (DVT), especially after travel, surgery or time immobile. Be seen today: guidelines advise a scan within 4 hours. If you get short of breath or chest pain, call emergency services.',
    sources: sources('nice-ng158', 'evidence-s3'),
  },
  {
    id: 'locked-knee',
    care: 'same-day',
    condition: 'meniscal-irritation',
    when: mech('locking'),
    message:
      'A knee that is stuck and will not fully straighten can mean a torn piece of cartilage or a loose fragment is caught in the joint. Be seen today; do not force it straight or run on it.',
    sources: sources('nhs-knee', 'evidence-s3'),
  },
  {
    id: 'rapid-swelling-after-injury',
    care: 'same-day',
    condition: 'ligament-injury',
    when: swelling('rapid-after-injury'),
    message:
      'Swelling within hours of a twist or blow usually means bleeding inside the joint, most often from a torn ligament such as the ACL. Be seen today at urgent care or an acute knee clinic; rest it and keep it raised until then.',
    sources: sources('evidence-s3', 'evidence-s2'),
  },
  {
    id: 'cannot-bear-weight-without-injury',
    care: 'same-day',
    condition: ['bone-stress-injury', 'septic-arthritis', 'referred-hip-pain', 'serious-bone-pathology'],
    when: all(gradual, sign('cannot-bear-weight')),
    message:
      'Not being able to take 4 steps without having injured the knee can mean a stress fracture, a joint infection or a hip problem. Be seen today and keep weight off it.',
    sources: sources('evidence-s3'),
  },
  {
    id: 'fever-with-knee-pain',
    care: 'same-day',
    condition: 'septic-arthritis',
    when: all(sign('fever-unwell'), swelling('none'), not(sign('hot-red-knee'))),
    message:
      'Knee pain with a fever or feeling unwell can be an infection in the joint or bone. Be seen today; if the knee becomes hot, red or swollen, go to an emergency department.',
    sources: sources('bsr-2006', 'evidence-s3'),
  },
  {
    id: 'young-with-limp',
    care: 'same-day',
    condition: 'referred-hip-pain',
    when: all(ageFrom(8, 15), sign('limp')),
    message:
      'In someone aged 8 to 15, knee or thigh pain with a limp can come from the hip (a slipped growth plate, SUFE/SCFE), which gets worse if it is walked on. Be seen today and avoid running and sport until then.',
    sources: sources('matava-1999', 'evidence-s3'),
  },
  // ---- see a clinician ----
  {
    id: 'inflammatory-pattern',
    care: 'see-clinician',
    condition: 'inflammatory-arthritis',
    // Listed before bone stress and night pain: other swollen joints explain both.
    when: any(sign('multiple-joints'), morningStiffOver30),
    message:
      'Other swollen or stiff joints, or morning stiffness lasting more than 30 minutes, suggest inflammation in the joints rather than a running injury. See a doctor within days: early treatment protects the joints.',
    sources: sources('nice-ng100', 'evidence-s3'),
  },
  {
    id: 'bone-stress-signs',
    care: 'see-clinician',
    condition: 'bone-stress-injury',
    // Hoenig 2025: focal bone tenderness, or hop pain that is progressive (rest, night or
    // whole-run pain, does not warm up) or comes with a bone-stress history. Hop pain that
    // eases once warm is the tendon pattern, not this.
    when: all(
      gradual,
      any(
        sign('bone-tender-spot'),
        all(worse('hopping'), when('at-rest', 'at-night', 'whole-run'), not(when('eases-with-warmup'))),
        all(worse('hopping'), hist('prior-bone-stress', 'low-energy-or-missed-periods')),
      ),
    ),
    message:
      'One tender spot on the bone, or pain on hopping that keeps building, can be a bone stress injury. Stop running now (walking is fine if it is pain-free) and see a doctor or physio within days; it may need a scan.',
    sources: sources('hoenig-2025', 'evidence-s3'),
  },
  {
    id: 'night-pain-or-weight-loss',
    care: 'see-clinician',
    condition: 'serious-bone-pathology',
    when: any(sign('weight-loss'), unexplainedNightPain),
    message:
      'Pain that wakes you at night or is there at rest without a clear reason, or weight loss you cannot explain, should be checked promptly. Book a doctor this week; it is usually something simple, but it needs an examination and perhaps an X-ray.',
    sources: sources('nice-ng12', 'evidence-s3'),
  },
  {
    id: 'night-pain',
    care: 'see-clinician',
    // Night pain with an obvious cause (a training jump, known arthritis) is still a reason to
    // be examined (§3), but it does not point to one condition: the ranking names it.
    condition: null,
    when: all(when('at-night'), not(unexplainedNightPain)),
    message:
      'Pain that wakes you at night is more than ordinary training soreness. Stop the running that provokes it and book a doctor or physio within days.',
    sources: sources('nice-ng12', 'evidence-s3'),
  },
  {
    id: 'persistent-swelling',
    care: 'see-clinician',
    condition: ['meniscal-irritation', 'osteoarthritis-flare', 'inflammatory-arthritis', 'ligament-injury', 'posterior-knee-irritation', 'serious-bone-pathology'],
    when: swelling('persistent'),
    message:
      'Swelling that stays is a sign of a problem inside the joint (cartilage, meniscus or inflammation). Cut running and book a doctor or physio within days.',
    sources: sources('evidence-s3'),
  },
  {
    id: 'catching-or-giving-way',
    care: 'see-clinician',
    // Patellofemoral cartilage can catch or give way too ("chondral" in §3).
    condition: ['meniscal-irritation', 'ligament-injury', 'osteoarthritis-flare', 'patellofemoral-pain'],
    when: all(mech('catching', 'giving-way'), not(mech('locking'))),
    message:
      'A knee that catches or gives way may have a meniscus tear, loose cartilage or a loose ligament. Avoid twisting and running on it, and book a doctor or physio within days.',
    sources: sources('nhs-knee', 'evidence-s3'),
  },
  {
    id: 'rest-has-not-helped',
    care: 'see-clinician',
    condition: null,
    when: restedNoBetter,
    message:
      'A week or more off running has not helped, so this needs a proper examination rather than more rest. Book a doctor or physio.',
    sources: sources('evidence-s3', 'seed-001'),
  },
];
