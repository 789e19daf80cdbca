// Distance units and the first day of the training week: the two display settings that both the
// welcome page and the options page ask, with the same choices. Each page keeps its own legends.
import type { Settings, Units, WeekStart } from '@/lib/settings';
import { ChoiceGroup } from './ChoiceGroup';

const UNIT_CHOICES = [
  { value: 'km', label: 'Kilometres (km)' },
  { value: 'mi', label: 'Miles (mi)' },
] as const;

const WEEK_CHOICES = [
  { value: 'monday', label: 'Monday' },
  { value: 'sunday', label: 'Sunday' },
] as const;

type UnitsAndWeek = Pick<Settings, 'units' | 'weekStartsOn'>;

export interface UnitsAndWeekChoicesProps {
  value: UnitsAndWeek;
  onChange: (patch: Partial<UnitsAndWeek>) => void;
  legends: Record<keyof UnitsAndWeek, string>;
}

export function UnitsAndWeekChoices({ value, onChange, legends }: UnitsAndWeekChoicesProps) {
  return (
    <>
      <ChoiceGroup<Units>
        name="units"
        legend={legends.units}
        options={UNIT_CHOICES}
        value={value.units}
        onChange={(units) => onChange({ units })}
      />
      <ChoiceGroup<WeekStart>
        name="weekStartsOn"
        legend={legends.weekStartsOn}
        options={WEEK_CHOICES}
        value={value.weekStartsOn}
        onChange={(weekStartsOn) => onChange({ weekStartsOn })}
      />
    </>
  );
}
