// The popup's single call into the engine: answers → toTriageInput → triage(). The engine decides
// care and conditions; an input it rejects (which validation should make impossible) is reported
// plainly instead of crashing the popup.
import { errorText } from '../guards';
import { triage, TriageInputError } from '../triage';
import type { TriageInput, TriageResult } from '../triage/types';
import type { Answers } from './answers';
import { toTriageInput } from './to-input';

export type TriageOutcome =
  | { ok: true; input: TriageInput; result: TriageResult }
  | { ok: false; input: TriageInput; message: string };

export function runTriage(answers: Answers): TriageOutcome {
  const input = toTriageInput(answers);
  try {
    return { ok: true, input, result: triage(input) };
  } catch (error) {
    const message =
      error instanceof TriageInputError
        ? `An answer did not fit (${error.field}): ${error.message}`
        : `Something went wrong working out the result: ${errorText(error)}`;
    return { ok: false, input, message };
  }
}
