// Content script <-> background: a badge's words (lib/badge/view, badgeViewsFrom) are made by the
// background from the runs this page read, and only placed here. The engine, its number and date
// formatting and the explanation's sentences would be a third of each content script's 10 KB
// budget. The answer is validated here like any message: plain strings of bounded length, a
// known level, one entry per first day asked for (else no badge for that week).
import type { BadgeView, ChipLevel } from '../badge/view';
import type { Coverage } from '../load/context';
import type { Run } from '../load/types';
import type { Settings } from '../settings/defaults';

export const BADGE_VIEWS = 'knee-check:badge-views';

export interface BadgeViewsRequest {
  type: typeof BADGE_VIEWS;
  runs: Run[];
  /** "YYYY-MM-DD": the first day of each week a badge is for. */
  firstDays: string[];
  /** The page's local date ("YYYY-MM-DD") and wall clock ("YYYY-MM-DDTHH:mm"). */
  today: string;
  now?: string;
  /** What the runs cover (the adapter's notes). */
  coverage?: Coverage;
  /** The settings this script has (from the background: sanitized again there). */
  settings: Settings;
}

const LEVELS: readonly ChipLevel[] = ['ok', 'caution', 'high', 'unknown'];
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= 600;

function viewOf(raw: unknown): BadgeView | null {
  const v = raw as Partial<Record<keyof BadgeView, unknown>> | null;
  if (typeof v !== 'object' || v === null || !LEVELS.includes(v.level as ChipLevel)) return null;
  const { label, text: chip, ariaLabel, title, lines, evidence, cta } = v;
  if (![label, chip, ariaLabel, title, evidence, cta].every(text)) return null;
  if (!Array.isArray(lines) || lines.length > 8 || !lines.every(text)) return null;
  return { level: v.level as ChipLevel, label, text: chip, ariaLabel, title, lines: [...lines], evidence, cta } as BadgeView;
}

/** The background's answer, for `count` first days: a view or null each. */
export function sanitizeViews(raw: unknown, count: number): (BadgeView | null)[] {
  const list = Array.isArray(raw) && raw.length === count ? raw : [];
  return Array.from({ length: count }, (_, i) => viewOf(list[i]));
}
