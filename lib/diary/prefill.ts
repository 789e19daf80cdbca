// "Your knee" (the options page) prefills the popup's checker: the answers that do not change
// between checks. Only empty answers are filled, so anything the runner typed or chose in the popup
// always wins. Pure; no zod, so the popup's first screen stays small.
import type { Answers } from '../checker/answers';
import type { KneeProfile } from './schema';

export function answersFromProfile(profile: KneeProfile, answers: Answers): Answers {
  const next: Answers = { ...answers };
  if (answers.age.trim() === '' && profile.age !== undefined) next.age = String(profile.age);
  if (answers.sex === undefined && profile.sex !== undefined) next.sex = profile.sex;
  if (answers.side === undefined && profile.side !== undefined) next.side = profile.side;
  if (answers.history.length === 0 && profile.history.length > 0) next.history = [...profile.history];
  return next;
}
