// The toolbar popup in real Chromium: a full flow per care level answered through the UI, the
// emergency shortcut, persistence across reopening, start over, a keyboard-only run, axe on every
// screen (light and dark), units, prefill from captured runs, copy summary and the settings link.
// Flows are clinically typical presentations (the shared vignettes K01, K02, K04, K10, K20, K21);
// the engine decides the care level, the test only reads what the popup shows.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { CARE_LEVEL_INFO } from '../../lib/triage/care';
import type { CareLevel, ConditionId } from '../../lib/triage/types';
import { expect, test } from './fixtures';

// The page's own extension API, used inside page.evaluate (not a Node global).
interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
declare const chrome: { storage: { local: StorageArea; sync: StorageArea } };

// Every run saves the screenshots under test-results; UPDATE_SCREENSHOTS=1 refreshes the README's
// copies in docs/screenshots (so an ordinary test run leaves the work tree clean).
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

interface Flow {
  name: string;
  care: CareLevel;
  condition: ConditionId;
  conditionName: RegExp;
  onset: string;
  signs?: string[];
  where: string[];
  /** Toggle these through the knee drawing instead of the checkboxes: [view, region]. */
  whereByDrawing?: [string, string][];
  side?: string;
  timing?: string[];
  feel?: string[];
  worse?: string[];
  swelling: string;
  mechanical?: string[];
  age: string;
  sex?: string;
  duration: string;
  settles?: string;
  rested?: string;
  stiffness?: string;
  history?: string[];
  training?: { thisWeek?: string; lastWeek?: string; latestRun?: string; longestBefore?: string; shoe?: string; flags?: string[] };
}

