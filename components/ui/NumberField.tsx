// A labelled whole-number input with its unit, allowed range, optional help and inline error.
// The error is tied to the input with aria-invalid and aria-describedby.
import type { ComponentChildren } from 'preact';
import './ui.css';

export interface NumberFieldProps {
  id: string;
  label: string;
  /** The raw text in the box (kept as typed, so invalid input can be shown and named). */
  value: string;
  min: number;
  max: number;
  /** Shown after the box, e.g. "%" or "km". */
  unit: string;
  /** One plain sentence under the label. */
  help?: ComponentChildren;
  /** Shown after the unit, e.g. "≈ 435 mi". */
  hint?: string;
  /** Extra notes under the range (e.g. evidence). */
  children?: ComponentChildren;
  error?: string;
  onInput: (value: string) => void;
  onBlur?: (event: FocusEvent) => void;
}

export function NumberField({ id, label, value, min, max, unit, help, hint, children, error, onInput, onBlur }: NumberFieldProps) {
  const helpId = `${id}-help`;
  const rangeId = `${id}-range`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : '', rangeId, errorId].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {help && (
        <p class="field__help" id={helpId}>
          {help}
        </p>
      )}
      <div class="field__control">
        <input
          class="field__input"
          id={id}
          name={id}
          type="number"
          inputMode="numeric"
          step={1}
          min={min}
          max={max}
          value={value}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
          onBlur={onBlur}
        />
        <span class="field__unit">{unit}</span>
        {hint && <span class="field__hint">{hint}</span>}
      </div>
      <p class="field__range" id={rangeId}>
        Whole number from {min} to {max} {unit}.
      </p>
      {children}
      <p class="field__error" id={errorId} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}
