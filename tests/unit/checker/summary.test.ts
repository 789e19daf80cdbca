import { describe, expect, it } from 'vitest';
import { matchLabel, shownConditions, summaryText } from '../../../lib/checker/summary';
import type { TriageResult } from '../../../lib/triage/types';
import { ITB_ANSWERS, answers } from './helpers';

const plan = {
  now: ['Stop each run before the pain starts.'],
  avoid: [],
  load: { summary: '', steps: [] },
  strength: [],
  returnToRun: { readiness: [], steps: [], painRules: [] },
  escalate: [],
  itemIds: [],
};

const RESULT: TriageResult = {
  care: 'modify-load',
  careSummary: { title: 'You can manage this yourself', action: 'Cut back the running that provokes it.' },
  redFlags: [],
  conditions: [
    { id: 'itb-syndrome', name: 'ITB syndrome', score: 97, why: ['Pain on the outside of the knee'], against: [], sources: [] },
    { id: 'patellofemoral-pain', name: "Runner's knee", score: 60, why: ['Stairs'], against: [], sources: [] },
    { id: 'fat-pad-irritation', name: 'Fat pad', score: 12, why: [], against: [], sources: [] },
    { id: 'meniscal-irritation', name: 'Meniscus', score: 5, why: [], against: [], sources: [] },
  ],
  plan: { ...plan, load: { summary: 'Cut the running that provokes it.', steps: [] } },
  sources: [
    {
      id: 'itb-review',
      citation: 'Strauss EJ, et al. 2011',
      title: 'Iliotibial band syndrome: evaluation and management',
      url: 'https://pubmed.ncbi.nlm.nih.gov/?term=x',
    },
  ],
  disclaimer: 'Information, not a diagnosis.',
};

describe('summary for a clinician', () => {
  it('holds the care level, the likely causes with reasons, what to do now, every answer and the disclaimer', () => {
    const text = summaryText(ITB_ANSWERS, RESULT, { now: new Date(2026, 2, 18, 21, 0) });
    expect(text).toContain('Knee Check summary, 2026-03-18');
    expect(text).toContain('Care level: You can manage this yourself');
    expect(text).toContain('- ITB syndrome (strong match)');
    expect(text).toContain('    because: Pain on the outside of the knee');
    expect(text).toContain("- Runner's knee (possible match)");
    expect(text).toContain('- Fat pad (less likely)');
    expect(text).not.toContain('Meniscus');
    expect(text).toContain('- Stop each run before the pain starts.');
    expect(text).toContain('Training: Cut the running that provokes it.');
    expect(text).toContain(
      'Sources:\n- Iliotibial band syndrome: evaluation and management (Strauss EJ, et al. 2011): https://pubmed.ncbi.nlm.nih.gov/?term=x',
    );
    expect(text).toContain('- Where: Outside of the knee (left knee)');
    expect(text).toContain('- Age: 27');
    expect(text).toContain('- Last 7 days: 48 km; the 7 days before: 30 km (+60 %)');
    expect(text).toContain('- Latest run: 21 km; longest run of the 30 days before: 15 km (+40 %)');
    expect(text.trim().endsWith('Information, not a diagnosis.')).toBe(true);
    expect(text).not.toMatch(/\b97\b/); // no raw scores
  });

  it('after the emergency shortcut, says the rest was not asked and quotes no reasons', () => {
    const result: TriageResult = {
      ...RESULT,
      care: 'emergency',
      redFlags: [
        {
          id: 'hot',
          message: 'A hot red knee.',
          care: 'emergency',
          condition: 'septic-arthritis',
          place: 'Emergency department now.',
          sources: [],
        },
      ],
      conditions: [
        { id: 'septic-arthritis', name: 'Joint infection', score: 79, why: ['A deep ache (default)'], against: [], sources: [] },
        ...RESULT.conditions,
      ],
    };
    const text = summaryText(answers({ onset: 'gradual', signs: ['hot-red-knee'] }), result, { shortcut: true });
    expect(text).toContain('Warning signs reported:\n- A hot red knee.\n    where to go: Emergency department now.');
    expect(text).toContain('(Stopped after the warning-sign questions: the rest was not asked.)');
    expect(text).toContain('- Joint infection (possible match)');
    expect(text).not.toContain('because:');
    expect(text).not.toContain('ITB');
    expect(text).toContain('- Age: not answered');
  });

  it('names matches in words', () => {
    expect([95, 80, 79, 50, 49, 0].map(matchLabel)).toEqual([
      'Strong match',
      'Strong match',
      'Possible match',
      'Possible match',
      'Less likely',
      'Less likely',
    ]);
    expect(shownConditions(RESULT).map((c) => c.id)).toEqual(['itb-syndrome', 'patellofemoral-pain', 'fat-pad-irritation']);
  });
});