const FLOWS: Flow[] = [
  {
    // K01: a child with a hot, red, swollen knee and a fever (septic arthritis).
    name: 'hot red swollen knee with a fever',
    care: 'emergency',
    condition: 'septic-arthritis',
    conditionName: /septic arthritis/i,
    onset: 'Gradually',
    signs: ['Your knee is hot and red', 'You feel feverish or unwell', "You're limping"],
    where: ['Deep inside or all over'],
    side: 'Right',
    timing: ["At rest, when you're not running"],
    feel: ['A dull ache', 'Sharp'],
    swelling: 'Swollen most of the time',
    age: '11',
    sex: 'Female',
    duration: '1–3 days',
    training: { flags: ["You've been running for less than 6 months"] },
  },
  {
    // K04: calf swelling after three weeks in a boot (DVT).
    name: 'swollen calf after immobilisation',
    care: 'same-day',
    condition: 'dvt',
    conditionName: /deep vein thrombosis|DVT|blood clot/i,
    onset: 'Gradually',
    signs: ['Your calf is swollen, tender or warm'],
    where: [],
    whereByDrawing: [['back', 'back']],
    side: 'Left',
    timing: ['All through the run', "At rest, when you're not running"],
    feel: ['A dull ache'],
    worse: ['Long runs'],
    swelling: 'No swelling',
    age: '27',
    sex: 'Female',
    duration: '4–7 days',
    history: ['A long journey, an operation, a cast or bed rest'],
    training: { flags: ["You're coming back after a break"] },
  },
  {
    // K10: other joints swollen, an hour of morning stiffness (inflammatory arthritis).
    name: 'several joints and long morning stiffness',
    care: 'see-clinician',
    condition: 'inflammatory-arthritis',
    conditionName: /inflammatory arthritis/i,
    onset: 'Gradually',
    signs: ['Other joints are swollen or stiff too'],
    where: ['Deep inside or all over'],
    side: 'Both',
    timing: ['The next morning', 'At the start of a run, easing as you warm up'],
    feel: ['Stiff', 'A dull ache'],
    swelling: 'Swollen most of the time',
    age: '29',
    sex: 'Female',
    duration: '1–3 months',
    settles: 'No, it lasts longer',
    stiffness: 'More than an hour',
    training: { thisWeek: '30', lastWeek: '30' },
  },
  {
    // K20: outside-knee pain at a predictable distance after a mileage jump (ITB syndrome).
    name: 'ITB pattern after a mileage jump',
    care: 'modify-load',
    condition: 'itb-syndrome',
    conditionName: /iliotibial band|ITB/i,
    onset: 'Gradually',
    where: ['Outside of the knee'],
    side: 'Left',
    timing: ['Part-way into a run', 'Only after running'],
    feel: ['Sharp', 'Burning'],
    worse: ['Running downhill', 'Long runs', 'Stairs'],
    swelling: 'No swelling',
    age: '27',
    sex: 'Male',
    duration: '1–2 weeks',
    settles: 'No, it lasts longer',
    training: { thisWeek: '48', lastWeek: '30', latestRun: '21', longestBefore: '15', flags: ['You run mostly on hard or sloping'] },
  },
  {
    // K21: sore thighs the morning after a long downhill run, settling (muscle soreness).
    name: 'thigh soreness that settles',
    care: 'keep-running',
    condition: 'muscle-soreness',
    conditionName: /muscle soreness/i,
    onset: 'Gradually',
    where: ['Thigh muscles'],
    side: 'Both',
    timing: ['The next morning'],
    feel: ['Stiff', 'A dull ache'],
    worse: ['Stairs', 'Running downhill'],
    swelling: 'No swelling',
    age: '57',
    sex: 'Male',
    duration: '1–3 days',
    settles: 'Yes, it settles',
    stiffness: 'Less than 30 minutes',
    training: { thisWeek: '42', lastWeek: '35', latestRun: '25', longestBefore: '20', shoe: '350' },
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Labels are matched from their start (a hint may follow), so "Male" never matches "Female". */
const starts = (label: string) => new RegExp(`^${escape(label)}`);
const group = (page: Page, id: string) => page.locator(`[id="q-${id}"]`);

async function openPopup(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  // The fixture has already let the install-time options tab open, so this tab stays ours.
  const page = await openExtensionPage('popup.html');
  await page.setViewportSize({ width: 380, height: 600 });
  await expect(page.locator('h1')).toBeVisible();
  return page;
}

async function tick(page: Page, id: string, labels: readonly string[] = []) {
  for (const label of labels) await group(page, id).getByLabel(starts(label)).check();
}

async function choose(page: Page, id: string, label: string | undefined) {
  if (label) await group(page, id).getByLabel(starts(label)).check();
}

async function next(page: Page) {
  await page.locator('form.step button[type="submit"]').click();
}

async function expectStep(page: Page, n: number, heading: string) {
  await expect(page.locator('.progress-label')).toHaveText(new RegExp(`^Step ${n} of 6`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

async function expectNoSeriousAxe(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}

/** Steps 2-6 of a flow (after the warning-sign screen). */
async function answerRest(page: Page, flow: Flow, axe = false) {
  await expectStep(page, 2, 'Where does it hurt?');
  await tick(page, 'locations', flow.where);
  for (const [view, region] of flow.whereByDrawing ?? []) {
    await page.locator(`svg[data-view="${view}"] [data-region="${region}"]`).click();
  }
  await choose(page, 'side', flow.side);
  if (axe) await expectNoSeriousAxe(page, 'where');
  await next(page);

  await expectStep(page, 3, 'When and how does it hurt?');
  await tick(page, 'timing', flow.timing);
  await tick(page, 'feel', flow.feel);
  await tick(page, 'worseWith', flow.worse);
  if (axe) await expectNoSeriousAxe(page, 'pattern');
  await next(page);

  await expectStep(page, 4, 'Swelling, locking, giving way');
  await choose(page, 'swelling', flow.swelling);
  await tick(page, 'mechanical', flow.mechanical);
  if (axe) await expectNoSeriousAxe(page, 'swelling');
  await next(page);

  await expectStep(page, 5, 'About you');
  await page.getByLabel('Your age').fill(flow.age);
  await choose(page, 'sex', flow.sex);
  await choose(page, 'duration', flow.duration);
  await choose(page, 'settles', flow.settles);
  await choose(page, 'rested', flow.rested);
  await choose(page, 'stiffness', flow.stiffness);
  await tick(page, 'history', flow.history);
  if (axe) await expectNoSeriousAxe(page, 'about');
  await next(page);

  await expectStep(page, 6, 'Your training');
  const t = flow.training ?? {};
  if (t.thisWeek) await page.getByLabel(/^Last 7 days/).fill(t.thisWeek);
  if (t.lastWeek) await page.getByLabel(/^The 7 days before/).fill(t.lastWeek);
  if (t.latestRun) await page.getByLabel(/^Your latest run/).fill(t.latestRun);
  if (t.longestBefore) await page.getByLabel(/^Longest run in the 30 days/).fill(t.longestBefore);
  if (t.shoe) await page.getByLabel(/^Distance on your current shoes/).fill(t.shoe);
  await tick(page, 'training.flags', t.flags);
  if (axe) await expectNoSeriousAxe(page, 'training');
  await page.getByRole('button', { name: 'See my result' }).click();
}

async function expectResult(page: Page, care: CareLevel, condition: ConditionId, conditionName: RegExp) {
  const banner = page.getByTestId('care-banner');
  await expect(banner).toContainText(`Care level: ${CARE_LEVEL_INFO[care].label}`);
  await expect(page.locator('.result')).toHaveAttribute('data-care', care);
  const top = page.locator('.condition').first();
  await expect(top).toHaveAttribute('data-condition', condition);
  await expect(top.locator('.condition-name')).toHaveText(conditionName);
  // Announced: inside a polite live region that was on the page before the result arrived.
  await expect(page.locator('[aria-live="polite"]')).toContainText(CARE_LEVEL_INFO[care].label);
  await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeFocused();
  await expect(page.locator('.disclaimer')).toHaveCount(1);
}

test.describe('popup checker', () => {
  // A full flow is ~40 actions plus axe scans; leave room on a busy two-core machine.
  test.describe.configure({ timeout: 120_000 });

  for (const flow of FLOWS) {
    test(`full flow → ${flow.care}: ${flow.name}`, async ({ openExtensionPage }) => {
      const page = await openPopup(openExtensionPage);
      await expect(page.locator('.progress-label')).toHaveText(/^Step 1 of 6/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('First, any warning signs?');
      await choose(page, 'onset', flow.onset);
      await tick(page, 'signs', flow.signs);
      await next(page);
      if (flow.care === 'emergency' || flow.care === 'same-day') {
        // An emergency or same-day sign goes straight to the result; answering the rest must not change it.
        await expectResult(page, flow.care, flow.condition, flow.conditionName);
        await page.getByRole('button', { name: 'Answer the rest to see the likely causes' }).click();
      }
      await answerRest(page, flow);
      await expectResult(page, flow.care, flow.condition, flow.conditionName);
      await expect(page.locator('.shortcut-note')).toHaveCount(0);
      // Reasons quote the runner's own answers.
      await expect(page.locator('.condition').first().locator('.why li').first()).toBeVisible();
      if (flow.care === 'emergency') {
        // "Go now" leads; a less urgent sign's advice ("within days") is set apart, never mixed in.
        await expect(page.locator('.flag-list:not(.flag-list-other) li')).toHaveCount(1);
        await expect(page.locator('.flag-list:not(.flag-list-other) li')).toContainText('emergency department now');
        await expect(page.locator('.flag-list-other li').first()).toBeVisible();
      }
      await page.screenshot({ path: `${SCREENSHOTS}/popup-${flow.care}.png`, fullPage: true });
    });
  }

  test('emergency shortcut: a warning sign after a fall goes straight to the emergency result', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'After a fall or a blow');
    await tick(page, 'signs', ["You can't take 4 steps on it", 'One spot on the bone hurts to press']);
    await next(page);
    await expectResult(page, 'emergency', 'fracture', /fracture/i);
    await expect(page.locator('.shortcut-note')).toContainText('the other questions were skipped');
    await expect(page.locator('.progress')).toHaveCount(0);
    // No reasons are quoted from questions that were never asked.
    await expect(page.locator('.why')).toHaveCount(0);
    await expect(page.locator('.flag-list li')).not.toHaveCount(0);
    await expectNoSeriousAxe(page, 'shortcut result');
  });

  test('a warning sign that needs a clinician within days continues the questions', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'Gradually');
    await tick(page, 'signs', ['Other joints are swollen or stiff too']);
    await next(page);
    await expectStep(page, 2, 'Where does it hurt?');
  });

  test('required answers: Next explains what is missing and focuses it', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    await next(page);
    await expect(page.getByRole('alert')).toContainText('Choose how it started.');
    await expect(group(page, 'onset').getByRole('radio').first()).toBeFocused();
    await choose(page, 'onset', 'Gradually');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await next(page);
    await next(page);
    await expect(page.getByRole('alert')).toContainText('Choose at least one place');
    await expect(group(page, 'locations').getByRole('checkbox').first()).toBeFocused();
  });

  test('answers persist when the popup closes and reopens; start over clears them', async ({ openExtensionPage }) => {
    let page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'Suddenly, with a twist');
    await next(page);
    await tick(page, 'locations', ['Inside of the knee']);
    await page.locator('svg[data-view="front"] [data-region="joint-line"]').click();
    await expect(group(page, 'locations').getByLabel(starts('Along the joint line'))).toBeChecked();
    await page.close();

    page = await openPopup(openExtensionPage);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where does it hurt?');
    await expect(page.locator('.notice')).toHaveText('Welcome back: your answers were kept.');
    await expect(group(page, 'locations').getByLabel(starts('Inside of the knee'))).toBeChecked();
    await expect(group(page, 'locations').getByLabel(starts('Along the joint line'))).toBeChecked();
    await expect(page.locator('svg[data-view="front"] [data-region="inside"]')).toHaveClass(/\bon\b/);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(group(page, 'onset').getByLabel(starts('Suddenly, with a twist'))).toBeChecked();

    // Health answers stay in local storage; nothing goes to sync.
    const stored = await page.evaluate(async () => ({
      local: Object.keys(await chrome.storage.local.get(null)),
      sync: Object.keys(await chrome.storage.sync.get(null)),
    }));
    expect(stored.local).toContain('checker-answers');
    expect(stored.sync).toEqual([]);

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.locator('.notice')).toHaveText('Your answers were cleared.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First, any warning signs?');
    await expect(group(page, 'onset').getByRole('radio', { checked: true })).toHaveCount(0);
    await page.close();

    page = await openPopup(openExtensionPage);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First, any warning signs?');
    await expect(group(page, 'onset').getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(page.locator('.notice')).toBeHidden();
  });

  test('a result survives reopening too', async ({ openExtensionPage }) => {
    let page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'Gradually');
    await tick(page, 'signs', ['The kneecap is out of place']);
    await next(page);
    await expect(page.getByTestId('care-banner')).toContainText(CARE_LEVEL_INFO.emergency.label);
    await page.close();
    page = await openPopup(openExtensionPage);
    await expect(page.getByTestId('care-banner')).toContainText(CARE_LEVEL_INFO.emergency.label);
    await expect(page.locator('.shortcut-note')).toBeVisible();
  });

  test('corrupt saved answers: starts afresh and says so', async ({ openExtensionPage }) => {
    let page = await openPopup(openExtensionPage);
    await page.evaluate(() => chrome.storage.local.set({ 'checker-answers': { screen: 'about', answers: 'garbage' } }));
    await page.close();
    page = await openPopup(openExtensionPage);
    await expect(page.locator('.notice')).toContainText('could not be read');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First, any warning signs?');
  });

  test('keyboard only: the ITB flow from first question to result', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    const kb = page.keyboard;
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        const text = (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
        return { name: el?.name ?? '', type: el?.type ?? '', text };
      });
    const tabUntil = async (ok: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
      for (let i = 0; i < 80; i++) {
        await kb.press('Tab');
        if (ok(await focused())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    const radio = async (name: string, label: string) => {
      await tabUntil((f) => f.name === name, `the ${name} group`);
      for (let i = 0; i < 12; i++) {
        const f = await focused();
        if (f.text.startsWith(label)) {
          await kb.press('Space');
          await expect(page.locator(`[id="q-${name}"]`).getByLabel(starts(label))).toBeChecked();
          return;
        }
        await kb.press('ArrowDown');
      }
      throw new Error(`no radio ${label}`);
    };
    const check = async (name: string, label: string) => {
      await tabUntil((f) => f.name === name && f.text.startsWith(label), label);
      await kb.press('Space');
      await expect(page.locator(`[id="q-${name}"]`).getByLabel(starts(label))).toBeChecked();
    };
    const submit = async (label: RegExp) => {
      await tabUntil((f) => f.type === 'submit' && label.test(f.text), String(label));
      // Focus is visible on the button.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      await kb.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    };

    await radio('onset', 'Gradually');
    await submit(/^Next$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await check('locations', 'Outside of the knee');
    await radio('side', 'Left');
    await submit(/^Next$/);
    await check('timing', 'Part-way into a run');
    await check('timing', 'Only after running');
    await check('feel', 'Sharp');
    await check('feel', 'Burning');
    await check('worseWith', 'Running downhill');
    await check('worseWith', 'Long runs');
    await submit(/^Next$/);
    await radio('swelling', 'No swelling');
    await submit(/^Next$/);
    await tabUntil((f) => f.name === '' && f.type === 'text', 'the age field');
    await kb.type('27');
    await radio('duration', '1–2 weeks');
    await radio('settles', 'No, it lasts longer');
    await submit(/^Next$/);
    await tabUntil((f) => f.type === 'text', 'the first distance');
    await kb.type('48');
    await kb.press('Tab');
    await kb.type('30');
    await kb.press('Tab');
    await kb.type('21');
    await kb.press('Tab');
    await kb.type('15');
    // Enter in a text field submits the step.
    await kb.press('Enter');
    await expectResult(page, 'modify-load', 'itb-syndrome', /iliotibial band|ITB/i);

    // The plan sections open from the keyboard too.
    await tabUntil((f) => f.text === 'What to avoid for now', 'the first plan section');
    await kb.press('Enter');
    await expect(page.locator('details.plan-section').first()).toHaveAttribute('open', '');
  });

  test('axe: no serious or critical issue on any screen, light and dark', async ({ openExtensionPage }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPopup(openExtensionPage);
      await page.emulateMedia({ colorScheme: scheme });
      if (scheme === 'dark') {
        // Dark mode really applies (theme.css variables).
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 24, 28)');
      }
      await expectNoSeriousAxe(page, `${scheme}: signs`);
      await next(page); // shows the error state
      await expectNoSeriousAxe(page, `${scheme}: signs with an error`);
      const flow = FLOWS[3]!;
      await choose(page, 'onset', flow.onset);
      await next(page);
      await answerRest(page, flow, true);
      await expectResult(page, flow.care, flow.condition, flow.conditionName);
      for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      await expectNoSeriousAxe(page, `${scheme}: result`);
      if (scheme === 'dark') await page.screenshot({ path: `${SCREENSHOTS}/popup-dark.png`, fullPage: true });
      await page.locator('.start-over').click();
      await page.close();
    }
  });

  test('fits 360-400 px without sideways scrolling', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    const width = await page.evaluate(() => document.body.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(360);
    expect(width).toBeLessThanOrEqual(400);
    await choose(page, 'onset', 'Gradually');
    await next(page);
    await expectStep(page, 2, 'Where does it hurt?');
    await tick(page, 'locations', ['Outside of the knee']);
    await page.locator('svg[data-view="outside"] [data-region="joint-line"]').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/popup-where.png` });
    for (const w of [360, 400]) {
      await page.setViewportSize({ width: w, height: 600 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });

  test('miles from settings, and training prefilled from captured runs (always editable)', async ({ openExtensionPage }) => {
    let page = await openPopup(openExtensionPage);
    const pad = (n: number) => String(n).padStart(2, '0');
    const daysAgo = (n: number) => {
      const d = new Date();
      d.setDate(d.getDate() - n);
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T07:00:00`;
    };
    const runs = [
      { site: 'strava', id: 'a', start: daysAgo(20), km: 16.0934 }, // 10 mi
      { site: 'strava', id: 'b', start: daysAgo(10), km: 8.04672 }, // 5 mi
      { site: 'strava', id: 'c', start: daysAgo(2), km: 20.1168 }, // 12.5 mi, +25 % on 10 mi
    ];
    await page.evaluate(([settings, runs]) => chrome.storage.local.set({ settings, 'captured-runs': { version: 1, runs } }), [
      { ...DEFAULT_SETTINGS, units: 'mi' },
      runs,
    ] as const);
    await page.close();
    page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'Gradually');
    await next(page);
    await tick(page, 'locations', ['Just below the kneecap']);
    await next(page);
    await next(page);
    await choose(page, 'swelling', 'No swelling');
    await next(page);
    await page.getByLabel('Your age').fill('19');
    await choose(page, 'duration', '2–4 weeks');
    await next(page);
    await expect(page.locator('#training-prefill')).toContainText('Filled in from 3 runs');
    await expect(page.getByLabel('Last 7 days (mi)')).toHaveValue('12.5');
    await expect(page.getByLabel('The 7 days before (mi)')).toHaveValue('5');
    await expect(page.getByLabel('Your latest run (mi)')).toHaveValue('12.5');
    await expect(page.getByLabel('Longest run in the 30 days before it (mi)')).toHaveValue('10');
    await expect(page.locator('.computed').nth(1)).toHaveText('Your latest run was +25 % on that longest run.');
    await page.getByLabel('Last 7 days (mi)').fill('14');
    await expect(page.locator('.computed').first()).toHaveText('That is +180 % on the week before.');
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByTestId('care-banner')).toBeVisible();
    await expect(page.locator('.summary-text pre')).toContainText('Last 7 days: 14 mi; the 7 days before: 5 mi (+180 %)');
  });

  test('copy summary for a clinician, and the settings link', async ({ openExtensionPage, context, extensionId }) => {
    const page = await openPopup(openExtensionPage);
    // Record what the popup hands the clipboard (reading the clipboard back needs a permission
    // Chromium will not grant an extension origin from the test).
    await page.evaluate(() => {
      const original = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        await original(text).catch(() => undefined);
      };
    });
    await choose(page, 'onset', 'Gradually');
    await tick(page, 'signs', ['Your foot is numb, cold or pale']);
    await next(page);
    await page.getByRole('button', { name: 'Copy summary for your clinician' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied).toContain(`Care level: ${CARE_LEVEL_INFO.emergency.title}`);
    expect(copied).toContain('Warning signs: Your foot is numb, cold or pale');

    // The options page opens embedded in chrome://extensions (open_in_tab: false). Chromium only
    // focuses an options tab that is already open (the one opened on install): close it first.
    const isOptions = (url: string) => url.includes(`?options=${extensionId}`) || url.includes(`${extensionId}/options.html`);
    for (const p of context.pages()) if (isOptions(p.url())) await p.close();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => context.pages().some((p) => isOptions(p.url()))).toBe(true);
  });
});

