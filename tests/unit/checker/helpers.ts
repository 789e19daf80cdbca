// Builders for checker answers in tests.
import { emptyAnswers, type Answers, type TrainingAnswers } from '../../../lib/checker/answers';

export function answers(patch: Partial<Omit<Answers, 'training'>> & { training?: Partial<TrainingAnswers> } = {}): Answers {
  const base = emptyAnswers();
  const { training, ...rest } = patch;
  return { ...base, ...rest, training: { ...base.training, ...training } };
}

/** A complete, typical ITB-pattern set of answers. */
export const ITB_ANSWERS: Answers = answers({
  onset: 'gradual',
  signs: [],
  locations: ['outside'],
  side: 'left',
  timing: ['late-in-run', 'after-run'],
  feel: ['sharp', 'burning'],
  worseWith: ['downhill', 'long-runs', 'stairs'],
  swelling: 'none',
  mechanical: [],
  age: '27',
  sex: 'male',
  duration: 'w1-2',
  settles: 'no',
  rested: 'not-rested',
  stiffness: 'none',
  history: [],
  training: { units: 'km', thisWeek: '48', lastWeek: '30', latestRun: '21', longestBefore: '15', shoe: '', flags: ['hardOrCambered'] },
});
