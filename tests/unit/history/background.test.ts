// Which pages may record runs under which site (the page host checks it before the page service
// records: tests/unit/background/page-host.test.ts).
import { describe, expect, it } from 'vitest';
import { siteMatchesSender } from '../../../lib/history/background';

describe('siteMatchesSender', () => {
  it.each([
    ['garmin', 'https://connect.garmin.com/modern/calendar', [], true],
    ['intervals', 'https://intervals.icu/calendar', [], true],
    ['strava', 'https://www.strava.com/athletes/1/training/log', [], true],
    ['garmin', 'https://intervals.icu/calendar', [], false],
    ['strava', 'https://evil.example/', [], false],
    ['https://log.example', 'https://log.example/weeks', ['https://log.example'], true],
    ['https://log.example', 'https://log.example/weeks', [], false],
    ['https://log.example', 'https://other.example/', ['https://log.example'], false],
    ['garmin', undefined, [], false],
    ['garmin', 'not a url', [], false],
  ] as const)('%s from %s (added %j): %s', (site, url, custom, expected) => {
    expect(siteMatchesSender(site, url, custom)).toBe(expected);
  });
});