test.describe('popup checker: v2 questions and friction', () => {
  test.describe.configure({ timeout: 120_000 });

  const storedAnswers = (page: Page) =>
    page.evaluate(async () => ((await chrome.storage.local.get(null))['checker-answers'] as { answers: Record<string, unknown> }).answers);

  test('same-day shortcut: a swollen calf after a long flight goes straight to a same-day result', async ({ openExtensionPage }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPopup(openExtensionPage);
      await page.emulateMedia({ colorScheme: scheme });
      await choose(page, 'onset', 'Gradually');
      // The clot questions are a follow-up: only once the calf is ticked.
      await expect(group(page, 'clot')).toHaveCount(0);
      await tick(page, 'signs', ['Your calf is swollen, tender or warm']);
      await expect(group(page, 'clot')).toBeVisible();
      await tick(page, 'clot', ['A long journey, an operation']);
      await expectNoSeriousAxe(page, `${scheme}: signs with the clot follow-up`);
      await next(page);
      await expectResult(page, 'same-day', 'dvt', /deep vein thrombosis|DVT|blood clot/i);
      await expect(page.locator('.progress')).toHaveCount(0);
      await expect(page.locator('.shortcut-note')).toContainText('needs help today');
      await expectNoSeriousAxe(page, `${scheme}: same-day shortcut result`);
      if (scheme === 'light') {
        await page.screenshot({ path: `${SCREENSHOTS}/popup-same-day-shortcut.png`, fullPage: true });
        // "Answer the rest" stays possible, and the travel answer is already ticked on "About you".
        await page.getByRole('button', { name: 'Answer the rest to see the likely causes' }).click();
        await expectStep(page, 2, 'Where does it hurt?');
        await tick(page, 'locations', ['Back of the knee']);
        await next(page);
        await next(page);
        await choose(page, 'swelling', 'No swelling');
        await next(page);
        await expect(group(page, 'history').getByLabel(starts('A long journey'))).toBeChecked();
      }
      await page.evaluate(() => chrome.storage.local.remove('checker-answers'));
      await page.close();
    }
  });

  test('a limping 13-year-old: the age asked with the limp sends the hip warning straight to its result', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'Gradually');
    await expect(page.getByLabel(/^Your age/)).toHaveCount(0);
    await tick(page, 'signs', ["You're limping"]);
    await page.getByLabel(/^Your age/).fill('13');
    await expectNoSeriousAxe(page, 'signs with the early age');
    await next(page);
    await expect(page.getByTestId('care-banner')).toContainText(`Care level: ${CARE_LEVEL_INFO['same-day'].label}`);
    await expect(page.locator('.shortcut-note')).toBeVisible();
    await page.getByRole('button', { name: 'Answer the rest to see the likely causes' }).click();
    for (let step = 2; step <= 4; step++) {
      if (step === 2) await tick(page, 'locations', ['The hip, groin or upper thigh too']);
      if (step === 4) await choose(page, 'swelling', 'No swelling');
      await next(page);
    }
    // The age typed with the limp is kept on "About you".
    await expect(page.getByLabel('Your age')).toHaveValue('13');
  });

  test('follow-up questions appear where they matter, and what they ask is kept', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    // Came on in one run, no injury: a plain answer now, and only the straight-leg raise follows.
    await choose(page, 'onset', 'Suddenly, during or after one run');
    await expect(group(page, 'quads')).toBeVisible();
    await expect(group(page, 'injury')).toHaveCount(0);
    // A twist brings the pop and the kneecap; going back to "gradually" takes them away again.
    await choose(page, 'onset', 'Suddenly, with a twist');
    await expect(group(page, 'injury').getByRole('checkbox')).toHaveCount(3);
    await tick(page, 'injury', ['You heard or felt a pop']);
    await choose(page, 'onset', 'Gradually');
    await expect(group(page, 'injury')).toHaveCount(0);
    await choose(page, 'onset', 'Suddenly, with a twist');
    await expect(group(page, 'injury').getByLabel(starts('You heard or felt a pop'))).toBeChecked();
    await expectNoSeriousAxe(page, 'signs with the injury follow-up');
    await next(page);

    await expectStep(page, 2, 'Where does it hurt?');
    await tick(page, 'locations', ['Back of the knee', 'The hip, groin or upper thigh too']);
    await tick(page, 'back-lump', ['A lump']);
    await next(page);

    await expectStep(page, 3, 'When and how does it hurt?');
    await expect(page.getByLabel(/^About how far into a run/)).toHaveCount(0);
    await tick(page, 'timing', ['Part-way into a run']);
    await expect(page.getByLabel('About how far into a run does it start? (km) (optional)')).toBeVisible();
    await page.getByLabel(/^About how far into a run/).fill('far');
    await next(page);
    await expect(page.getByRole('alert')).toContainText('How far into a run');
    await expect(page.getByLabel(/^About how far into a run/)).toBeFocused();
    await page.getByLabel(/^About how far into a run/).fill('6');
    await choose(page, 'painScore', '6');
    await expectNoSeriousAxe(page, 'pattern with the distance and the pain score');
    await next(page);

    await expectStep(page, 4, 'Swelling, locking, giving way');
    await expect(group(page, 'joint-history')).toHaveCount(0);
    await choose(page, 'swelling', 'It swelled up within hours of a run, with no injury');
    await tick(page, 'joint-history', ['An injection into this knee']);
    await expectNoSeriousAxe(page, 'swelling with the joint follow-up');
    await next(page);

    await expectStep(page, 5, 'About you');
    await page.getByLabel('Your age').fill('44');
    await expect(group(page, 'trend')).toHaveCount(0);
    await choose(page, 'duration', '2–4 weeks');
    await choose(page, 'trend', 'Getting worse');
    await next(page);
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByTestId('care-banner')).toBeVisible();

    expect(await storedAnswers(page)).toMatchObject({
      onset: 'sudden-twist',
      signs: expect.arrayContaining(['heard-pop', 'lump-behind-knee']),
      locations: ['back', 'hip-groin'],
      timing: ['late-in-run'],
      painStarts: '6',
      painScore: '6',
      swelling: 'rapid-no-injury',
      history: ['recent-knee-injection-or-surgery'],
      trend: 'worse',
    });
    // The clinician's summary quotes the follow-up answers in words.
    await expect(page.locator('.summary-text pre')).toContainText('You heard or felt a pop as it happened');
    await expect(page.locator('.summary-text pre')).toContainText('The hip, groin or upper thigh too');
  });

  test('keyboard only: radio groups say how the arrow keys work, and the arrows choose', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    const hint = group(page, 'onset').locator('.keys-hint');
    await expect(hint).toBeHidden();
    await expect(group(page, 'onset')).toHaveAccessibleDescription(/Arrow keys move between these answers/);
    for (
      let i = 0;
      i < 10 &&
      !(await group(page, 'onset')
        .getByRole('radio')
        .first()
        .evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(hint).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(group(page, 'onset').getByLabel(starts('Suddenly, during or after one run'))).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(group(page, 'onset').getByLabel(starts('Suddenly, with a twist'))).toBeChecked();
    // The follow-up it brings is next in Tab order.
    await page.keyboard.press('Tab');
    await expect(group(page, 'injury').getByRole('checkbox').first()).toBeFocused();
    await expect(hint).toBeHidden();
  });

  test('start over offers Undo, which brings every answer back', async ({ openExtensionPage }) => {
    let page = await openPopup(openExtensionPage);
    await choose(page, 'onset', 'Gradually');
    await next(page);
    await tick(page, 'locations', ['Outside of the knee']);
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.locator('.notice')).toHaveText('Your answers were cleared.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('First, any warning signs?');
    await expectNoSeriousAxe(page, 'cleared, with Undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.notice')).toHaveText('Your answers are back.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where does it hurt?');
    await expect(group(page, 'locations').getByLabel(starts('Outside of the knee'))).toBeChecked();
    // Restored answers are saved again: they survive reopening.
    await page.close();
    page = await openPopup(openExtensionPage);
    await expect(group(page, 'locations').getByLabel(starts('Outside of the knee'))).toBeChecked();
    // Answering anew after Start over takes the Undo away.
    await page.getByRole('button', { name: 'Start over' }).click();
    await choose(page, 'onset', 'Gradually');
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  });

  test('change answers: the result opens the chosen step, and goes straight back', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    const flow = FLOWS[3]!;
    await choose(page, 'onset', flow.onset);
    await next(page);
    await answerRest(page, flow);
    await expectResult(page, flow.care, flow.condition, flow.conditionName);
    const change = page.getByRole('navigation', { name: 'Change answers:' });
    await expect(change.getByRole('button')).toHaveText(['Warning signs', 'Where', 'When and how', 'Swelling', 'About you', 'Training']);
    await expectNoSeriousAxe(page, 'result with the change-answers list');
    await change.getByRole('button', { name: 'About you' }).click();
    await expectStep(page, 5, 'About you');
    await page.getByLabel('Your age').fill('');
    await page.getByRole('button', { name: 'Back to my result' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter your age.');
    await page.getByLabel('Your age').fill('31');
    await page.getByRole('button', { name: 'Back to my result' }).click();
    await expectResult(page, flow.care, flow.condition, flow.conditionName);
    await expect(page.locator('.summary-text pre')).toContainText('31');
  });
});
