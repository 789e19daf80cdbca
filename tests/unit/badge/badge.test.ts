// @vitest-environment happy-dom
// The badge element (shadow DOM, one shared sheet, textContent only, explanation on focus/hover)
// and its view (words, numbers, thresholds, units).
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_TAG, createBadgeKit, KEY_ATTR, resolveBadgeTag, shadowOf } from '../../../lib/badge/element';
import { BADGE_CTA, badgeView, LEVEL_LABELS } from '../../../lib/badge/view';
import { BADGE_CSS } from '../../../lib/badge/styles';
import type { WeekSummary } from '../../../lib/load/summary';
import { DEFAULT_SETTINGS } from '../../../lib/settings/defaults';

const summary = (over: Partial<WeekSummary> = {}): WeekSummary => ({
  weekStart: '2026-02-23',
  weekKm: 42.1,
  previousWeekKm: 31.4,
  previousWeekFullKm: 31.4,
  changePct: 34.08,
  partial: false,
  comparedDays: 7,
  biggestSpike: { start: '2026-03-01T09:00:00', km: 17.4, longestPrior30dKm: 12, spikePct: 45 },
  level: 'caution',
  text: '42.1 km · +34% vs last week · single-run spike +45%',
  weekKnown: true,
  previousWeekKnown: true,
  incomplete: false,
  missing: null,
  ...over,
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('badgeView', () => {
  it('words, the engine text, the numbers behind them, the thresholds, the evidence and the way to the checker', () => {
    const view = badgeView(summary(), DEFAULT_SETTINGS, 'en-US');
    expect(view).toMatchObject({
      level: 'caution',
      label: 'Caution',
      text: '42.1 km · +34% vs last week · single-run spike +45%',
      cta: BADGE_CTA,
    });
    expect(view.title).toBe('Knee load, week of Feb 23');
    expect(view.lines).toEqual([
      '42.1 km this week; 31.4 km the week before.',
      'Weekly change +34%: above your +10% threshold.',
      'Longest-run spike: 17.4 km vs 12.0 km, the longest of the 30 days before (+45%): above your +10% threshold.',
    ]);
    expect(view.evidence).toMatch(/strongest running signal.*weak evidence/);
    expect(view.ariaLabel).toBe('Knee Check: Caution. 42.1 km · +34% vs last week · single-run spike +45%');
  });

  it('says "so far" for a week in progress, in miles, with the runner\'s thresholds', () => {
    const view = badgeView(
      summary({
        partial: true,
        comparedDays: 3,
        weekKm: 21,
        previousWeekKm: 16.1,
        changePct: 30.4,
        level: 'caution',
        biggestSpike: null,
        text: '13.0 mi so far · +30% vs Mon–Wed last week',
      }),
      { ...DEFAULT_SETTINGS, units: 'mi', weeklyIncreasePct: 35, spikePct: 20 },
      'en-US',
    );
    expect(view.title).toBe('Knee load, week of Feb 23 (so far)');
    expect(view.lines[0]).toBe('So far 13.0 mi in 3 day(s); the same days last week: 10.0 mi.');
    expect(view.lines[1]).toBe('Weekly change +30%: within your +35% threshold.');
    expect(view.lines[2]).toBe('No run to compare with a longest run of the 30 days before (spike threshold +20%).');
  });

  it('every level has words (not only a colour)', () => {
    for (const level of ['ok', 'caution', 'high'] as const) {
      expect(badgeView(summary({ level }), DEFAULT_SETTINGS).label).toBe(LEVEL_LABELS[level]);
    }
    expect(
      badgeView(
        summary({ biggestSpike: { start: '2026-03-01T09:00:00', km: 3.2, longestPrior30dKm: 6.2, spikePct: -48 } }),
        DEFAULT_SETTINGS,
        'en-US',
      ).lines[2],
    ).toBe('No run longer than the longest of the 30 days before (6.2 km; spike threshold +10%).');
    expect(badgeView(summary({ changePct: null, previousWeekKm: 0 }), DEFAULT_SETTINGS, 'en-US').lines[1]).toBe(
      'No weekly increase to compare with your +10% threshold.',
    );
  });
});

describe('badge element', () => {
  it('a closed shadow root per badge (page script cannot open it), one shared stylesheet for all', () => {
    const kit = createBadgeKit(document);
    expect(kit.tag).toBe(BADGE_TAG);
    const a = kit.create('k:a');
    const b = kit.create('k:b');
    expect(a.localName).toBe('knee-check-badge');
    expect(a.getAttribute(KEY_ATTR)).toBe('k:a');
    // Closed: the element gives page script no root to read or rewrite.
    expect(a.shadowRoot).toBeNull();
    const sheetsA = shadowOf(a)!.adoptedStyleSheets;
    expect(sheetsA).toHaveLength(1);
    expect(sheetsA[0]).toBe(shadowOf(b)!.adoptedStyleSheets[0]);
    expect(shadowOf(a)!.querySelector('style')).toBeNull();
    expect(kit.isBadge(a)).toBe(true);
    expect(kit.isBadge(document.createElement('knee-check-badge'))).toBe(false);
  });

  it('CSS in px only (host pages change rem), no external resources', () => {
    expect(BADGE_CSS).not.toMatch(/\d(rem|em)\b/);
    expect(BADGE_CSS).not.toMatch(/url\(|@import/);
  });

  it('renders with textContent: markup in a text stays text', () => {
    const kit = createBadgeKit(document);
    const host = kit.create('k');
    document.body.append(host);
    const view = badgeView(summary({ text: '<img src=x onerror=alert(1)>' }), DEFAULT_SETTINGS, 'en-US');
    let built = 0;
    const explain = () => (built++, view);
    kit.render(host, view, explain);
    const root = shadowOf(host)!;
    // The explanation is built when first opened, not before.
    expect(built).toBe(0);
    expect(root.querySelectorAll('[role="tooltip"] p')).toHaveLength(0);
    root.querySelector('button')!.dispatchEvent(new FocusEvent('focus'));
    expect(built).toBe(1);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('button > span')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('b')!.textContent).toBe('Caution');
    expect(host.getAttribute('data-level')).toBe('caution');
    const paragraphs = [...root.querySelectorAll('[role="tooltip"] p')].map((p) => p.textContent);
    expect(paragraphs[0]).toBe('Knee load, week of Feb 23');
    expect(paragraphs.at(-1)).toBe(BADGE_CTA);
    // Rendering again (while open) replaces, never appends.
    kit.render(host, view, explain);
    expect(root.querySelectorAll('[role="tooltip"] p')).toHaveLength(paragraphs.length);
    kit.render(host, { ...view, level: 'ok', label: 'Load OK' }, explain);
    expect(root.querySelector('span')!.className).toBe('ok');
  });

  it('focus and hover open the explanation, Escape and blur close it; clicks stay inside', () => {
    const kit = createBadgeKit(document);
    const host = kit.create('k');
    const row = document.createElement('div');
    let rowClicks = 0;
    row.addEventListener('click', () => rowClicks++);
    row.append(host);
    document.body.append(row);
    const view = badgeView(summary(), DEFAULT_SETTINGS, 'en-US');
    kit.render(host, view, () => view);
    const chip = shadowOf(host)!.querySelector('button')!;
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(chip.getAttribute('aria-describedby')).toBe('tip');
    expect(shadowOf(host)!.getElementById('tip')!.getAttribute('role')).toBe('tooltip');

    chip.dispatchEvent(new FocusEvent('focus'));
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(chip.getAttribute('aria-expanded')).toBe('false');

    host.dispatchEvent(new MouseEvent('mouseenter'));
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    host.dispatchEvent(new MouseEvent('mouseleave'));
    expect(chip.getAttribute('aria-expanded')).toBe('false');

    chip.click();
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    host.dispatchEvent(new MouseEvent('mouseleave'));
    expect(chip.getAttribute('aria-expanded')).toBe('true'); // pinned by the click
    chip.click();
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(rowClicks).toBe(0);
    chip.dispatchEvent(new FocusEvent('focus'));
    chip.dispatchEvent(new FocusEvent('blur'));
    expect(chip.getAttribute('aria-expanded')).toBe('false');
  });

  it('a page that took the name keeps it: ours get a suffixed name', () => {
    customElements.define(
      'knee-check-badge',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
      },
    );
    const tag = resolveBadgeTag(document);
    expect(tag).toMatch(/^knee-check-badge-[0-9a-z]+$/);
    const kit = createBadgeKit(document);
    expect(kit.tag).not.toBe('knee-check-badge');
    const host = kit.create('k');
    expect(host.localName).toBe(kit.tag);
    expect(kit.inspect(host)).toMatchObject({ text: '' });
    expect(shadowOf(host)!.querySelector('button')).not.toBeNull();
  });
});

describe('badgeView: enough history or say so', () => {
  it('a week without its previous week says what is missing, never "Load OK", in words and without a number for the change', () => {
    const s = summary({
      level: 'ok',
      changePct: null,
      previousWeekKnown: false,
      biggestSpike: null,
      missing: { kind: 'previous-week', day: '2026-02-16' },
      text: '42.1 km · Not enough history: need the whole week of Feb 16',
    });
    const view = badgeView(s, DEFAULT_SETTINGS, 'en-US');
    expect(view.level).toBe('unknown');
    expect(view.label).toBe(LEVEL_LABELS.unknown);
    expect(view.lines[0]).toBe(
      '42.1 km this week. Not enough history: need the whole week of Feb 16 to compare with: the runs read here do not cover it.',
    );
    expect(view.lines[1]).toMatch(/^No weekly change/);
    expect(view.lines.join(' ')).not.toMatch(/%: (above|within)/);
  });
  it('a week with unreadable runs gives no total, and says why', () => {
    const s = summary({
      level: 'ok',
      changePct: null,
      weekKnown: false,
      incomplete: true,
      biggestSpike: null,
      text: 'No total: some runs synced from Strava could not be read here',
    });
    const view = badgeView(s, DEFAULT_SETTINGS, 'en-US');
    expect(view.level).toBe('unknown');
    expect(view.lines[0]).toMatch(/synced from Strava/);
    expect(view.lines.join(' ')).not.toMatch(/42\.1/);
  });
  it('a known warning keeps its level when something else is missing', () => {
    const view = badgeView(summary({ missing: { kind: 'spike', day: '2026-02-25' } }), DEFAULT_SETTINGS, 'en-US');
    expect(view.level).toBe('caution');
  });
});
