// "Change answers" on the result: one link per question screen, so the runner goes straight to
// the step they want to change instead of paging through from the first.
import { STEP_IDS, STEP_SHORT, type StepId } from '../../lib/checker/questions';

export function ChangeAnswers({ onChange }: { onChange: (step: StepId) => void }) {
  return (
    <nav class="change-answers" aria-labelledby="change-answers-title">
      <p id="change-answers-title" class="change-answers-title">
        Change answers:
      </p>
      <ul>
        {STEP_IDS.map((step) => (
          <li key={step}>
            <button type="button" class="btn-link" onClick={() => onChange(step)}>
              {STEP_SHORT[step]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
