// The confirm step before an options-page action that cannot be undone (forget, reset, an import
// that drops unsaved edits): the question, a danger button and Cancel, grouped and named by the
// question; Escape cancels. useConfirmFocus moves focus in and out of it.
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmStepProps {
  /** The question's id: it names the group. */
  id: string;
  question: ComponentChildren;
  confirmLabel: ComponentChildren;
  confirmRef?: Ref<HTMLButtonElement>;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmStep({ id, question, confirmLabel, confirmRef, onConfirm, onCancel }: ConfirmStepProps) {
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={id} class="confirm__text">
        {question}
      </p>
      <div class="btn-row">
        <button type="button" class="btn btn--danger" ref={confirmRef} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * Focus follows a confirm step, so keyboard users keep their place: into its confirm button when
 * it opens (or turns to another thing), back to the button that opened it when it closes; nothing
 * on the first render. `step` is null or false while the step is closed.
 */
export function useConfirmFocus(step: unknown) {
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (step !== null && step !== false ? confirm : opener).current?.focus();
  }, [step]);
  return { opener, confirm };
}
