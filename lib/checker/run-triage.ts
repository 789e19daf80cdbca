// The popup's single call into the engine: answers → toTriageInput → triage(). The engine decides
// care and conditions; an input it rejects (which validation should make impossible) is reported
// plainly instead of crashing the popup.
import { errorText } from '../guards';
import { triage, TriageInputError } from '../triage';
import type { TriageInput, TriageResult } from '../triage/types';
import { KM_PER_MI, parseNumber, type Answers } from './answers';
import { toTriageInput } from './to-input';

export type TriageOutcome = { ok: true; input: TriageInput; result: TriageResult } | { ok: false; input: TriageInput; message: string };

/**
 * The typed distances in km (the contract's optional Training additions), so the plan can give
 * the load change as numbers in the runner's units. Blank or unreadable fields are left out.
 */
export function withDistances(input: TriageInput, answers: Answers): TriageInput {
  const t = answers.training;
  const km = (text: string) => {
    const v = parseNumber(text);
    return v === undefined || !Number.isFinite(v) || v < 0 ? undefined : Math.round((t.units === 'mi' ? v * KM_PER_MI : v) * 10) / 10;
  };
  const distances = {
    thisWeekKm: km(t.thisWeek),
    lastWeekKm: km(t.lastWeek),
    latestRunKm: km(t.latestRun),
    longestRecentKm: km(t.longestBefore),
  };
  const found = Object.fromEntries(Object.entries(distances).filter(([, v]) => v !== undefined));
  return Object.keys(found).length === 0 ? input : { ...input, training: { ...input.training, ...found } };
}

/** The runner's own thresholds from settings, for the plan's load steps and shoe reminder. */
export interface PlanLimits {
  spikePct?: number;
  weeklyIncreasePct?: number;
  shoeKmLimit?: number;
}

export function runTriage(answers: Answers, limits: PlanLimits = {}): TriageOutcome {
  const input = withDistances(toTriageInput(answers), answers);
  try {
    return {
      ok: true,
      input,
      result: triage(input, {
        units: answers.training.units,
        spikePct: limits.spikePct,
        weeklyPct: limits.weeklyIncreasePct,
        shoeKmLimit: limits.shoeKmLimit,
      }),
    };
  } catch (error) {
    const message =
      error instanceof TriageInputError
        ? `An answer did not fit (${error.field}): ${error.message}`
        : `Something went wrong working out the result: ${errorText(error)}`;
    return { ok: false, input, message };
  }
}
