// Form controls for the checker: native checkboxes, radios and text inputs inside labelled
// fieldsets, so every question works with a keyboard and a screen reader as browsers intend.
import type { ComponentChildren } from 'preact';
import type { Choice } from '../../lib/checker/questions';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `q-${id}-hint`, error && `q-${id}-error`].filter(Boolean).join(' ') || undefined;
}

function Notes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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

const Optional = () => <span class="optional"> (optional)</span>;

/**
 * A question with a list of answers: checkboxes (`multiple`) or radios. The fieldset's id is
 * `q-<id>`, each input's `q-<id>-<value>`; hints and errors are tied in with aria-describedby.
 */
export function ChoiceGroup<V extends string>(props: {
  id: string;
  legend: string;
  hint?: string;
  optional?: boolean;
  error?: string;
  choices: readonly Choice<V>[];
  multiple?: boolean;
  /** Lay short answers out in a row. */
  row?: boolean;
  /** A follow-up to the question above: drawn as attached to it. */
  followUp?: boolean;
  /** A numeric scale (0-10): every answer on one line. */
  scale?: boolean;
  values: readonly V[];
  onChange: (values: V[]) => void;
  /** Called with the answer under the pointer or focus (the knee diagram highlights it). */
  onHover?: (value: V | null) => void;
  children?: ComponentChildren;
}) {
  const { id, hint, error, choices, values, multiple, onChange, onHover } = props;
  const keysId = `q-${id}-keys`;
  const set = (value: V, on: boolean) => {
    if (!multiple) return onChange([value]);
    // Keep the choices' order, whatever order they were ticked in.
    onChange(choices.map((c) => c.value).filter((v) => (v === value ? on : values.includes(v))));
  };
  const hover = (value: V | null) => onHover && (() => onHover(value));
  return (
    <fieldset
      id={`q-${id}`}
      class={props.followUp ? 'group follow-up' : 'group'}
      aria-describedby={[describedBy(id, hint, error), !multiple && keysId].filter(Boolean).join(' ') || undefined}
    >
      <legend>
        {props.legend}
        {props.optional && <Optional />}
      </legend>
      <Notes id={id} hint={hint} error={error} />
      {props.children}
      <div class={props.scale ? 'options options-scale' : props.row ? 'options options-row' : 'options'}>
        {choices.map(({ value, label, hint: sub }) => {
          const inputId = `q-${id}-${value}`;
          return (
            <label class="opt" key={value} for={inputId} onMouseEnter={hover(value)} onMouseLeave={hover(null)}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={inputId}
                name={id}
                value={value}
                checked={values.includes(value)}
                onChange={(e) => set(value, e.currentTarget.checked)}
                onFocus={hover(value)}
                onBlur={hover(null)}
                aria-describedby={sub ? `${inputId}-hint` : undefined}
              />
              <span>
                {label}
                {sub && (
                  <span class="opt-hint" id={`${inputId}-hint`}>
                    {sub}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {!multiple && (
        // Shown while a keyboard is in the group (see checker.css); always read by screen readers.
        <p class="keys-hint" id={keysId}>
          Arrow keys move between these answers and choose one; Tab goes on to the next question.
        </p>
      )}
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
  /** Decimals allowed (distances), or whole numbers (age). */
  decimal?: boolean;
  onInput: (text: string) => void;
}) {
  const { id, hint, error } = props;
  return (
    <div class="field">
      <label for={`q-${id}`} class="field-label">
        {props.label}
        {props.optional && <Optional />}
      </label>
      <Notes id={id} hint={hint} error={error} />
      <input
        id={`q-${id}`}
        class="number"
        type="text"
        inputMode={props.decimal ? 'decimal' : 'numeric'}
        autoComplete="off"
        maxLength={8}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
