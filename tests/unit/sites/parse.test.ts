// The background's reading of a site's JSON (lib/sites/parse, the readers' ctx.parse): the same
// runs as the adapter code read in-process, with the input size-capped and every run checked;
// and the readers keep only well-formed answers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { MAX_PARSE_CHARS, MAX_PARSE_ITEMS, parseSiteData } from '../../../lib/sites/parse';
import { createStravaAdapters, readActivitiesPage, readTrainingLogData, runsFromTrainingActivities } from '../../../lib/sites/strava';
import { runsFromGarminActivities, runsFromGarminCalendar } from '../../../lib/sites/garmin';
import { runsFromIntervalsActivities } from '../../../lib/sites/intervals';
import type { AdapterContext } from '../../../lib/sites/types';

const RECENT = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/strava-training-activities-recent.json'), 'utf8')) as {
  models: unknown[];
};

describe('the background reads a site’s JSON (lib/sites/parse)', () => {
  it('reads what the adapter code reads in process', () => {
    const json = structuredClone(RECENT);
    const answer = parseSiteData('strava:activities', json);
    expect(answer).toEqual(readActivitiesPage(json));
    expect((answer as { runs: unknown[] }).runs).toEqual(runsFromTrainingActivities(json));
    expect(parseSiteData('strava:activities', { error: 'Anna' })).toBeNull();
    expect(parseSiteData('storage', json)).toBeNull();
  });

  it('caps the input and keeps only runs that pass the one run rule', () => {
    expect(parseSiteData('strava:page', ' '.repeat(MAX_PARSE_CHARS + 1))).toBeNull();
    expect(parseSiteData('strava:page', { props: {} })).toBeNull();
    expect(parseSiteData('strava:activities', { models: Array.from({ length: MAX_PARSE_ITEMS + 1 }, () => ({})) })).toBeNull();
    expect(parseSiteData('strava:feed', { entries: Array.from({ length: MAX_PARSE_ITEMS + 1 }, () => ({})) }, '1')).toBeNull();
    expect(parseSiteData('strava:page', 'not json')).toEqual({ runs: null, from: null, to: null, weeks: [], athleteId: null });
    const model = { sport_type: 'Run', start_date_local_raw: 1_700_000_000, distance_raw: 5000, id: 1 };
    const page = parseSiteData('strava:activities', { models: [model, { ...model, distance_raw: 1e9 }, { ...model, sport_type: 'Ride' }] });
    expect(page).toMatchObject({ count: 3, runs: [{ start: '2023-11-14T22:13:20', km: 5, id: '1' }] });
    const { runs } = readTrainingLogData('{}');
    expect(runs).toBeNull();
  });

  it('Garmin Connect and intervals.icu: the same runs, a count to page on, the stubs within the range asked', () => {
    const search = [{ activityId: 7, startTimeLocal: '2026-02-15 07:30:00', activityType: { typeKey: 'running' }, distance: 8000 }];
    expect(parseSiteData('garmin:activities', search)).toEqual({ runs: runsFromGarminActivities(search), count: 1 });
    expect(parseSiteData('garmin:activities', { nothing: [] })).toBeNull();
    expect(parseSiteData('garmin:calendar', search)).toBeNull();
    const calendar = {
      calendarItems: [{ itemType: 'activity', activityTypeId: 1, startTimestampLocal: '2026-02-15T07:30:00', distance: 800000, id: 3 }],
    };
    expect(parseSiteData('garmin:calendar', calendar)).toEqual({ runs: runsFromGarminCalendar(calendar) });
    const items = [
      { id: 'i1', start_date_local: '2026-02-10T07:00:00', type: 'Run', distance: 5000 },
      { id: 'i2', start_date_local: '2026-02-11T07:00:00', source: 'STRAVA', _note: 'stub' },
    ];
    const range = { from: '2026-02-01', to: '2026-02-20' };
    expect(parseSiteData('intervals:activities', items, undefined, range)).toEqual({
      runs: runsFromIntervalsActivities(items),
      stubs: ['2026-02-11'],
    });
    expect(parseSiteData('intervals:activities', items)).toBeNull();
    expect(parseSiteData('intervals:activities', items, undefined, { from: '2026-02-20', to: '2026-02-01' })).toBeNull();
    expect(parseSiteData('intervals:activities', { error: 'signed out' }, undefined, range)).toBeNull();
  });

  it('the adapter keeps only well-formed answers: none rather than wrong runs', async () => {
    const win = new Window({ url: 'https://www.strava.com/dashboard', settings: { disableJavaScriptEvaluation: true } });
    win.document.write('<header><div class="user-menu"><a href="/athletes/123">me</a></div></header>');
    const doc = win.document as unknown as Document;
    const answers: unknown[] = [
      { runs: [{ start: 'yesterday', km: 5 }], count: 1, oldest: null, perPage: 50, total: 1 },
      { runs: [{ start: '2026-03-01T08:00:00', km: 'far' }], count: 1, oldest: null, perPage: 50, total: 1 },
      'runs',
      null,
    ];
    for (const answer of answers) {
      const notes: unknown[] = [];
      const ctx: AdapterContext = {
        today: '2026-03-04',
        note: (n) => void notes.push(n),
        fetchJson: async () => ({ models: [] }),
        parse: async () => answer,
      };
      await expect(createStravaAdapters().dashboard.readRuns(doc, ctx)).resolves.toEqual([]);
      expect(JSON.stringify(notes)).toContain('bad-response');
    }
  });
});
