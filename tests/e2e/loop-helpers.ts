// Shared by the loop's end-to-end specs (loop, diary, whole-loop): dates relative to the browser's
// today, storage seeded from an extension page, axe, and the checker's answers for a result.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { emptyAnswers } from '../../lib/checker/answers';
import { localDay as dayOf } from '../../lib/history/validate';
import { expect } from './fixtures';

// The page's own extension API, inside page.evaluate (typed loosely: only storage is used).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The local calendar day `offset` days from today ("YYYY-MM-DD"). */
export function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return dayOf(d);
}

/** Set storage.local values from an extension page. */
export async function seed(page: Page, values: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (v) => chrome.storage.local.set(v), values);
}

/** No axe violation at all, in light and in dark. */
export async function axeClean(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations,
      `${what}, ${colorScheme}: ${results.violations.map((v) => `${v.id} ${v.nodes[0]?.target}`).join('; ')}`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The checker's answers: nothing answered, then `overrides`. */
export function answers(overrides: Record<string, unknown> = {}) {
  return { ...emptyAnswers(), ...overrides };
}

/** Answers that lead to managing the load (iliotibial band syndrome the likely cause): a plan can start from them. */
export const ITB_ANSWERS = {
  onset: 'gradual',
  locations: ['outside'],
  swelling: 'none',
  age: '35',
  timing: ['late-in-run'],
  worseWith: ['downhill', 'long-runs'],
};

/**
 * The checker's stored state on its result screen with these answers, to seed. This version's
 * shape: the state alone, its version in WXT's meta (lib/checker/storage.ts).
 */
export function checkerAtResult(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    'checker-answers$': { v: 2 },
    'checker-answers': { screen: 'result', shortcut: false, updatedAt: new Date().toISOString(), answers: answers(overrides) },
  };
}
