// Warning signs as data (evidence.md §3, §6 and §7), screened before any differential. Each rule
// maps to a care level, a condition and the PLACE to go for that sign, and cites the guideline
// or decision rule it states. Rules are listed most urgent first and, within a level, most
// specific first: that order breaks ties when several fire.
//
// Predicates only ever test a sign for its presence, never its absence, except where the
// absence just hands over to a more urgent rule (fever without a hot swollen knee): so
// reporting one more sign can only add urgency.
import {
  ageFrom, all, any, at, daysFrom, hist, injured, loadRose, mech, noInjury, not, onset, restedNoBetter, settles,
  sign, swelling, swollen, trendIs, when, worse, type Answers, type Pred,
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
  /** Where to go for this sign, and how soon: the result's banner uses the most urgent one's. */
  place: string;
  sources: SourceRef[];
}

const morningStiffOver30: Pred = (a: Answers) => (a.input.morningStiffnessMinutes ?? 0) > 30;

/**
 * Ottawa knee rule population (Stiell 1995): an ACUTE knee injury, within about 7 days. The rule
 * does not apply to an injury weeks old.
 */
const acuteInjury: Pred = all(any(injured, swelling('rapid-after-injury')), daysFrom(0, 7));

/** Ottawa knee rule (Stiell 1995) positive while walking: a tender bone spot, cannot bend to 90, or 55 or over. */
const ottawaPositive: Pred = all(acuteInjury, any(sign('bone-tender-spot', 'cannot-bend-90'), ageFrom(55)));

/**
 * Slipped capital femoral epiphysis age band (RCH guideline; Peck, AFP 2017): about 8-16, and up
 * to 17 in boys. When sex is not given the wider band is used (safety first).
 */
const scfeAge: Pred = (a) => a.age >= 8 && a.age <= (a.input.sex === 'female' ? 16 : 17);

/** Hip, groin or thigh pain (the thigh muscles count unless it is settling soreness). */
const hipGroinOrThigh: Pred = any(at('hip-groin'), all(at('thigh-muscles'), not(settles)));

/**
 * Bone symptoms (Hoenig 2025; evidence.md §7): a tender spot on the bone, pain on hopping,
 * progressive pain (getting worse), rest or night pain.
 */
const boneSymptom: Pred = any(sign('bone-tender-spot'), worse('hopping'), when('at-rest', 'at-night'), trendIs('worse'));

/**
 * A tender bump at the tibial tubercle in a growing child, with the pain there (at or below the
 * kneecap, nowhere else), is Osgood-Schlatter, not a stress fracture (§7).
 */
export const childTubercle: Pred = all(
  ageFrom(8, 17),
  sign('bump-below-kneecap'),
  (a) => [...a.locations].every((l) => l === 'below-kneecap' || l === 'front'),
);

/**
 * Signs on the warning-sign screen that identify a harmless condition rather than raise
 * urgency: reporting one may LOWER care (a child's tender tubercle is Osgood-Schlatter, §7).
 * Every other sign can only add urgency (tested).
 */
export const IDENTIFYING_SIGNS = ['bump-below-kneecap'] as const;

/** Night or rest pain nobody can explain: no injury, no training change, no known arthritis. */
const unexplainedBonePain: Pred = all(
  when('at-night'),
  noInjury,
  not(loadRose),
  not(hist('known-knee-arthritis')),
  any(when('at-rest'), restedNoBetter, swelling('persistent')),
);

/** NICE NG12 "children and young people" (bone sarcoma: a very urgent X-ray within 48 hours). */
const young: Pred = ageFrom(8, 24);

/** Within the first two weeks of an injury: the window for same-day assessment of a fresh injury. */
const freshInjury: Pred = all(injured, daysFrom(0, 13));

