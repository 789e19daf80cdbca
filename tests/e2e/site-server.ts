// Strava, offline: the saved pages in tests/fixtures/pages and the JSON they (and the content
// script) call, answered for a URL. One resolver serves three callers: Playwright's
// context.route (e2e), the benchmark, and `npm run demo`'s local HTTP server.
//
// It also builds those fixtures: `npx tsx tests/e2e/site-server.ts --write` regenerates
// tests/fixtures/strava-training-activities-recent.json (a made-up runner in the real
// /athlete/training_activities shape) and the Strava pages built from the markup documented in
// docs/research/sites.md. The real JSON pages (tests/fixtures/real) are served as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
export const RECENT_JSON = join(ROOT, 'tests/fixtures/strava-training-activities-recent.json');
export const REAL_JSON_DIR = resolve(ROOT, 'tests/fixtures/real/strava/training_activities');

/** The made-up runner's "today" (a Wednesday): the recent fixture ends that morning. */
export const FIXTURE_TODAY = '2026-03-04';
export const ATHLETE_ID = '123';
/** The athlete's zone: data-timestamp and start_time are derived with it. */
const ATHLETE_TZ = 'Europe/Paris';

// ------------------------------------------------------------------------------------------------
// Calendar helpers (UTC day numbers, like lib/load/dates)

const DAY = 86_400_000;
const dayNum = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => dateOf(dayNum(date) + n);
/** Monday of the week holding `date`. */
export const mondayOf = (date: string) => {
  const day = dayNum(date);
  return dateOf(day - ((new Date(day * DAY).getUTCDay() + 6) % 7));
};
/** ISO year and week of a date. */
export function isoWeek(date: string): { year: number; week: number } {
  const day = dayNum(date);
  const thursday = day - ((new Date(day * DAY).getUTCDay() + 6) % 7) + 3;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}
/** Epoch ms of a wall-clock time in the athlete's zone. */
function zonedEpochMs(date: string, time = '00:00:00'): number {
  const wall = Date.parse(`${date}T${time}Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ATHLETE_TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(wall));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const seen = Date.parse(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}Z`);
  return wall - (seen - wall);
}

/** The server-rendered pages' (dashboard, profile) global header styles, shared as on Strava. */
const CLASSIC_HEADER_CSS = `  body { margin: 0; font: 14px/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #242428; background: #f7f7fa; }
  #global-header { background: #fff; border-bottom: 1px solid #dfdfe8; padding: 0 24px; }
  #global-header nav { display: flex; align-items: center; gap: 24px; height: 56px; }
  #global-header nav > ul { display: flex; gap: 16px; list-style: none; margin: 0; padding: 0; }
  .user-nav { margin-left: auto; } .user-nav ul { list-style: none; margin: 0; padding: 0; } .user-menu .options { display: none; }
  .avatar { display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 50%; background: #fc5200; color: #fff; font-size: 12px; }`;

// ------------------------------------------------------------------------------------------------
// The made-up runner (recent fixture)

interface PlannedActivity {
  date: string;
  time: string;
  km: number;
  sport: string;
  name?: string;
}

/** The last twelve weeks are written out by hand so their badges say something worth testing. */
const CRAFTED: Record<string, [number, string, number, string?][]> = {
  '2025-12-08': [
    [1, '07:00', 6.0],
    [3, '07:00', 7.0],
    [6, '09:00', 11.0],
  ],
  '2025-12-15': [
    [1, '07:00', 6.5],
    [3, '07:00', 7.0],
    [5, '10:00', 30.0, 'Ride'],
    [6, '09:00', 11.5],
  ],
  '2025-12-22': [
    [2, '08:00', 5.0],
    [5, '10:00', 9.0],
  ],
  '2025-12-29': [
    [1, '07:00', 6.0],
    [3, '07:00', 6.0],
    [6, '09:00', 10.0],
  ],
  '2026-01-05': [
    [1, '07:00', 6.0],
    [3, '07:00', 7.0],
    [5, '10:00', 42.0, 'Ride'],
    [6, '09:00', 10.0],
  ],
  // A long run more than twice the longest of the 30 days before: high.
  '2026-01-12': [
    [1, '07:00', 6.0],
    [3, '07:00', 5.0],
    [6, '09:00', 24.3],
  ],
  '2026-01-19': [
    [2, '07:00', 5.0],
    [4, '07:00', 6.0],
    [6, '09:00', 8.0],
  ],
  '2026-01-26': [
    [1, '07:00', 6.0],
    [3, '07:00', 6.0],
    [6, '09:00', 8.5],
  ],
  '2026-02-02': [
    [1, '07:00', 6.0],
    [3, '07:00', 7.0],
    [6, '09:00', 9.5],
  ],
  '2026-02-09': [
    [1, '07:00', 7.0],
    [3, '07:00', 7.5],
    [5, '07:00', 5.5],
    [6, '09:00', 12.0],
  ],
  '2026-02-16': [
    [1, '07:00', 8.0],
    [3, '07:00', 6.4],
    [4, '07:00', 7.0, 'TrailRun'],
    [5, '11:00', 4.2, 'Walk'],
    [6, '09:00', 10.0],
  ],
  // +34 % on the week before and a long run 45 % over the 30-day longest: caution.
  '2026-02-23': [
    [1, '07:00', 8.2],
    [2, '07:00', 9.0],
    [4, '07:00', 7.5],
    [6, '09:00', 17.4],
  ],
  // The week of FIXTURE_TODAY (a Wednesday): Monday to Wednesday mornings.
  '2026-03-02': [
    [0, '06:30', 6.0],
    [1, '06:30', 8.0],
    [2, '06:30', 7.0],
  ],
};
const FIRST_WEEK = '2024-12-30';

