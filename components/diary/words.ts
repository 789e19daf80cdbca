// Words the diary screens (options page, clinician summary) share for stored values.
import { CARE_LEVEL_INFO } from '@/lib/triage/care';
import { levelInfo, TOP_LEVEL } from '@/lib/loop/return-levels';
import type { CareLevel } from '@/lib/triage/types';
import type { Episode } from '@/lib/diary';

export const MORNING_WORDS = { usual: 'Back to usual', 'not-settled': 'Not quite settled', worse: 'Worse than usual' } as const;
export const LIGHT_WORDS = { green: 'Green: safe', amber: 'Amber: hold', red: 'Red: too much' } as const;
export const SIDE_WORDS = { left: 'left knee', right: 'right knee', both: 'both knees' } as const;

export function careWords(care: CareLevel): string {
  return CARE_LEVEL_INFO[care].label;
}

/** "Level 3 of 8: Run 3 min, walk 2 min". */
export function levelWords(level: number): string {
  return `Level ${level} of ${TOP_LEVEL}: ${levelInfo(level).summary}`;
}

/** "ITB syndrome, left knee". */
export function episodeTitle(episode: Episode): string {
  return `${episode.topCauseName}${episode.side ? `, ${SIDE_WORDS[episode.side]}` : ''}`;
}
