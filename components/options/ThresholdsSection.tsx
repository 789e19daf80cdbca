// The runner's thresholds, each with what it means and how strong its evidence is (evidence.md §1).
// Ordered by the strength of that evidence: the single-run spike is the best-supported warning.
import {
  EVIDENCE_STRENGTH_LABELS,
  NUMBER_LIMITS,
  THRESHOLD_INFO,
  kmToWholeMiles,
  type NumberSettingKey,
} from '@/lib/settings';
import { NumberField } from '../ui/NumberField';
import type { DraftErrors, SettingsDraft } from './draft';
import { Section } from './Section';

/** Display order of the thresholds (also the order invalid fields are focused in). */
export const THRESHOLD_ORDER: readonly NumberSettingKey[] = ['spikePct', 'weeklyIncreasePct', 'shoeKmLimit'];

export const thresholdInputId = (key: NumberSettingKey) => `threshold-${key}`;

export interface ThresholdsSectionProps {
  draft: SettingsDraft;
  errors: DraftErrors;
  onInput: (key: NumberSettingKey, text: string) => void;
  onBlur: (key: NumberSettingKey, event: FocusEvent) => void;
}

function milesHint(draft: SettingsDraft): string | undefined {
  if (draft.units !== 'mi') return undefined;
  const km = Number(draft.shoeKmLimit);
  return draft.shoeKmLimit.trim() !== '' && Number.isFinite(km) && km > 0 ? `\u2248 ${kmToWholeMiles(km)} mi` : undefined;
}

export function ThresholdsSection({ draft, errors, onInput, onBlur }: ThresholdsSectionProps) {
  return (
    <Section
      id="thresholds"
      title="Your thresholds"
      intro="Knee Check compares your runs with these numbers. The evidence behind them differs a lot, so each one says how strong it is."
    >
      {THRESHOLD_ORDER.map((key) => {
        const info = THRESHOLD_INFO[key];
        const { min, max, unit } = NUMBER_LIMITS[key];
        return (
          <NumberField
            key={key}
            id={thresholdInputId(key)}
            label={info.label}
            value={draft[key]}
            min={min}
            max={max}
            unit={unit}
            help={info.meaning}
            hint={key === 'shoeKmLimit' ? milesHint(draft) : undefined}
            error={errors[key]}
            onInput={(text) => onInput(key, text)}
            onBlur={(event) => onBlur(key, event)}
          >
            <p class="field__note">
              <strong>{EVIDENCE_STRENGTH_LABELS[info.strength]}:</strong> {info.evidence}
            </p>
          </NumberField>
        );
      })}
    </Section>
  );
}