function planActivities(): PlannedActivity[] {
  let seed = 20260304;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const round = (km: number) => Math.round(km * 10) / 10;
  const plan: PlannedActivity[] = [];
  for (let monday = FIRST_WEEK; monday <= '2026-03-02'; monday = addDays(monday, 7)) {
    const crafted = CRAFTED[monday];
    const days: [number, string, number, string?][] = crafted ?? [
      [1, '07:00', round(5.5 + rand() * 1.5)],
      [3, '07:00', round(6 + rand() * 2)],
      ...(rand() < 0.4 ? [[4, '18:30', round(4.5 + rand())] as [number, string, number]] : []),
      ...(rand() < 0.3 ? [[5, '10:00', round(25 + rand() * 20), 'Ride'] as [number, string, number, string]] : []),
      [6, '09:00', round(9.5 + rand() * 2.5)],
    ];
    for (const [offset, time, km, sport = 'Run'] of days) plan.push({ date: addDays(monday, offset), time, km, sport });
  }
  return plan;
}

const NAMES: Record<string, string> = { Run: 'Run', TrailRun: 'Trail Run', Ride: 'Ride', Walk: 'Walk' };
function partOfDay(time: string): string {
  const hour = Number(time.slice(0, 2));
  return hour < 11 ? 'Morning' : hour < 14 ? 'Lunch' : hour < 18 ? 'Afternoon' : 'Evening';
}
const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
};

/** One model in the shape of Strava's /athlete/training_activities (see the real pages). */
function model(a: PlannedActivity, id: number): Record<string, unknown> {
  const localRaw = Date.parse(`${a.date}T${a.time}:00Z`) / 1000;
  const utc = new Date(zonedEpochMs(a.date, `${a.time}:00`));
  const pace = a.sport === 'Ride' ? 120 : a.sport === 'Walk' ? 660 : a.sport === 'TrailRun' ? 390 : 330;
  const moving = Math.round(a.km * pace);
  const elevation = Math.round(a.km * (a.sport === 'TrailRun' ? 35 : 6));
  const weekday = new Date(localRaw * 1000).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
  const [y, mo, d] = a.date.split('-').map(Number);
  const runLike = a.sport === 'Run' || a.sport === 'TrailRun';
  return {
    id,
    name: a.name ?? `${partOfDay(a.time)} ${NAMES[a.sport] ?? a.sport}`,
    emoji_name: a.name ?? `${partOfDay(a.time)} ${NAMES[a.sport] ?? a.sport}`,
    sport_type: a.sport,
    type: a.sport === 'TrailRun' ? 'Run' : a.sport,
    display_type: NAMES[a.sport] ?? a.sport,
    activity_type_display_name: NAMES[a.sport] ?? a.sport,
    private: false,
    bike_id: a.sport === 'Ride' ? 4_400_112 : null,
    athlete_gear_id: runLike ? 21_907_553 : null,
    start_date: `${weekday}, ${mo}/${d}/${y}`,
    start_date_local_raw: localRaw,
    start_time: utc.toISOString().replace('.000Z', '+0000'),
    start_day: weekday,
    distance: a.km.toFixed(1),
    distance_raw: Math.round(a.km * 1000 * 10) / 10,
    long_unit: 'kilometers',
    short_unit: 'km',
    moving_time: clock(moving),
    moving_time_raw: moving,
    elapsed_time: clock(moving + 40),
    elapsed_time_raw: moving + 40,
    trainer: false,
    static_map: true,
    show_elevation: true,
    has_latlng: true,
    commute: false,
    elevation_gain: String(elevation),
    elevation_unit: 'm',
    elevation_gain_raw: elevation,
    description: '',
    activity_url: `https://www.strava.com/activities/${id}`,
    is_new: false,
    is_changing_type: false,
    suffer_score: null,
    workout_type: runLike ? 0 : null,
    flagged: false,
    hide_power: false,
    hide_heartrate: false,
  };
}

function buildRecentModels(): Record<string, unknown>[] {
  return planActivities()
    .map((a, i) => model(a, 17_000_000_000 + i * 7))
    .sort((a, b) => (b.start_date_local_raw as number) - (a.start_date_local_raw as number));
}

let recentCache: Record<string, unknown>[] | null = null;
/** Every model of the recent fixture, newest first. */
export function recentModels(): Record<string, unknown>[] {
  recentCache ??= (JSON.parse(readFileSync(RECENT_JSON, 'utf8')) as { models: Record<string, unknown>[] }).models;
  return recentCache;
}

/** A model's start as "YYYY-MM-DDTHH:mm:ss" (wall clock). */
export const modelStart = (m: Record<string, unknown>) => new Date((m.start_date_local_raw as number) * 1000).toISOString().slice(0, 19);

/** Shift every date of a model by whole days (the recent fixture moved to this week). */
function shiftModel(m: Record<string, unknown>, days: number): Record<string, unknown> {
  if (!days) return m;
  const raw = (m.start_date_local_raw as number) + days * 86_400;
  const utc = Date.parse(String(m.start_time).replace('+0000', 'Z')) + days * DAY;
  return { ...m, start_date_local_raw: raw, start_time: new Date(utc).toISOString().replace('.000Z', '+0000') };
}

