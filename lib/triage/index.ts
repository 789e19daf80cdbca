// Public API of the triage engine (docs/contract/triage.md). Pure: no DOM, no browser APIs.
export { triage, DISCLAIMER } from './engine';
export { TriageInputError } from './errors';
export { CARE_LEVEL_INFO, careRank, mostUrgent } from './care';
export { parseTriageInput } from './schema';
export { SOURCES } from './sources';
export * from './types';