export const WARNING_SIGNS: readonly WarningSignRule[] = [
  // ---- emergency ----
  {
    id: 'hot-swollen-knee',
    care: 'emergency',
    condition: 'septic-arthritis',
    // BSR 2006: a hot swollen joint is septic until proven otherwise, even without fever.
    // Swelling alone is not an emergency; with a fever it is.
    when: any(sign('hot-red-knee'), all(sign('fever-unwell'), swollen)),
    message:
      'A hot, red or swollen knee, especially with a fever or feeling unwell, can be a joint infection, which can damage the joint within hours. Do not wait to see if it settles.',
    place: 'Go to an emergency department now: a hot swollen joint is treated as an infection until proven otherwise.',
    sources: sources('bsr-2006'),
  },
  {
    id: 'deformity',
    care: 'emergency',
    condition: 'dislocation',
    when: sign('deformity'),
    message: 'The kneecap or knee looks out of place. Do not try to push it back or walk on it.',
    place: 'Call emergency services or go to an emergency department now.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'foot-numb-cold-after-injury',
    care: 'emergency',
    // After an injury: a knee dislocation (which may have gone back by itself) injuring the
    // popliteal artery or the nerve. Arterial or nerve compromise, never a clot (§7).
    condition: 'dislocation',
    when: all(sign('foot-numb-cold'), any(injured, swelling('rapid-after-injury'))),
    message:
      'After an injury, a cold, pale or numb foot can mean the knee went out of joint (even if it went back) and hurt the artery or the nerve behind it. This is not a sign of a clot: the circulation must be checked at once.',
    place: 'Call emergency services or go to an emergency department now.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'foot-numb-cold',
    care: 'emergency',
    // Without an injury the sign says how urgent (the artery or a nerve), not what: the ranking
    // names the cause. Never a clot (§7).
    condition: null,
    when: all(sign('foot-numb-cold'), not(any(injured, swelling('rapid-after-injury')))),
    message:
      'A cold, pale or numb foot can mean the blood supply or the nerves to the leg are affected. This is not a sign of a clot: it needs the circulation checked at once.',
    place: 'Call emergency services or go to an emergency department now.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'cannot-straight-leg-raise',
    care: 'emergency',
    // Extensor mechanism rupture (quadriceps or patellar tendon): complete tears need repair
    // within days (NHS acute knee pathways).
    condition: ['quadriceps-tendinopathy', 'patellar-tendinopathy', 'fracture'],
    when: sign('cannot-straight-leg-raise'),
    message:
      'Not being able to lift the leg with the knee straight can mean the tendon above or below the kneecap has torn (or the kneecap is broken). A complete tear needs repair within days.',
    place: 'Go to an emergency department now; keep the knee straight and do not walk on it more than you must.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'ottawa-cannot-bear-weight',
    care: 'emergency',
    condition: 'fracture',
    // Ottawa knee rule (Stiell 1995), acute injury: unable to take 4 steps -> X-ray; unable to
    // bear weight is the emergency part (§7).
    when: all(acuteInjury, sign('cannot-bear-weight')),
    message:
      'After a fall, blow or twist in the last week, a knee you cannot take 4 steps on needs an X-ray to rule out a broken bone. Keep weight off it.',
    place: 'Go to an emergency department now, for an X-ray; keep weight off the leg.',
    sources: sources('stiell-1995', 'seaberg-1998'),
  },
  {
    id: 'ottawa-knee-rule',
    care: 'emergency',
    condition: 'fracture',
    // Ottawa knee rule (Stiell 1995), acute injury, even while still walking: age >= 55,
    // tenderness on the bone (kneecap or fibular head) or unable to bend to 90 degrees -> an X-ray
    // today. Emergency level, as evidence.md §3 and the shared vignettes (K02) grade it: the X-ray
    // is at an emergency department, and under-triage of a fracture is the failure to avoid
    // (§7 would allow an urgent-care X-ray today; the place text names both).
    when: ottawaPositive,
    message:
      'After a fall, blow or twist in the last week, a tender spot on the bone, a knee that cannot bend to a right angle, or an injury at 55 or over needs an X-ray to rule out a broken bone, even if you can walk.',
    place: 'Go to an emergency department (or a minor injuries unit that can X-ray) now, for an X-ray; keep weight off the leg as much as you can.',
    sources: sources('stiell-1995'),
  },
  {
    id: 'young-hip-cannot-bear-weight',
    care: 'emergency',
    condition: 'referred-hip-pain',
    // RCH SUFE guideline: a child who cannot bear weight with hip, thigh or knee pain may have an
    // unstable slipped growth plate: emergency.
    // A minor slip does not exclude it: an acute-on-chronic slip often follows one.
    when: all(scfeAge, sign('cannot-bear-weight'), any(sign('limp'), hipGroinOrThigh)),
    message:
      'A child or teenager with hip, thigh or knee pain who cannot take weight on the leg may have a slipped growth plate at the hip, which can get much worse if walked on.',
    place: "Go to an emergency department now (a children's one if there is one); no weight on the leg.",
    sources: sources('rch-scfe', 'peck-2017'),
  },
  // ---- same day ----
  {
    id: 'calf-swelling',
    care: 'same-day',
    condition: 'dvt',
    // NICE NG158: two-level Wells score; likely -> a scan within 4 hours. Clot risk (a previous
    // clot, the pill or HRT, cancer, pregnancy, travel, surgery) raises it.
    when: sign('calf-swelling'),
    message:
      'A swollen, tender or warm calf can be a blood clot (DVT), especially after travel, surgery, time immobile or with other clot risks. It needs a scan, not a knee examination. If you get short of breath or chest pain, call emergency services.',
    place: 'Same day: your GP or urgent care, for a scan within 4 hours (not a knee clinic).',
    sources: sources('nice-ng158'),
  },
  {
    id: 'pittsburgh-x-ray-today',
    care: 'emergency',
    condition: 'fracture',
    // Pittsburgh knee rule (Seaberg 1998): after a fall or blow, age < 12 or > 50 -> X-ray.
    // Graded as the Ottawa rule is (evidence.md §3's age criterion after a fall is emergency; the
    // shared vignettes grade a positive rule while walking as emergency): same place, same words.
    // Only where the Ottawa rule has not already said the same (one warning, one place to go).
    when: all(onset('fall-or-blow'), daysFrom(0, 7), any(ageFrom(8, 11), ageFrom(51)), not(ottawaPositive)),
    message:
      'After a fall or a blow to the knee, children under 12 and adults over 50 need an X-ray to rule out a broken bone, even if they can walk.',
    place: 'Go to an emergency department (or a minor injuries unit that can X-ray) now, for an X-ray; keep weight off the leg as much as you can.',
    sources: sources('seaberg-1998'),
  },
  {
    id: 'kneecap-slipped',
    care: 'same-day',
    condition: 'dislocation',
    // A patellar dislocation that went back by itself: X-ray the same day (a piece of bone or
    // cartilage may have broken off).
    when: sign('kneecap-slipped'),
    message:
      'A kneecap that slipped out and went back can chip a piece of cartilage or bone as it goes. It needs an X-ray and an examination today.',
    place: 'Today: urgent care, a minor injuries unit or an acute knee clinic, for an X-ray.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'locked-knee',
    care: 'same-day',
    condition: 'meniscal-irritation',
    when: mech('locking'),
    message:
      'A knee that is stuck and will not fully straighten can mean a torn piece of cartilage or a loose fragment is caught in the joint. Do not force it straight or run on it.',
    place: 'Today: urgent care or an acute knee clinic.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'swelling-after-injection-or-surgery',
    care: 'same-day',
    condition: 'septic-arthritis',
    // BSR 2006 risk factors with swelling. A recent injection into or operation on the knee makes
    // a swollen knee a possible infection by itself: today. The other risk factors (age over 80,
    // arthritis, gout) raise the suspicion of infection in a HOT joint (the emergency rule) and
    // raise its place in the ranking (conditions.ts); with swelling alone they are a flare to see
    // a doctor about within days (persistent-swelling, inflammatory-pattern). Swelling alone is
    // never an emergency.
    when: all(swollen, hist('recent-knee-injection-or-surgery')),
    message:
      'A swollen knee after a recent injection into it or an operation on it has a higher chance of infection. It needs checking today; if it turns hot or red or you get a fever, go to an emergency department.',
    place: 'Today: the team that did the injection or operation, your GP the same day, or urgent care.',
    sources: sources('bsr-2006'),
  },
  {
    id: 'rapid-swelling-after-injury',
    care: 'same-day',
    condition: 'ligament-injury',
    // The same-day window is for a fresh injury; weeks later see 'twist-not-settling'.
    when: all(freshInjury, any(swelling('rapid-after-injury'), all(sign('heard-pop'), any(swollen, mech('giving-way'))))),
    message:
      'Swelling within hours of a twist or blow, or a pop with the knee giving way, usually means bleeding inside the joint, most often from a torn ligament such as the ACL. Rest it and keep it raised until you are seen.',
    place: 'Today: urgent care or an acute knee clinic.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'cannot-bear-weight',
    care: 'same-day',
    condition: ['bone-stress-injury', 'septic-arthritis', 'referred-hip-pain', 'serious-bone-pathology', 'fracture'],
    when: all(sign('cannot-bear-weight'), not(acuteInjury)),
    message:
      'Not being able to take 4 steps without a fresh injury can mean a stress fracture, a joint infection or a hip problem. Keep weight off it.',
    place: 'Today: your GP the same day or urgent care; keep weight off the leg (crutches if you have them).',
    sources: sources('hoenig-2025', 'nhs-acute-knee'),
  },
  {
    id: 'fever-with-knee-pain',
    care: 'same-day',
    condition: 'septic-arthritis',
    when: all(sign('fever-unwell'), swelling('none'), not(sign('hot-red-knee'))),
    message:
      'Knee pain with a fever or feeling unwell can be an infection in the joint or bone. If the knee becomes hot, red or swollen, go to an emergency department.',
    place: 'Today: your GP the same day or urgent care.',
    sources: sources('bsr-2006'),
  },
  {
    id: 'young-hip',
    care: 'same-day',
    // The hip first; a bone lesion or bone stress when the answers fit one better (night pain
    // and a swollen knee or thigh are not the normal-looking knee of a slipped growth plate).
    condition: ['referred-hip-pain', 'serious-bone-pathology', 'bone-stress-injury'],
    // RCH SUFE guideline; Peck, AFP 2017; Matava 1999 (15 % present as knee pain): ages about
    // 8-16 (17 in boys), a limp OR hip, groin or thigh pain.
    when: all(scfeAge, any(sign('limp'), all(noInjury, hipGroinOrThigh))),
    message:
      'In a child or teenager, a limp or pain in the hip, groin or thigh (often felt in the knee) can come from a slipped growth plate at the hip, which gets worse if it is walked on.',
    place: "Today: your GP the same day or a children's emergency department; crutches and no running or sport until then.",
    sources: sources('rch-scfe', 'peck-2017', 'matava-1999'),
  },
  {
    id: 'high-risk-bone-stress',
    care: 'same-day',
    condition: 'bone-stress-injury',
    // Hoenig 2025 (high-risk sites: femoral neck): groin, hip or thigh pain or a limp, with bone
    // symptoms, needs imaging urgently and no running; a displaced femoral-neck fracture can end
    // a career. Named only with a bone symptom, never from history or sex alone.
    // A limp alone is common with an arthritic or sore knee: with a limp, the bone symptom must be
    // a bone one (a tender spot, hop pain) or come with the risk factors §6 names.
    // Groin pain AND a limp in a runner is the femoral-neck picture of §4 on its own.
    when: all(
      noInjury,
      any(boneSymptom, all(at('hip-groin'), sign('limp'))),
      any(
        at('hip-groin'),
        all(sign('limp'), any(sign('bone-tender-spot'), worse('hopping'), hist('prior-bone-stress', 'low-energy-or-missed-periods'))),
        all(at('thigh-muscles'), hist('prior-bone-stress', 'low-energy-or-missed-periods')),
        // Thigh pain that hurts to hop AND at rest or at night is not a muscle: two bone symptoms.
        all(at('thigh-muscles'), worse('hopping'), when('at-rest', 'at-night')),
      ),
    ),
    message:
      'Hip, groin or thigh pain with a limp, or with pain at rest, at night, on hopping or getting worse, can be a stress fracture of the thigh bone near the hip. If it breaks through it can need an operation, so it needs a scan before any more running.',
    place: 'Today: your GP the same day or urgent care, for an X-ray or MRI; no running, and crutches if walking hurts.',
    sources: sources('hoenig-2025'),
  },
  // ---- see a clinician ----
  {
    id: 'inflammatory-pattern',
    care: 'see-clinician',
    condition: 'inflammatory-arthritis',
    // NICE NG100 (refer urgently: persistent synovitis, more than one joint); the 30-minute
    // stiffness cut-off is NG226's. Listed before bone stress and night pain: other swollen
    // joints explain both. Gout, psoriasis or a recent infection with a swollen knee: crystal,
    // psoriatic or reactive arthritis.
    when: any(sign('multiple-joints'), morningStiffOver30, all(swollen, noInjury, hist('gout-or-psoriasis', 'recent-infection'))),
    message:
      'Other swollen or stiff joints, morning stiffness lasting more than 30 minutes, or a swollen knee with gout, psoriasis or a recent infection suggest inflammation in the joints rather than a running injury. Early treatment protects the joints.',
    place: 'Within days: your GP, and ask about a referral to a rheumatologist.',
    sources: sources('nice-ng100', 'nice-ng226'),
  },
  {
    id: 'bone-stress-signs',
    care: 'see-clinician',
    condition: 'bone-stress-injury',
    // Hoenig 2025: focal bone tenderness, or hop pain that is progressive (rest, night or
    // whole-run pain, getting worse, does not warm up) or comes with a bone-stress history.
    // Hop pain that eases once warm is the tendon pattern; a tender tubercle in a child is
    // Osgood-Schlatter (§7).
    when: all(
      noInjury,
      not(childTubercle),
      any(
        sign('bone-tender-spot'),
        all(worse('hopping'), any(when('at-rest', 'at-night', 'whole-run'), trendIs('worse')), not(when('eases-with-warmup'))),
        all(worse('hopping'), hist('prior-bone-stress', 'low-energy-or-missed-periods')),
      ),
    ),
    message:
      'One tender spot on the bone, or pain on hopping that keeps building, can be a bone stress injury. Stop running now (walking is fine if it is pain-free); it may need a scan.',
    place: 'Within days: your GP or a sports physio, and ask whether you need an X-ray or MRI; no running until then.',
    sources: sources('hoenig-2025'),
  },
  {
    id: 'unexplained-bone-pain-young',
    care: 'see-clinician',
    condition: 'serious-bone-pathology',
    // NICE NG12: children and young people with unexplained bone pain or swelling: a very
    // urgent X-ray, within 48 hours.
    when: all(young, any(sign('weight-loss'), unexplainedBonePain)),
    message:
      'Bone pain at night or at rest that nothing explains, or weight loss you cannot explain, needs an X-ray soon. Guidelines for young people ask for it within 48 hours.',
    place: 'Within 2 days: your GP, for an X-ray within 48 hours.',
    sources: sources('nice-ng12'),
  },
  {
    id: 'unexplained-bone-pain',
    care: 'see-clinician',
    condition: 'serious-bone-pathology',
    // NICE NG12 (adults): unexplained bone pain or swelling: an urgent X-ray, within 2 weeks.
    when: all(not(young), any(sign('weight-loss'), unexplainedBonePain)),
    message:
      'Pain that wakes you at night or is there at rest without a clear reason, or weight loss you cannot explain, needs an examination and an X-ray.',
    place: 'This week: your GP, for an examination and an X-ray.',
    sources: sources('nice-ng12'),
  },
  {
    id: 'night-pain',
    care: 'see-clinician',
    // Night pain with an obvious cause (a training jump, known arthritis) is still a reason to
    // be examined (§3), but it does not point to one condition: the ranking names it.
    condition: null,
    when: all(when('at-night'), not(unexplainedBonePain)),
    message: 'Pain that wakes you at night is more than ordinary training soreness. Stop the running that provokes it.',
    place: 'Within days: your GP or a physio.',
    sources: sources('nice-ng12'),
  },
  {
    id: 'acute-twist',
    care: 'see-clinician',
    condition: ['ligament-injury', 'meniscal-irritation'],
    // NHS acute knee pathways (§7): an acute twist with a knee that is not locked -> physio,
    // reviewed at about 2 weeks.
    when: all(onset('sudden-twist'), daysFrom(0, 13)),
    message:
      'A twisted knee that is not locked should be examined by a physio: a sprained ligament or a meniscus tear is managed better when it is known, and it should be reviewed at about 2 weeks.',
    place: 'Within days: a physio (or your GP), with a review at about 2 weeks.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'twist-not-settling',
    care: 'see-clinician',
    condition: ['meniscal-irritation', 'ligament-injury'],
    // NHS acute knee pathways (§7): not improving by about 2 weeks -> acute knee clinic within
    // days (repairable meniscal tears have a window of weeks).
    when: all(injured, daysFrom(14), not(trendIs('better'))),
    message:
      'A knee injury that has not clearly improved after 2 weeks needs an examination: some cartilage and ligament tears can only be repaired within weeks.',
    place: 'Within days: a physio or your GP, who can refer you to an acute knee clinic.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'persistent-swelling',
    care: 'see-clinician',
    condition: ['meniscal-irritation', 'osteoarthritis-flare', 'inflammatory-arthritis', 'ligament-injury', 'posterior-knee-irritation', 'serious-bone-pathology'],
    when: swelling('persistent', 'rapid-no-injury'),
    message:
      'Swelling that stays, or that comes up within hours of a run without an injury, is a sign of a problem inside the joint (cartilage, meniscus or inflammation). Cut running until it has been checked.',
    place: 'Within days: your GP or a physio.',
    sources: sources('nhs-knee-pain'),
  },
  {
    id: 'catching-or-giving-way',
    care: 'see-clinician',
    // Patellofemoral cartilage can catch or give way too ("chondral" in §3).
    condition: ['meniscal-irritation', 'ligament-injury', 'osteoarthritis-flare', 'patellofemoral-pain'],
    when: all(mech('catching', 'giving-way'), not(mech('locking'))),
    message:
      'A knee that catches or gives way may have a meniscus tear, loose cartilage or a loose ligament. Avoid twisting and running on it.',
    place: 'Within days: a physio or your GP.',
    sources: sources('nhs-acute-knee'),
  },
  {
    id: 'lump-behind-knee',
    care: 'see-clinician',
    condition: 'posterior-knee-irritation',
    when: sign('lump-behind-knee'),
    message:
      "A lump or fullness behind the knee is most often a Baker's cyst, but it should be examined to be sure. If the calf becomes swollen, warm or tender, be seen the same day.",
    place: 'Within days: your GP.',
    sources: sources('nhs-bakers-cyst'),
  },
  {
    id: 'rest-has-not-helped',
    care: 'see-clinician',
    condition: null,
    when: restedNoBetter,
    message: 'A week or more off running has not helped, so this needs a proper examination rather than more rest.',
    place: 'Within days: a physio or your GP.',
    sources: sources('nhs-knee-pain'),
  },
];