/** Days from the fixture's week to the week of `today` ("YYYY-MM-DD", local), whole weeks. */
export function shiftDaysTo(today: string): number {
  return dayNum(mondayOf(today)) - dayNum(mondayOf(FIXTURE_TODAY));
}

/** The browser's local date, as the content script computes it. */
export { localToday } from '../../lib/load/dates';

// ------------------------------------------------------------------------------------------------
// Training Log week entries (the __NEXT_DATA__ shape; VERIFY against the live page)

interface WeekEntry {
  id: string;
  start_date: string;
  end_date: string;
  totals: Record<string, number>;
  totals_by_sport: Record<string, Record<string, number>>;
  by_day_of_week: { date: string; activities: Record<string, unknown>[] }[];
}

export function weekEntry(monday: string, models: Record<string, unknown>[]): WeekEntry {
  const inWeek = models.filter((m) => {
    const date = modelStart(m).slice(0, 10);
    return date >= monday && date <= addDays(monday, 6);
  });
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    return {
      date,
      activities: inWeek
        .filter((m) => modelStart(m).startsWith(date))
        .sort((a, b) => (a.start_date_local_raw as number) - (b.start_date_local_raw as number))
        .map((m) => ({
          id: m.id,
          name: m.name,
          sport_type: m.sport_type,
          type: m.type,
          distance: m.distance_raw,
          moving_time: m.moving_time_raw,
          elevation_gain: m.elevation_gain_raw,
          start_date_local: `${modelStart(m)}Z`,
          workout_type: m.workout_type,
        })),
    };
  });
  const sum = (list: Record<string, unknown>[], key: string) => list.reduce((t, m) => t + (m[key] as number), 0);
  const bySport: Record<string, Record<string, number>> = {};
  for (const m of inWeek) {
    const sport = String(m.sport_type === 'TrailRun' ? 'run' : m.sport_type).toLowerCase();
    const t = (bySport[sport] ??= { distance: 0, moving_time: 0, elevation_gain: 0, count: 0 });
    t.distance! += m.distance_raw as number;
    t.moving_time! += m.moving_time_raw as number;
    t.elevation_gain! += m.elevation_gain_raw as number;
    t.count! += 1;
  }
  const { year, week } = isoWeek(monday);
  return {
    id: `${year}y${week}w`,
    start_date: monday,
    end_date: addDays(monday, 6),
    totals: {
      distance: Math.round(sum(inWeek, 'distance_raw') * 10) / 10,
      moving_time: sum(inWeek, 'moving_time_raw'),
      elevation_gain: sum(inWeek, 'elevation_gain_raw'),
      count: inWeek.length,
    },
    totals_by_sport: bySport,
    by_day_of_week: days,
  };
}

/** `count` week entries ending with the week of `lastMonday`, newest first (as the page lists them). */
export function weekEntries(lastMonday: string, count: number, models = recentModels()): WeekEntry[] {
  return Array.from({ length: count }, (_, i) => weekEntry(addDays(lastMonday, -7 * i), models));
}

// ------------------------------------------------------------------------------------------------
// Pages (written once by --write; hashed class names like the Next.js CSS modules)

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmtDate = (date: string, opts: Intl.DateTimeFormatOptions) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { ...opts, timeZone: 'UTC' });
const hm = (seconds: number) => `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;

const HEADER = `<header id="global-header" class="_header_q8v2n">
  <nav class="_nav_3kd81" aria-label="Main">
    <a class="_logo_x1b9c" href="/dashboard" aria-label="Strava">STRAVA</a>
    <ul class="_navList_0p3mz">
      <li><a href="/dashboard">Dashboard</a></li>
      <li><a href="/athletes/${ATHLETE_ID}/training/log">Training</a></li>
      <li><a href="/maps">Maps</a></li>
    </ul>
    <div class="user-nav">
      <ul>
        <li class="drop-down-menu user-menu">
          <a class="nav-link selection" href="/athletes/${ATHLETE_ID}" aria-label="Alex Runner"><span class="avatar avatar-athlete">AR</span></a>
          <ul class="options">
            <li><a href="/athletes/${ATHLETE_ID}">My Profile</a></li>
            <li><a href="/settings/profile">Settings</a></li>
            <li><a href="/logout">Log Out</a></li>
          </ul>
        </li>
      </ul>
    </div>
  </nav>
