// Form controls for the checker: native checkboxes, radios and text inputs inside labelled
// fieldsets, so every question works with a keyboard and a screen reader as browsers intend.
import type { ComponentChildren } from 'preact';
import type { Choice } from '../../lib/checker/questions';

interface GroupProps<V extends string> {
  /** Answer field name: the fieldset id is `q-<id>`, each input `q-<id>-<value>`. */
  id: string;
  legend: string;
  hint?: string;
  optional?: boolean;
  error?: string;
  choices: readonly Choice<V>[];
  /** Optional extra per-option props (used by the knee diagram to highlight on hover). */
  onHover?: (value: V | null) => void;
  children?: ComponentChildren;
}

function Legend({ id, legend, hint, optional, error }: { id: string; legend: string; hint?: string; optional?: boolean; error?: string }) {
  return (
    <>
      <legend>
        {legend}
        {optional && <span class="optional"> (optional)</span>}
      </legend>
      {hint && (
        <p class="field-hint" id={`q-${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`q-${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `q-${id}-hint`, error && `q-${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function CheckboxGroup<V extends string>(
  props: GroupProps<V> & { values: readonly V[]; onChange: (values: V[]) => void },
) {
  const { id, choices, values, onChange, onHover, error, hint } = props;
  const toggle = (value: V, on: boolean) => {
    const next = on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
    // Keep the choices' order, whatever order they were ticked in.
    onChange(choices.map((c) => c.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset id={`q-${id}`} class="group" aria-describedby={describedBy(id, hint, error)}>
      <Legend {...props} />
      {props.children}
      <div class="options">
        {choices.map((choice) => {
          const inputId = `q-${id}-${choice.value}`;
          return (
            <label
              class="opt"
              key={choice.value}
              for={inputId}
              onMouseEnter={onHover && (() => onHover(choice.value))}
              onMouseLeave={onHover && (() => onHover(null))}
            >
              <input
                type="checkbox"
                id={inputId}
                name={id}
                value={choice.value}
                checked={values.includes(choice.value)}
                onChange={(e) => toggle(choice.value, e.currentTarget.checked)}
                onFocus={onHover && (() => onHover(choice.value))}
                onBlur={onHover && (() => onHover(null))}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
              />
              <span class="opt-text">
                {choice.label}
                {choice.hint && (
                  <span class="opt-hint" id={`${inputId}-hint`}>
                    {choice.hint}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function RadioGroup<V extends string>(
  props: GroupProps<V> & { value: V | undefined; onChange: (value: V) => void; compact?: boolean },
) {
  const { id, choices, value, onChange, error, hint, compact } = props;
  return (
    <fieldset id={`q-${id}`} class="group" aria-describedby={describedBy(id, hint, error)}>
      <Legend {...props} />
      <div class={compact ? 'options options-row' : 'options'}>
        {choices.map((choice) => {
          const inputId = `q-${id}-${choice.value}`;
          return (
            <label class="opt" key={choice.value} for={inputId}>
              <input
                type="radio"
                id={inputId}
                name={id}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
              />
              <span class="opt-text">
                {choice.label}
                {choice.hint && (
                  <span class="opt-hint" id={`${inputId}-hint`}>
                    {choice.hint}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function NumberField(props: {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: string;
  value: string;
  suffix?: string;
  /** Whole numbers only (age) or decimals (distances). */
  decimal?: boolean;
  onInput: (text: string) => void;
}) {
  const { id, label, hint, optional, error, value, suffix, decimal, onInput } = props;
  const inputId = `q-${id}`;
  return (
    <div class="field">
      <label for={inputId} class="field-label">
        {label}
        {optional && <span class="optional"> (optional)</span>}
      </label>
      {hint && (
        <p class="field-hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${inputId}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <span class="number">
        <input
          id={inputId}
          type="text"
          inputMode={decimal ? 'decimal' : 'numeric'}
          autoComplete="off"
          size={6}
          maxLength={8}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {suffix && (
          <span class="suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </span>
    </div>
  );
}
