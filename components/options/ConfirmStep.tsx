// A destructive action behind a confirm step: its button, then the question (the children) with a
// "do it" and a Cancel button. Focus moves into the step and back out of it, and Escape cancels,
// so keyboard users never lose their place. The action gets `close`, to end the step when it has
// run, in its own order. Styled by ./options.css (.confirm).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmStepProps {
  /** The question's id (the step is labelled by it). */
  id: string;
  /** The button that opens the step ("Reset to defaults…") and the one that does it ("Reset and save"). */
  labels: { ask: string; confirm: string };
  onConfirm: (close: () => void) => void;
  disabled?: boolean;
  children: ComponentChildren;
}

export function ConfirmStep({ id, labels, onConfirm, disabled, children }: ConfirmStepProps) {
  const [open, setOpen] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (open ? confirmButton : askButton).current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" class="btn" ref={askButton} disabled={disabled} onClick={() => setOpen(true)}>
        {labels.ask}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <p id={id} class="confirm__text">
        {children}
      </p>
      <div class="btn-row">
        <button type="button" class="btn btn--danger" ref={confirmButton} onClick={() => onConfirm(() => setOpen(false))}>
          {labels.confirm}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