</header>`;

function rowHtml(entry: WeekEntry): string {
  const ts = Math.round(zonedEpochMs(entry.start_date) / 1000);
  const run = entry.totals_by_sport.run;
  const cells = entry.by_day_of_week
    .map((day) => {
      const bubbles = day.activities
        .map((a) => {
          const km = (a.distance as number) / 1000;
          const size = Math.round(14 + Math.min(km, 30) * 1.6);
          return `<a class="_activity_3m9p0 _${String(a.sport_type).toLowerCase()}_7c2e1" href="/activities/${a.id}" data-activity-id="${a.id}" title="${esc(String(a.name))} · ${km.toFixed(1)} km" style="width:${size}px;height:${size}px"></a>`;
        })
        .join('');
      return `<div class="_dayCell_8k2j1" data-date="${day.date}"><span class="_dayNumber_1q0w2">${Number(day.date.slice(8))}</span>${bubbles}</div>`;
    })
    .join('');
  return `<div class="_calendarRowContainer_1x2y3" data-timestamp="${ts}" data-week-id="${entry.id}">
      <div class="_sidebarContainer_5q6w7">
        <div class="_weekLabel_2b7c1">${fmtDate(entry.start_date, { month: 'short', day: 'numeric' })} – ${fmtDate(entry.end_date, { month: 'short', day: 'numeric', year: 'numeric' })}</div>
        <div class="_weekTotals_4d8e2"><span class="_totalDistance_9f3a4">${((run?.distance ?? 0) / 1000).toFixed(1)} km</span><span class="_totalTime_6g5h7">${hm(run?.moving_time ?? 0)}</span></div>
      </div>
      <div class="_calendarRow_7r1t8">${cells}</div>
    </div>`;
}

/** The Training Log page's own script: hydration, clicks, older weeks (SPA), a benchmark hook. */
const TRAINING_LOG_SCRIPT = `
(function () {
  'use strict';
  var state = (window.__trainingLog = { hydrated: false, clicks: 0, renders: 0, navigations: 0, errors: [] });
  var calendar = document.querySelector('[class*="_calendarContainer_"]');
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent);
  var entries = data.props.pageProps.entriesResponse.entries;
  var shown = Number(calendar.getAttribute('data-rows')) || entries.length;
  function km(m) { return (m / 1000).toFixed(1) + ' km'; }
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; return n; }
  function row(entry) {
    var r = el('div', '_calendarRowContainer_1x2y3');
    r.setAttribute('data-timestamp', String(entry.timestamp));
    r.setAttribute('data-week-id', entry.id);
    var side = el('div', '_sidebarContainer_5q6w7');
    side.appendChild(el('div', '_weekLabel_2b7c1', entry.start_date + ' – ' + entry.end_date));
    var totals = el('div', '_weekTotals_4d8e2');
    var run = (entry.totals_by_sport && entry.totals_by_sport.run) || { distance: 0 };
    totals.appendChild(el('span', '_totalDistance_9f3a4', km(run.distance)));
    side.appendChild(totals);
    r.appendChild(side);
    var cells = el('div', '_calendarRow_7r1t8');
    entry.by_day_of_week.forEach(function (day) {
      var cell = el('div', '_dayCell_8k2j1');
      cell.setAttribute('data-date', day.date);
      cell.appendChild(el('span', '_dayNumber_1q0w2', String(Number(day.date.slice(8)))));
      day.activities.forEach(function (a) {
        var b = el('a', '_activity_3m9p0');
        b.href = '/activities/' + a.id;
        b.setAttribute('data-activity-id', String(a.id));
        b.title = a.name + ' · ' + km(a.distance);
        cell.appendChild(b);
      });
      cells.appendChild(cell);
    });
    r.appendChild(cells);
    return r;
  }
  function render(list) {
    var frag = document.createDocumentFragment();
    list.forEach(function (e) { frag.appendChild(row(e)); });
    calendar.replaceChildren(frag);
    state.renders++;
  }
  function timestampOf(entry) {
    var existing = calendar.querySelector('[data-week-id="' + entry.id + '"]');
    return existing ? Number(existing.getAttribute('data-timestamp')) : entry.timestamp;
  }
  entries.forEach(function (e) { e.timestamp = e.timestamp || timestampOf(e); });
  // Client-side rendering (?render=client): rows appear a moment after load, like a React app.
  if (/[?&]render=client/.test(location.search)) {
    calendar.replaceChildren();
    setTimeout(function () {
      performance.mark('rows-present');
      render(entries.slice(0, shown));
    }, Number((location.search.match(/[?&]delay=(\\d+)/) || [])[1] || 400));
  }
  document.addEventListener('click', function (event) {
    var bubble = event.target.closest && event.target.closest('._activity_3m9p0');
    if (bubble) {
      event.preventDefault();
      state.clicks++;
      bubble.classList.toggle('_selected_9z8y7');
    }
  });
  function showOlder(before, push) {
    if (push) history.pushState({ before: before }, '', location.pathname + '?before=' + before);
    state.navigations++;
    return fetch('/athletes/${ATHLETE_ID}/training/log/weeks?before=' + before + '&count=4', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (json) { render(json.entries); })
      .catch(function (e) { state.errors.push(String(e)); });
  }
  document.querySelector('[data-nav="older"]').addEventListener('click', function () {
    var last = calendar.lastElementChild;
    showOlder(last ? last.querySelector('[data-date]').getAttribute('data-date') : entries[entries.length - 1].start_date, true);
  });
  document.querySelector('[data-nav="latest"]').addEventListener('click', function () {
    history.pushState({}, '', location.pathname);
    state.navigations++;
    render(entries.slice(0, shown));
  });
  window.addEventListener('popstate', function () {
    var m = location.search.match(/before=([\\d-]+)/);
    if (m) showOlder(m[1], false); else render(entries.slice(0, shown));
  });
  // The page's own work, for the benchmark: re-render every row n times.
  window.__pageBench = function (n) {
    var started = performance.now(), scripting = 0, i = 0;
    return new Promise(function (resolve) {
      (function step() {
        if (i++ >= n) return resolve({ wall: performance.now() - started, scripting: scripting });
        var t = performance.now();
        render(entries.slice(0, shown));
        calendar.getBoundingClientRect();
        scripting += performance.now() - t;
        setTimeout(step, 0);
      })();
    });
  };
  state.hydrated = true;
  document.documentElement.setAttribute('data-hydrated', 'true');
})();`;

export function trainingLogPage(entries: WeekEntry[], rows: number, title = 'Training Log | Strava'): string {
  const withTs = entries.map((e) => ({ ...e, timestamp: Math.round(zonedEpochMs(e.start_date) / 1000) }));
  const next = {
    props: {
      pageProps: {
        athleteId: Number(ATHLETE_ID),
        currentAthlete: { id: Number(ATHLETE_ID), firstname: 'Alex', lastname: 'Runner', measurement_preference: 'meters' },
        entriesResponse: { entries: withTs, pagination: { hasMore: true, before: addDays(entries[entries.length - 1]!.start_date, -1) } },
      },
      __N_SSP: true,
    },
    page: '/athletes/[athleteId]/training/log',
    query: { athleteId: ATHLETE_ID },
    buildId: 'k3J9sQ2xV7bN1mPq',
    isFallback: false,
    gssp: true,
    locale: 'en-US',
    locales: ['en-US', 'fr-FR', 'ko-KR'],
    scriptLoader: [],
  };
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
  body { margin: 0; font: 14px/1.4 -apple-system, "Segoe UI", Roboto, sans-serif; color: #242428; background: #f7f7fa; }
  ._header_q8v2n { background: #fff; border-bottom: 1px solid #dfdfe8; padding: 0 24px; }
  ._nav_3kd81 { display: flex; align-items: center; gap: 24px; height: 56px; }
  ._logo_x1b9c { color: #fc5200; font-weight: 800; letter-spacing: 1px; text-decoration: none; }
  ._navList_0p3mz { display: flex; gap: 16px; list-style: none; margin: 0; padding: 0; }
  .user-nav { margin-left: auto; } .user-nav ul { list-style: none; margin: 0; padding: 0; } .user-menu .options { display: none; }
  .avatar { display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 50%; background: #fc5200; color: #fff; font-size: 12px; }
  ._trainingLog_4f7e2 { max-width: 1100px; margin: 24px auto; background: #fff; border: 1px solid #dfdfe8; border-radius: 4px; }
  ._logHeader_7u1i3 { display: flex; align-items: center; justify-content: space-between; padding: 16px 20px; border-bottom: 1px solid #dfdfe8; }
  ._logHeader_7u1i3 h1 { font-size: 22px; margin: 0; }
  ._calendarRowContainer_1x2y3 { display: grid; grid-template-columns: 260px 1fr; border-bottom: 1px solid #eee; min-height: 64px; overflow: hidden; }
  ._sidebarContainer_5q6w7 { padding: 10px 16px; border-right: 1px solid #eee; }
  ._weekLabel_2b7c1 { font-weight: 600; }
  ._weekTotals_4d8e2 { display: flex; gap: 12px; color: #6d6d78; }
  ._calendarRow_7r1t8 { display: grid; grid-template-columns: repeat(7, 1fr); }
  ._dayCell_8k2j1 { position: relative; padding: 6px; border-right: 1px solid #f3f3f3; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
  ._dayNumber_1q0w2 { position: absolute; top: 2px; right: 6px; font-size: 11px; color: #aaa; }
  ._activity_3m9p0 { display: inline-block; width: 24px; height: 24px; border-radius: 50%; background: #fc5200; opacity: .85; }
  ._ride_7c2e1 { background: #3f8fd2; } ._walk_7c2e1 { background: #7bb661; }
  ._selected_9z8y7 { outline: 2px solid #242428; }
  button { font: inherit; padding: 6px 12px; border: 1px solid #ccc; border-radius: 4px; background: #fff; cursor: pointer; }
</style>
</head>
<body>
<div id="__next">
${HEADER}
<main class="_trainingLog_4f7e2">
  <div class="_logHeader_7u1i3">
    <h1>Training Log</h1>
    <div class="_navButtons_5t6y7"><button type="button" data-nav="latest">This week</button> <button type="button" data-nav="older">Previous weeks</button></div>
  </div>
  <div class="_calendarContainer_8d1c5" data-rows="${rows}">
    ${entries.slice(0, rows).map(rowHtml).join('\n    ')}
  </div>
</main>
</div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(next)}</script>
<script>${TRAINING_LOG_SCRIPT}</script>
</body>
</html>
`;
}

