// "Your knee" is checked by lib/triage's own schema, so the options page can never store a fact the
// checker would refuse: the profile is put into a probe TriageInput whose other answers are neutral
// placeholders (required by the schema, never stored or shown), and parseTriageInput names the field.
import { parseTriageInput } from '../triage/schema';
import { TriageInputError } from '../triage/errors';
import { HISTORIES, SEXES, SIDES, nothingReported, type History } from '../triage/types';
import type { KneeProfile } from './schema';

/** The history answers that describe the runner rather than this episode (asked once, on the options page). */
export const PROFILE_HISTORIES = [
  'known-knee-arthritis',
  'prior-bone-stress',
  'low-energy-or-missed-periods',
  'clot-risk',
] as const satisfies readonly History[];

/** The profile as the form holds it: the age as typed. */
export interface ProfileDraft {
  age: string;
  sex?: string;
  side?: string;
  history: string[];
}

export type ProfileCheck = { ok: true; profile: KneeProfile } | { ok: false; field: 'age' | 'sex' | 'side' | 'history'; message: string };

export function checkProfile(draft: ProfileDraft): ProfileCheck {
  const ageText = draft.age.trim().replace(',', '.');
  const age = ageText === '' ? undefined : /^-?\d+(\.\d+)?$/.test(ageText) ? Number(ageText) : Number.NaN;
  if (age !== undefined && Number.isNaN(age))
    return { ok: false, field: 'age', message: 'Age: enter your age in whole years (from 8 to 100), or leave it blank.' };
  const probe = {
    ...nothingReported(),
    locations: ['front'],
    durationDays: 0,
    // The schema requires an age; a blank one is checked with a placeholder and stored as not given.
    age: age ?? 30,
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.side ? { side: draft.side } : {}),
    history: draft.history,
  };
  try {
    const input = parseTriageInput(probe);
    const profile: KneeProfile = { history: (input.history ?? []).filter((h) => (HISTORIES as readonly string[]).includes(h)) };
    if (age !== undefined) profile.age = input.age;
    if (input.sex && (SEXES as readonly string[]).includes(input.sex)) profile.sex = input.sex;
    if (input.side && (SIDES as readonly string[]).includes(input.side)) profile.side = input.side;
    return { ok: true, profile };
  } catch (error) {
    if (error instanceof TriageInputError) {
      const top = error.field.split(/[.[]/)[0] ?? '';
      const field = top === 'sex' || top === 'side' || top === 'history' ? top : 'age';
      const label = { age: 'Age', sex: 'Sex', side: 'Which knee', history: 'About you' }[field];
      // The schema's message starts with the field name ("age: must be ..."): say it in the form's words.
      return { ok: false, field, message: `${label}: ${error.message.replace(/^[\w.[\]]+:\s*/, '')}` };
    }
    throw error;
  }
}

export function toDraft(profile: KneeProfile): ProfileDraft {
  return { age: profile.age === undefined ? '' : String(profile.age), sex: profile.sex, side: profile.side, history: [...profile.history] };
}
