// "Forget my knee diary" for the options page's captured-data section: check-ins, return-to-run
// plans, kept results and "Your knee", after a confirm step (focus moves in and back out of it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { forgetDiary } from '@/lib/diary';
import { StatusMessage, type Status } from '../ui/StatusMessage';

export function ForgetDiary() {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (confirming ? confirmButton : openButton).current?.focus();
  }, [confirming]);

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
        <div
          class="confirm"
          role="group"
          aria-labelledby="forget-diary-confirm-text"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p id="forget-diary-confirm-text" class="confirm__text">
            Forget your whole knee diary (pain check-ins, return-to-run plans, kept checker results and "Your knee")? This cannot be undone:
            export a backup first if you may want it later.
          </p>
          <div class="btn-row">
            <button type="button" class="btn btn--danger" ref={confirmButton} onClick={() => void forget()}>
              Forget my knee diary
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn" ref={openButton} onClick={() => setConfirming(true)}>
          Forget my knee diary…
        </button>
      )}
      <StatusMessage id="forget-diary-status" status={status} />
    </div>
  );
}
