// Units and week: how distances are shown and which day a training week starts on.
import type { Units, WeekStart } from '@/lib/settings';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import type { DraftSectionProps } from './draft';
import { Section } from './Section';

const UNIT_CHOICES = [
  { value: 'km', label: 'Kilometres (km)' },
  { value: 'mi', label: 'Miles (mi)' },
] as const;

const WEEK_CHOICES = [
  { value: 'monday', label: 'Monday' },
  { value: 'sunday', label: 'Sunday' },
] as const;

export function UnitsSection({ draft, onChange }: DraftSectionProps) {
  return (
    <Section id="units" title="Units and week" intro="Distances are kept in kilometres; this only changes how they are shown.">
      <ChoiceGroup<Units>
        name="units"
        legend="Distance units"
        options={UNIT_CHOICES}
        value={draft.units}
        onChange={(units) => onChange({ units })}
      />
      <ChoiceGroup<WeekStart>
        name="weekStartsOn"
        legend="Week starts on"
        options={WEEK_CHOICES}
        value={draft.weekStartsOn}
        onChange={(weekStartsOn) => onChange({ weekStartsOn })}
      />
    </Section>
  );
}
