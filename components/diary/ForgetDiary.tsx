// "Forget my knee diary" for the options page's captured-data section: check-ins, return-to-run
// plans, kept results and "Your knee", after a confirm step (focus moves in and back out of it).
import { useState } from 'preact/hooks';
import { forgetDiary } from '@/lib/diary';
import { ConfirmStep, useConfirmFocus } from '../options/ConfirmStep';
import { StatusMessage, type Status } from '../ui/StatusMessage';

export function ForgetDiary() {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const focus = useConfirmFocus(confirming);

  async function forget() {
    try {
      await forgetDiary();
      setStatus({ tone: 'ok', text: 'Forgot your knee diary: check-ins, return-to-run plans, kept results and "Your knee".' });
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not forget your knee diary: ${error instanceof Error ? error.message : String(error)}` });
    }
    setConfirming(false);
  }

  return (
    <div class="stack">
      {confirming ? (
        <ConfirmStep
          id="forget-diary-confirm-text"
          question='Forget your whole knee diary (pain check-ins, return-to-run plans, kept checker results and "Your knee")? This cannot be undone: export a backup first if you may want it later.'
          confirmLabel="Forget my knee diary"
          confirmRef={focus.confirm}
          onConfirm={() => void forget()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" class="btn" ref={focus.opener} onClick={() => setConfirming(true)}>
          Forget my knee diary…
        </button>
      )}
      <StatusMessage id="forget-diary-status" status={status} />
    </div>
  );
}
