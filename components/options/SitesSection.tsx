// Which supported running logs get knee-load badges.
import { SITE_IDS, SITE_LABELS, type SiteId } from '@/lib/settings';
import { CheckboxField } from '../ui/CheckboxField';
import type { SettingsDraft } from './draft';
import { Section } from './Section';

const SITE_HOSTS: Record<SiteId, string> = {
  strava: 'www.strava.com',
  garmin: 'connect.garmin.com',
  intervals: 'intervals.icu',
};

export interface SitesSectionProps {
  draft: SettingsDraft;
  onChange: (patch: Partial<SettingsDraft>) => void;
}

export function SitesSection({ draft, onChange }: SitesSectionProps) {
  return (
    <Section id="sites" title="Sites" intro="Show knee-load badges on these running logs. Turning a site off hides its badges.">
      {SITE_IDS.map((id) => (
        <CheckboxField
          key={id}
          id={`site-${id}`}
          label={SITE_LABELS[id]}
          description={SITE_HOSTS[id]}
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