/** The dashboard (2020 markup, sites.md): the weekly goals widget, per sport, localized heading. */
function dashboardPage(locale: 'en' | 'fr'): string {
  const t =
    locale === 'fr'
      ? {
          lang: 'fr-FR',
          title: 'Tableau de bord | Strava',
          week: 'Cette semaine',
          run: 'Course à pied',
          ride: 'Vélo',
          of: 'sur',
          goal: 'Objectif hebdomadaire',
          feed: 'Activités récentes',
        }
      : {
          lang: 'en-US',
          title: 'Dashboard | Strava',
          week: 'This week',
          run: 'Run',
          ride: 'Ride',
          of: 'of',
          goal: 'Weekly goal',
          feed: 'Recent activity',
        };
  const num = (v: number) => (locale === 'fr' ? v.toFixed(1).replace('.', ',') : v.toFixed(1));
  return `<!DOCTYPE html>
<html lang="${t.lang}" class="logged-in">
<head>
<meta charset="utf-8">
<title>${t.title}</title>
<style>
${CLASSIC_HEADER_CSS}
  .page { display: grid; grid-template-columns: 300px 1fr; gap: 24px; max-width: 1100px; margin: 24px auto; }
  .card { background: #fff; border: 1px solid #dfdfe8; border-radius: 4px; padding: 16px; }
  .sport-tabs { display: flex; gap: 4px; list-style: none; padding: 0; margin: 0 0 12px; }
  .sport-tabs button { border: 0; background: #eee; padding: 4px 10px; border-radius: 3px; cursor: pointer; }
  .sport-tabs button.active { background: #fc5200; color: #fff; }
  .goal-container { display: none; } .goal-container.active { display: block; }
  .weekly-goal h4 { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; color: #6d6d78; }
  .primary-stats { font-size: 26px; font-weight: 300; }
  .primary-stats .goal { font-size: 13px; color: #6d6d78; }
  .progress-bar { height: 6px; background: #eee; border-radius: 3px; margin: 8px 0; }
  .progress-bar .fill { height: 6px; background: #fc5200; border-radius: 3px; }
  .inline-stats { display: flex; gap: 16px; list-style: none; padding: 0; margin: 0; color: #6d6d78; }
  .feed-entry { border-bottom: 1px solid #eee; padding: 12px 0; }
</style>
</head>
<body>
${HEADER.replace(/ class="_[a-zA-Z]+_[0-9a-z]+"/g, '')}
<div class="page">
  <aside id="dashboard-athlete-sidebar">
    <div class="card athlete-card"><h2 class="athlete-name">Alex Runner</h2></div>
    <div id="js-dashboard-athlete-goals" class="section">
      <div id="progress-goals" class="card">
        <ul class="sport-tabs" role="tablist">
          <li><button type="button" class="active" role="tab" data-sport-tab="run" aria-selected="true">${t.run}</button></li>
          <li><button type="button" role="tab" data-sport-tab="ride" aria-selected="false">${t.ride}</button></li>
        </ul>
        <div id="run-goals" data-sport="run" class="goal-container active">
          <div class="weekly-goal">
            <h4 class="topless">${t.week}</h4>
            <div class="primary-stats"><span class="actual">${num(21.0)}<abbr class="unit" title="kilometers">km</abbr></span> <span class="goal">${t.of} 35<abbr class="unit" title="kilometers">km</abbr></span></div>
            <div class="progress-bar"><div class="fill" style="width: 60%"></div></div>
            <ul class="inline-stats secondary-stats"><li>1h 55m</li><li>126<abbr class="unit" title="meters">m</abbr></li></ul>
          </div>
        </div>
        <div id="ride-goals" data-sport="ride" class="goal-container">
          <div class="weekly-goal">
            <h4 class="topless">${t.week}</h4>
            <div class="primary-stats"><span class="actual">${num(0)}<abbr class="unit" title="kilometers">km</abbr></span></div>
          </div>
        </div>
      </div>
    </div>
  </aside>
  <main id="dashboard-feed" class="card">
    <h3>${t.feed}</h3>
    <div class="feed-entry" data-activity-id="17000002947"><a href="/activities/17000002947">Morning Run</a> · ${num(7.0)} km</div>
    <div class="feed-entry" data-activity-id="17000002940"><a href="/activities/17000002940">Morning Run</a> · ${num(8.0)} km</div>
    <button type="button" id="load-more" class="btn-load-more">More</button>
  </main>
</div>
<script>
(function () {
  'use strict';
  var state = (window.__dashboard = { tabs: 0, loaded: 0 });
  document.querySelectorAll('[data-sport-tab]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      state.tabs++;
      var sport = tab.getAttribute('data-sport-tab');
      document.querySelectorAll('[data-sport-tab]').forEach(function (t) { t.classList.toggle('active', t === tab); t.setAttribute('aria-selected', String(t === tab)); });
      document.querySelectorAll('#progress-goals .goal-container').forEach(function (c) { c.classList.toggle('active', c.getAttribute('data-sport') === sport); });
    });
  });
  document.getElementById('load-more').addEventListener('click', function () {
    state.loaded++;
    var entry = document.createElement('div');
    entry.className = 'feed-entry';
    entry.textContent = 'Older activity ' + state.loaded;
    document.getElementById('dashboard-feed').insertBefore(entry, this);
  });
  document.documentElement.setAttribute('data-dashboard-ready', 'true');
})();
</script>
</body>
</html>
`;
}

