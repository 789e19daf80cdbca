// Units and week: how distances are shown and which day a training week starts on.
import { UnitsAndWeekChoices } from '../ui/UnitsAndWeekChoices';
import type { DraftSectionProps } from './draft';
import { Section } from './Section';

export function UnitsSection({ draft, onChange }: DraftSectionProps) {
  return (
    <Section id="units" title="Units and week" intro="Distances are kept in kilometres; this only changes how they are shown.">
      <UnitsAndWeekChoices value={draft} onChange={onChange} legends={{ units: 'Distance units', weekStartsOn: 'Week starts on' }} />
    </Section>
  );
}
