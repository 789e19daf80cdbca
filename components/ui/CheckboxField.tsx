// One labelled checkbox, with an optional line of description tied to it.
import './ui.css';

export interface CheckboxFieldProps {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, description, checked, onChange }: CheckboxFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <label class="choice choice--block" for={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={descriptionId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>
        {label}
        {description && (
          <span class="choice__description" id={descriptionId}>
            {description}
          </span>
        )}
      </span>
    </label>
  );
}
