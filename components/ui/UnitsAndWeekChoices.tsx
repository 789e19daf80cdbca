// Distance units and the first day of the training week: the two display settings that both the
// welcome page and the options page ask, with the same choices. Each page keeps its own legends.
import type { Settings } from '@/lib/settings';
import { ChoiceGroup, type Choice } from './ChoiceGroup';

type UnitsAndWeek = Pick<Settings, 'units' | 'weekStartsOn'>;
type Field = keyof UnitsAndWeek;

/** Each setting's choices, in the order the settings are asked. */
const CHOICES: { [F in Field]: readonly Choice<UnitsAndWeek[F]>[] } = {
  units: [
    { value: 'km', label: 'Kilometres (km)' },
    { value: 'mi', label: 'Miles (mi)' },
  ],
  weekStartsOn: [
    { value: 'monday', label: 'Monday' },
    { value: 'sunday', label: 'Sunday' },
  ],
};
const FIELDS = Object.keys(CHOICES) as Field[];

export interface UnitsAndWeekChoicesProps {
  value: UnitsAndWeek;
  onChange: (patch: Partial<UnitsAndWeek>) => void;
  legends: Record<Field, string>;
}

export function UnitsAndWeekChoices({ value, onChange, legends }: UnitsAndWeekChoicesProps) {
  return (
    <>
      {FIELDS.map((field) => (
        <ChoiceGroup<string>
          key={field}
          name={field}
          legend={legends[field]}
          options={CHOICES[field]}
          value={value[field]}
          // The group offers only this field's own choices, so the value fits the field.
          onChange={(choice) => onChange({ [field]: choice } as Partial<UnitsAndWeek>)}
        />
      ))}
    </>
  );
}
