// Radio buttons in a fieldset with a visible legend. Arrow keys move between options (native
// radios); a line under them says so while the keyboard is in the group (screen readers always
// hear it as the group's description).
import './ui.css';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  options: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

export function ChoiceGroup<T extends string>({ name, legend, options, value, onChange }: ChoiceGroupProps<T>) {
  return (
    <fieldset class="choice-group" aria-describedby={`${name}-keys`}>
      <legend>{legend}</legend>
      <div class="choice-group__options">
        {options.map((option) => (
          <label class="choice" key={option.value}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <p class="choice-group__keys" id={`${name}-keys`}>
        Arrow keys move between these choices and pick one.
      </p>
    </fieldset>
  );
}