// Real fixture runs by ISO week, for the profile's bars and its interval responses.
function realModels(): Record<string, unknown>[] {
  const models: Record<string, unknown>[] = [];
  for (let p = 1; p <= 7; p++) {
    const file = join(REAL_JSON_DIR, `page${p}.json`);
    if (existsSync(file)) models.push(...(JSON.parse(readFileSync(file, 'utf8')) as { models: Record<string, unknown>[] }).models);
  }
  return models;
}

/** Totals of the runs in ISO week "YYYYWW" of the real fixture. */
export function realWeekTotals(interval: string): { monday: string; km: number; seconds: number; elevation: number } {
  const year = Number(interval.slice(0, 4));
  const week = Number(interval.slice(4));
  const jan4 = `${year}-01-04`;
  const monday = addDays(mondayOf(jan4), (week - 1) * 7);
  let km = 0;
  let seconds = 0;
  let elevation = 0;
  for (const m of realModels()) {
    const sport = m.sport_type ?? m.type;
    const date = modelStart(m).slice(0, 10);
    if (sport !== 'Run' || date < monday || date > addDays(monday, 6)) continue;
    km += (m.distance_raw as number) / 1000;
    seconds += m.moving_time_raw as number;
    elevation += (m.elevation_gain_raw as number) ?? 0;
  }
  return { monday, km, seconds, elevation };
}

function totalsHtml(interval: string): string {
  const t = realWeekTotals(interval);
  return `<ul id="totals" class="inline-stats">
        <li><strong>${t.km.toFixed(1)}<abbr class="unit" title="kilometers">km</abbr></strong><div class="label">Distance</div></li>
        <li><strong>${hm(t.seconds)}</strong><div class="label">Time</div></li>
        <li><strong>${Math.round(t.elevation)}<abbr class="unit" title="meters">m</abbr></strong><div class="label">Elevation</div></li>
      </ul>`;
}

