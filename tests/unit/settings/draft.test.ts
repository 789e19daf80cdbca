import { describe, expect, it } from 'vitest';
import { fromDraft, isDirty, rebaseDraft, toDraft, validateDraft } from '@/components/options/draft';
import { defaultSettings, type Settings } from '@/lib/settings';

const saved = defaultSettings();

describe('options form draft', () => {
  it('round-trips settings through the form', () => {
    const draft = toDraft(saved);
    expect(draft.spikePct).toBe('10');
    expect(validateDraft(draft)).toEqual({ settings: saved, errors: {}, issues: [] });
    expect(isDirty(draft, saved)).toBe(false);
  });

  it('names the field and range for empty, text and out-of-range input', () => {
    for (const text of ['', '  ', 'abc', '0', '201', '12.5']) {
      const { settings, errors } = validateDraft({ ...toDraft(saved), spikePct: text });
      expect(settings).toBeNull();
      expect(errors).toEqual({ spikePct: 'Single-run spike threshold must be a whole number from 1 to 200 %.' });
    }
  });

  it('reads numbers as typed, trimmed', () => {
    expect(fromDraft({ ...toDraft(saved), shoeKmLimit: ' 650 ' }).shoeKmLimit).toBe(650);
    expect(isDirty({ ...toDraft(saved), shoeKmLimit: '650' }, saved)).toBe(true);
  });

  it('takes changes saved elsewhere where the runner has not edited, and keeps their edits', () => {
    const draft = { ...toDraft(saved), spikePct: '25', sites: { ...saved.sites, strava: false } };
    const elsewhere: Settings = {
      ...saved,
      units: 'mi',
      spikePct: 40,
      sites: { ...saved.sites, garmin: false },
      customSites: ['https://www.runalyze.com'],
    };
    expect(rebaseDraft(draft, saved, elsewhere)).toEqual({
      ...toDraft(elsewhere),
      spikePct: '25',
      sites: { strava: false, garmin: false, intervals: true },
    });
  });
});
