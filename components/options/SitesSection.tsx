// Which supported running logs get knee-load badges.
import { BUILT_IN_SITES } from '@/lib/sites/builtin';
import { CheckboxField } from '../ui/CheckboxField';
import type { DraftSectionProps } from './draft';
import { Section } from './Section';

export function SitesSection({ draft, onChange }: DraftSectionProps) {
  return (
    <Section id="sites" title="Sites" intro="Show knee-load badges on these running logs. Turning a site off hides its badges.">
      {BUILT_IN_SITES.map(({ id, label, host }) => (
        <CheckboxField
          key={id}
          id={`site-${id}`}
          label={label}
          description={host}
          checked={draft.sites[id]}
          onChange={(checked) => onChange({ sites: { ...draft.sites, [id]: checked } })}
        />
      ))}
      <CheckboxField
        id="fallback-card"
        label="Card when a page is not recognised"
        description="If a running log's layout changed and badges cannot be placed, show this week's load in one small card at the bottom of the page."
        checked={draft.fallbackCard}
        onChange={(checked) => onChange({ fallbackCard: checked })}
      />
    </Section>
  );
}
