import { describe, expect, it } from 'vitest';
import { defaultSettings, isSiteOrigin, kmToWholeMiles, MAX_CUSTOM_SITES, sanitizeSettings } from '@/lib/settings';

describe('sanitizeSettings', () => {
  it('keeps every valid field and defaults the rest', () => {
    const result = sanitizeSettings({
      units: 'mi',
      weekStartsOn: 'fortnight',
      weeklyIncreasePct: 30,
      spikePct: 0,
      shoeKmLimit: '800',
      sites: { strava: false, garmin: 'no' },
      customSites: ['https://www.runalyze.com', 'javascript:alert(1)', 'https://www.runalyze.com'],
    });
    expect(result).toEqual({
      units: 'mi',
      weekStartsOn: 'monday',
      weeklyIncreasePct: 30,
      spikePct: 10,
      shoeKmLimit: 700,
      sites: { strava: false, garmin: true, intervals: true },
      customSites: ['https://www.runalyze.com'],
      fallbackCard: true,
    });
  });

  it('gives defaults for anything that is not an object', () => {
    for (const value of [null, undefined, 42, 'settings', [], true]) expect(sanitizeSettings(value)).toEqual(defaultSettings());
  });

  it(`keeps at most ${MAX_CUSTOM_SITES} added sites`, () => {
    const many = Array.from({ length: 30 }, (_, i) => `https://site${i}.example`);
    expect(sanitizeSettings({ customSites: many }).customSites).toHaveLength(MAX_CUSTOM_SITES);
  });
});

describe('isSiteOrigin', () => {
  it('accepts https origins and http://localhost only', () => {
    expect(isSiteOrigin('https://example.com')).toBe(true);
    expect(isSiteOrigin('http://localhost:8080')).toBe(true);
    for (const bad of [
      'http://example.com',
      'https://example.com/',
      'https://example.com/x',
      'example.com',
      42,
      'https://' + 'a'.repeat(300) + '.com',
    ]) {
      expect(isSiteOrigin(bad)).toBe(false);
    }
  });
});

describe('kmToWholeMiles', () => {
  it('converts the shoe limit hint: 700 km ≈ 435 mi', () => {
    expect(kmToWholeMiles(700)).toBe(435);
    expect(kmToWholeMiles(100)).toBe(62);
  });
});
