// Public API of the triage engine (docs/contract/triage.md). Pure: no DOM, no browser APIs.
//
// triage(input, options?): the contract's call; `options.units` ('km' | 'mi') writes the plan's
//   distances in the runner's units (numbers in the input stay km).
// screenWarningSigns(input): for the popup's same-day shortcut. Call it with the first screen's
//   answers (onset, signs, history, age; missing required fields filled with the popup's neutral
//   stand-ins, as for triage()). It returns { care, redFlags } when an emergency OR same-day
//   warning sign fires (show triage()'s result straight away, with "answer the rest to see the
//   likely causes"), or null when none does (carry on with the questions). Each red flag carries
//   `place`: where to go for THAT sign.
export { triage, screenWarningSigns, DISCLAIMER, RECURRING_DAYS } from './engine';
export { TriageInputError } from './errors';
export { CARE_LEVEL_INFO, careRank, mostUrgent } from './care';
export { parseTriageInput } from './schema';
export { SOURCES } from './sources';
export { CONTRADICTIONS, planContradictions } from './plan';
export * from './types';
