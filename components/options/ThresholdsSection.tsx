// The runner's thresholds, each with what it means and how strong its evidence is (evidence.md §1).
// Ordered by the strength of that evidence: the single-run spike is the best-supported warning.
import { EVIDENCE_STRENGTH_LABELS, NUMBER_LIMITS, THRESHOLD_INFO, type NumberSettingKey } from '@/lib/settings';
import { NumberField } from '../ui/NumberField';
import { SHOE_MILES_LIMITS, type DraftErrors, type SettingsDraft } from './draft';
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

/** In miles, what the typed limit is in km (it is kept in km). */
function kmHint(draft: SettingsDraft): string | undefined {
  if (draft.units !== 'mi') return undefined;
  const km = Number(draft.shoeKmLimit);
  return draft.shoeShown.trim() !== '' && Number.isFinite(km) && km > 0 ? `\u2248 ${km} km` : undefined;
}

/** The box's text, range and unit: the shoe limit in the runner's units, the rest as stored. */
function shown(key: NumberSettingKey, draft: SettingsDraft) {
  const limits = NUMBER_LIMITS[key];
  if (key === 'shoeKmLimit' && draft.units === 'mi') return { value: draft.shoeShown, ...SHOE_MILES_LIMITS, unit: 'mi' };
  return { value: draft[key], min: limits.min, max: limits.max, unit: limits.unit };
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
        const { value, min, max, unit } = shown(key, draft);
        return (
          <NumberField
            key={key}
            id={thresholdInputId(key)}
            label={info.label}
            value={value}
            min={min}
            max={max}
            unit={unit}
            help={info.meaning}
            hint={key === 'shoeKmLimit' ? kmHint(draft) : undefined}
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