function intervalLabel(interval: string): string {
  const { monday } = realWeekTotals(interval);
  const f = (d: string) => fmtDate(d, { month: 'short', day: 'numeric', year: 'numeric' });
  return `${f(monday)} - ${f(addDays(monday, 6))}`;
}

/** The athlete profile (2020 markup): weekly bar chart of the real fixture's runs, 2016 W27-W38. */
function profilePage(): string {
  const intervals = Array.from({ length: 12 }, (_, i) => `2016${String(27 + i).padStart(2, '0')}`);
  const selected = '201636';
  const bars = intervals
    .map((iv) => {
      const { km } = realWeekTotals(iv);
      const height = Math.max(2, Math.round(km * 5));
      return `<li class="interval selectable${iv === selected ? ' selected' : ''}" id="interval-${iv}">
          <a class="bar" href="/athletes/${ATHLETE_ID}#interval?interval=${iv}&amp;interval_type=week&amp;chart_type=miles&amp;year_offset=0" title="${intervalLabel(iv)}"><span class="fill" style="height: ${height}px"></span></a>
        </li>`;
    })
    .join('\n        ');
  return `<!DOCTYPE html>
<html lang="en-US" class="logged-in">
<head>
<meta charset="utf-8">
<title>Alex Runner | Strava Runner Profile</title>
<style>
${CLASSIC_HEADER_CSS}
  .container { max-width: 1100px; margin: 24px auto; background: #fff; border: 1px solid #dfdfe8; padding: 20px; }
  #interval-graph { display: grid; grid-template-columns: 360px 1fr; gap: 24px; align-items: end; }
  .inline-stats { display: flex; gap: 20px; list-style: none; margin: 8px 0 0; padding: 0; }
  .inline-stats strong { font-size: 22px; font-weight: 400; } .inline-stats .label { font-size: 12px; color: #6d6d78; }
  .intervals { display: flex; align-items: flex-end; gap: 6px; height: 90px; list-style: none; margin: 0; padding: 0; border-bottom: 1px solid #ccc; }
  .interval a.bar { display: flex; align-items: flex-end; width: 22px; height: 90px; }
  .interval .fill { display: block; width: 22px; background: #ccc; }
  .interval.selected .fill { background: #fc5200; }
  #interval-value { font-size: 16px; }
</style>
</head>
<body>
${HEADER.replace(/ class="_[a-zA-Z]+_[0-9a-z]+"/g, '')}
<div class="container athlete-profile" id="athlete-profile">
  <h1 class="athlete-name">Alex Runner</h1>
  <section class="section athlete-profile-interval">
    <div id="interval-graph" class="row">
      <div class="spans5">
        <h2 class="text-callout"><span id="interval-value">${intervalLabel(selected)}</span></h2>
      ${totalsHtml(selected)}
      </div>
      <div id="interval-graph-columns" class="spans11">
        <ul class="intervals">
        ${bars}
        </ul>
      </div>
    </div>
  </section>
  <section id="interval-rides" class="section"><h3>Activities</h3><p class="empty">Select a week to see its activities.</p></section>
</div>
<script>
(function () {
  'use strict';
  var state = (window.__profile = { selections: 0, errors: [] });
  document.querySelectorAll('#interval-graph-columns .interval.selectable a.bar').forEach(function (bar) {
    bar.addEventListener('click', function (event) {
      event.preventDefault();
      var li = bar.closest('.interval');
      var interval = li.id.replace('interval-', '');
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/athletes/${ATHLETE_ID}/interval?interval=' + interval + '&interval_type=week&chart_type=miles&year_offset=0');
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.onload = function () {
        try {
          var json = JSON.parse(xhr.responseText);
          document.querySelectorAll('#interval-graph-columns .interval').forEach(function (n) { n.classList.toggle('selected', n === li); });
          document.getElementById('totals').outerHTML = json.totals;
          document.getElementById('interval-value').textContent = json.label;
          state.selections++;
        } catch (e) { state.errors.push(String(e)); }
      };
      xhr.send();
    });
  });
  document.documentElement.setAttribute('data-profile-ready', 'true');
})();
</script>
</body>
</html>
`;
}

/** Weeks shown on the saved Training Log: twelve, the newest the week before FIXTURE_TODAY's. */
export const LOG_LAST_MONDAY = '2026-02-23';
export const LOG_ROWS = 12;
/** The benchmark's page: 52 rows, with 4 more weeks of entries behind them (the 30-day lookback). */
export const BENCH_ROWS = 52;

export function writeFixtures(): void {
  const models = buildRecentModels();
  writeFileSync(RECENT_JSON, `${JSON.stringify({ models, page: 1, perPage: models.length, total: models.length }, null, 1)}\n`);
  recentCache = models;
  writeFileSync(join(PAGES_DIR, 'strava-training-log.html'), trainingLogPage(weekEntries(LOG_LAST_MONDAY, LOG_ROWS, models), LOG_ROWS));
  writeFileSync(
    join(PAGES_DIR, 'strava-training-log-52.html'),
    trainingLogPage(weekEntries(LOG_LAST_MONDAY, BENCH_ROWS + 5, models), BENCH_ROWS, 'Training Log (52 weeks) | Strava'),
  );
  writeFileSync(join(PAGES_DIR, 'strava-dashboard.html'), dashboardPage('en'));
  writeFileSync(join(PAGES_DIR, 'strava-dashboard-fr.html'), dashboardPage('fr'));
  writeFileSync(join(PAGES_DIR, 'strava-profile.html'), profilePage());
}

