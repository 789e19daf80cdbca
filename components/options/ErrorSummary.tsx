// At the top of the settings form after a save that failed: every field that needs fixing, each a
// link that moves focus to it. It follows the fixes (a fixed field leaves the list) and goes once
// nothing is left.
import type { RefObject } from 'preact';
import type { NumberSettingKey } from '@/lib/settings';
import type { DraftErrors } from './draft';
import { thresholdInputId } from './ThresholdsSection';

/** Where each field lives on the page (an input, or the section that holds it). */
function targetId(field: string): string {
  if (field === 'spikePct' || field === 'weeklyIncreasePct' || field === 'shoeKmLimit') return thresholdInputId(field);
  if (field.startsWith('sites.')) return `site-${field.slice('sites.'.length)}`;
  if (field === 'units' || field === 'weekStartsOn') return 'units';
  if (field === 'customSites') return 'your-sites';
  return 'thresholds';
}

export function ErrorSummary({
  errors,
  order,
  boxRef,
}: {
  errors: DraftErrors;
  order: readonly NumberSettingKey[];
  /** The box, focused after a failed save so it is read first. */
  boxRef: RefObject<HTMLDivElement | null>;
}) {
  const rank = (field: string) => {
    const at = order.indexOf(field as NumberSettingKey);
    return at === -1 ? order.length : at;
  };
  const entries = Object.entries(errors)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  const go = (event: Event, id: string) => {
    event.preventDefault();
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center' });
    (el?.matches('input, button, select, textarea') ? el : el?.querySelector<HTMLElement>('input, button'))?.focus();
  };
  return (
    <div class="error-summary" id="error-summary" role="group" aria-labelledby="error-summary-title" tabIndex={-1} ref={boxRef}>
      <h2 id="error-summary-title" class="error-summary__title">
        {entries.length === 1 ? 'One field needs fixing before you save' : `${entries.length} fields need fixing before you save`}
      </h2>
      <ul>
        {entries.map(([field, message]) => {
          const id = targetId(field);
          return (
            <li key={field}>
              <a href={`#${id}`} onClick={(event) => go(event, id)}>
                {message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
