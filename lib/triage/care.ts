// Care levels: order, words for the UI. Most urgent first, as in the contract.
import { CARE_LEVELS, type CareLevel } from './types';

/** 0 = emergency (most urgent) ... 4 = keep-running. */
export function careRank(level: CareLevel): number {
  return CARE_LEVELS.indexOf(level);
}

/** The more urgent of the levels given (keep-running when none). */
export function mostUrgent(...levels: (CareLevel | undefined)[]): CareLevel {
  let best: CareLevel = 'keep-running';
  for (const level of levels) if (level && careRank(level) < careRank(best)) best = level;
  return best;
}

/**
 * Named lists of care levels a line of the knowledge base may be limited to ("care": "notUrgent"),
 * instead of listing its levels: one table for plan-items.json and advice.json.
 */
export const CARE_LISTS = {
  all: CARE_LEVELS,
  urgent: ['emergency', 'same-day'],
  notUrgent: ['see-clinician', 'modify-load', 'keep-running'],
  /** A clinician is to be involved (a line that stops running until seen). */
  notSelfManaged: ['emergency', 'same-day', 'see-clinician'],
  /** The runner manages it themselves (a line that cuts running back). */
  selfManaged: ['modify-load'],
} as const satisfies Record<string, readonly CareLevel[]>;
export type CareListName = keyof typeof CARE_LISTS;

export const CARE_LEVEL_INFO: Record<CareLevel, { label: string; title: string; action: string }> = {
  emergency: {
    label: 'Emergency',
    title: 'This needs emergency care now',
    action: 'Go to an emergency department or call emergency services (999, 112 or 911) now. Do not run on it.',
  },
  'same-day': {
    label: 'Be seen today',
    title: 'Get this checked today',
    action: 'Be seen today at urgent care, a same-day GP appointment or an acute knee clinic. Do not run until then.',
  },
  'see-clinician': {
    label: 'See a clinician',
    title: 'Book a doctor or physio',
    action: 'Stop the running that brings it on and book a doctor or physio within the next few days.',
  },
  'modify-load': {
    label: 'Change your training',
    title: 'You can manage this yourself by changing your training',
    action: 'Cut back the running that provokes it, strengthen, and build back gradually.',
  },
  'keep-running': {
    label: 'Keep running with care',
    title: 'Mild soreness that settles: keep running with care',
    action: 'Keep running at an easy effort, watch how it responds, and back off if it lingers or grows.',
  },
};
