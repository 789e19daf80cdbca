// A polite live region for "Saved", "Imported" and similar outcomes. It is always in the DOM
// (screen readers only announce changes to regions that already exist).
import './ui.css';

export interface Status {
  tone: 'ok' | 'danger' | 'info';
  text: string;
}

export function StatusMessage({ status, id }: { status: Status | null; id?: string }) {
  return (
    <p id={id} class={`status${status ? ` status--${status.tone}` : ''}`} role="status" aria-live="polite">
      {status?.text ?? ''}
    </p>
  );
}
