// "Copy summary for your clinician": plain text of the runner's answers and the result. Pure.
import { localToday } from '../load/dates';
import type { TriageResult } from '../triage/types';
import { percentChange, type Answers } from './answers';
import {
  AGGRAVATOR_CHOICES,
  DURATION_CHOICES,
  FEEL_CHOICES,
  HISTORY_CHOICES,
  LOCATION_CHOICES,
  MECHANICAL_CHOICES,
  ONSET_CHOICES,
  RESTED_CHOICES,
  SETTLES_CHOICES,
  SEX_CHOICES,
  SIDE_CHOICES,
  SIGN_CHOICES,
  STIFFNESS_CHOICES,
  SWELLING_CHOICES,
  TIMING_CHOICES,
  TRAINING_FLAG_CHOICES,
  labelOf,
  type Choice,
} from './questions';

const NOT_ANSWERED = 'not answered';

function many<V extends string>(choices: readonly Choice<V>[], values: readonly V[], none = 'none'): string {
  return values.length ? values.map((v) => labelOf(choices, v)).join('; ') : none;
}

function one<V extends string>(choices: readonly Choice<V>[], value: V | undefined): string {
  return value ? labelOf(choices, value) : NOT_ANSWERED;
}

/**
 * Plain match words for a condition's fit (never the raw number). The engine's score is a 0..100
 * fit where 50 is a typical distractor and a textbook pattern scores 95+ (lib/triage/rank.ts).
 */
export const STRONG_MATCH_SCORE = 80;
const POSSIBLE_MATCH_SCORE = 50;
export function matchLabel(score: number): 'Strong match' | 'Possible match' | 'Less likely' {
  if (score >= STRONG_MATCH_SCORE) return 'Strong match';
  return score >= POSSIBLE_MATCH_SCORE ? 'Possible match' : 'Less likely';
}

/**
 * The conditions to show: the first three; after the emergency shortcut only those the reported
 * warning signs point to (the rest would rest on questions never asked).
 */
export function shownConditions(result: TriageResult, shortcut = false): TriageResult['conditions'] {
  if (!shortcut) return result.conditions.slice(0, 3);
  const flagged = new Set(result.redFlags.map((f) => f.condition));
  return result.conditions.filter((c, i) => flagged.has(c.id) || (i === 0 && flagged.size === 0)).slice(0, 3);
}

export interface SummaryOptions {
  /** When the emergency shortcut skipped the later questions. */
  shortcut?: boolean;
  now?: Date;
}

function answerLines(answers: Answers): string[] {
  const t = answers.training;
  const lines = [
    `How it started: ${one(ONSET_CHOICES, answers.onset)}`,
    `Warning signs: ${many(SIGN_CHOICES, answers.signs)}`,
    `Where: ${many(LOCATION_CHOICES, answers.locations, NOT_ANSWERED)}${answers.side ? ` (${labelOf(SIDE_CHOICES, answers.side).toLowerCase()} knee)` : ''}`,
    `When it hurts: ${many(TIMING_CHOICES, answers.timing, NOT_ANSWERED)}`,
    `What it feels like: ${many(FEEL_CHOICES, answers.feel, NOT_ANSWERED)}`,
    `Worse with: ${many(AGGRAVATOR_CHOICES, answers.worseWith, NOT_ANSWERED)}`,
    `Swelling: ${one(SWELLING_CHOICES, answers.swelling)}`,
    `Catching, locking, giving way: ${many(MECHANICAL_CHOICES, answers.mechanical)}`,
    `Age: ${answers.age.trim() || NOT_ANSWERED}`,
    `Sex: ${one(SEX_CHOICES, answers.sex)}`,
    `How long: ${one(DURATION_CHOICES, answers.duration)}`,
    `Settles within 48 hours: ${one(SETTLES_CHOICES, answers.settles)}`,
    `A week or more off running: ${one(RESTED_CHOICES, answers.rested)}`,
    `Morning stiffness: ${one(STIFFNESS_CHOICES, answers.stiffness)}`,
    `History: ${many(HISTORY_CHOICES, answers.history)}`,
  ];
  const u = t.units;
  const weekly = percentChange(t.thisWeek, t.lastWeek);
  if (t.thisWeek || t.lastWeek) {
    lines.push(
      `Last 7 days: ${t.thisWeek || '?'} ${u}; the 7 days before: ${t.lastWeek || '?'} ${u}` +
        (weekly !== undefined ? ` (${weekly >= 0 ? '+' : ''}${weekly} %)` : ''),
    );
  }
  const spike = percentChange(t.latestRun, t.longestBefore);
  if (t.latestRun || t.longestBefore) {
    lines.push(
      `Latest run: ${t.latestRun || '?'} ${u}; longest run of the 30 days before: ${t.longestBefore || '?'} ${u}` +
        (spike !== undefined ? ` (${spike >= 0 ? '+' : ''}${spike} %)` : ''),
    );
  }
  if (t.shoe) lines.push(`Distance on current shoes: ${t.shoe} ${u}`);
  if (t.flags.length) lines.push(`Training: ${many(TRAINING_FLAG_CHOICES, t.flags)}`);
  if (t.prefill) lines.push(`(Distances filled in from ${t.prefill.runs} runs captured from the running log.)`);
  return lines;
}

export function summaryText(answers: Answers, result: TriageResult, options: SummaryOptions = {}): string {
  const now = options.now ?? new Date();
  const out: string[] = [
    `Knee Check summary, ${localToday(now)}`,
    '',
    `Care level: ${result.careSummary.title}`,
    result.careSummary.action,
  ];
  if (result.redFlags.length) {
    // Each sign with where to go for THAT sign (the most urgent first, as the result lists them).
    out.push('', 'Warning signs reported:', ...result.redFlags.map((f) => `- ${f.message}\n    where to go: ${f.place}`));
  }
  out.push('', 'Possible causes (not a diagnosis):');
  shownConditions(result, options.shortcut).forEach((c) => {
    out.push(`- ${c.name} (${matchLabel(c.score).toLowerCase()})`);
    if (!options.shortcut) for (const why of c.why) out.push(`    because: ${why}`);
  });
  if (result.plan.now.length) out.push('', 'What to do now:', ...result.plan.now.map((s) => `- ${s}`));
  if (result.plan.load.summary) out.push('', `Training: ${result.plan.load.summary}`);
  out.push('', 'Answers:');
  if (options.shortcut) out.push('(Stopped after the warning-sign questions: the rest was not asked.)');
  out.push(...answerLines(answers).map((l) => `- ${l}`));
  if (result.sources.length) {
    out.push('', 'Sources:', ...result.sources.map((src) => `- ${src.title} (${src.citation}): ${src.url}`));
  }
  out.push('', result.disclaimer);
  return out.join('\n');
}