// ------------------------------------------------------------------------------------------------
// Serving

export interface SiteOptions {
  /** Which /athlete/training_activities to serve: the made-up runner, the real pages, or an error. */
  activities?: 'recent' | 'real' | 'error';
  /** Move the recent runner to the week of this date ("YYYY-MM-DD"): the dashboard's "this week". */
  shiftTo?: string;
  /** The saved Training Log to serve (default strava-training-log.html; the benchmark's has 52 rows). */
  trainingLog?: string;
  /** Serve the French dashboard. */
  locale?: 'en' | 'fr';
  /** Called with every path+query served. */
  onRequest?: (pathAndQuery: string) => void;
  /**
   * Serve the runner's own feed /dashboard/feed?feed_type=my_activity (the first page from
   * tests/fixtures/pages/strava-dashboard-feed.json, then the end), only to calls that send
   * x-requested-with: XMLHttpRequest (Sauce: "required for most Strava endpoints"); else 404.
   * 'refused': the feed answers 503 (unavailable), like training_activities with 'error'.
   */
  feed?: boolean | 'refused';
}

export interface SiteResponse {
  status: number;
  contentType: string;
  body: string;
}

const json = (value: unknown, status = 200): SiteResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});
const html = (file: string, contentType = 'text/html; charset=utf-8'): SiteResponse => ({
  status: 200,
  contentType,
  body: readFileSync(join(PAGES_DIR, file), 'utf8'),
});
/** The option sets whose first feed page was served (the next call gets the end of the feed). */
const feedServed = new WeakSet<SiteOptions>();
const notFound = (): SiteResponse => ({ status: 404, contentType: 'text/plain', body: 'Not found' });

/** The response for a Strava URL (path and query are what matter), or a 404. */
export function stravaResponse(url: URL, opts: SiteOptions = {}, headers: Record<string, string> = {}): SiteResponse {
  opts.onRequest?.(url.pathname + url.search);
  const path = url.pathname.replace(/\/$/, '') || '/';
  const q = url.searchParams;
  if (path === '/dashboard/feed' && opts.feed === 'refused') return json({ error: 'unavailable' }, 503);
  if (path === '/dashboard/feed' && opts.feed && q.get('feed_type') === 'my_activity') {
    if (headers['x-requested-with'] !== 'XMLHttpRequest') return json({ error: 'forbidden' }, 403);
    const first = !feedServed.has(opts);
    feedServed.add(opts);
    return first ? html('strava-dashboard-feed.json', 'application/json; charset=utf-8') : json({ entries: [] });
  }
  if (path === '/athlete/training_activities') {
    const page = Math.max(1, Number(q.get('page')) || 1);
    if (opts.activities === 'error') return json({ error: 'unavailable' }, 503);
    if (opts.activities === 'real') {
      const file = join(REAL_JSON_DIR, `page${page}.json`);
      return existsSync(file)
        ? { status: 200, contentType: 'application/json', body: readFileSync(file, 'utf8') }
        : json({ models: [], page, perPage: 20, total: 140 });
    }
    const perPage = Math.min(200, Math.max(1, Number(q.get('per_page')) || 20));
    const shift = opts.shiftTo ? shiftDaysTo(opts.shiftTo) : 0;
    const all = recentModels().map((m) => shiftModel(m, shift));
    return json({ models: all.slice((page - 1) * perPage, page * perPage), page, perPage, total: all.length });
  }
  if (path === `/athletes/${ATHLETE_ID}/training/log`) return html(opts.trainingLog ?? 'strava-training-log.html');
  if (path === `/athletes/${ATHLETE_ID}/training/log/weeks`) {
    const before = q.get('before') ?? LOG_LAST_MONDAY;
    const count = Math.min(12, Number(q.get('count')) || 4);
    const entries = weekEntries(mondayOf(addDays(before, -1)), count).map((e) => ({
      ...e,
      timestamp: Math.round(zonedEpochMs(e.start_date) / 1000),
    }));
    return json({ entries });
  }
  if (path === `/athletes/${ATHLETE_ID}/interval`) {
    const interval = q.get('interval') ?? '';
    if (!/^\d{6}$/.test(interval)) return json({ error: 'bad interval' }, 400);
    return json({ totals: totalsHtml(interval), label: intervalLabel(interval) });
  }
  if (/^\/athletes\/\d+$/.test(path)) return html('strava-profile.html');
  if (path === '/dashboard') return html(opts.locale === 'fr' ? 'strava-dashboard-fr.html' : 'strava-dashboard.html');
  return notFound();
}

/** Serve www.strava.com from the fixtures in a Playwright context. Returns the paths served. */
export async function routeStrava(context: BrowserContext, opts: SiteOptions = {}): Promise<string[]> {
  const served: string[] = [];
  const servedOptions: SiteOptions = { ...opts, onRequest: (p) => (served.push(p), opts.onRequest?.(p)) };
  await context.route('https://www.strava.com/**', (route: Route) => {
    const response = stravaResponse(new URL(route.request().url()), servedOptions, route.request().headers());
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
  return served;
}

if (process.argv.includes('--write')) {
  writeFixtures();
  console.log(`wrote ${RECENT_JSON} and the Strava pages in ${PAGES_DIR}`);
}
