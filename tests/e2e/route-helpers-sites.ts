// Serve connect.garmin.com and intervals.icu offline from tests/fixtures/pages, for the badges
// end-to-end tests. The saved pages and JSON are dated around the week of 2026-02-16; every date
// in them is moved by whole weeks so that week becomes the browser's current week (the content
// script reads the real clock in its own world), keeping weekdays and every weekly total.
import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const PAGES = resolve(HERE, '../fixtures/pages');
export const GARMIN = 'https://connect.garmin.com';
export const INTERVALS = 'https://intervals.icu';
/** The Monday of the fixtures' "current" week (their "today" is Wednesday 2026-02-18). */
export const FIXTURE_MONDAY = '2026-02-16';

const DAY = 86_400_000;
const dayNum = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => dateOf(dayNum(date) + n);
export const mondayOf = (date: string) => addDays(date, -((new Date(dayNum(date) * DAY).getUTCDay() + 6) % 7));

/** The browser's local date, as the content script computes it. */
export { localToday } from '../../lib/load/dates';

/** Whole days (a multiple of 7) from the fixtures' week to the week of `today`. */
export function shiftDaysTo(today: string): number {
  return dayNum(mondayOf(today)) - dayNum(FIXTURE_MONDAY);
}

/** Every "YYYY-MM-DD" in a text moved by `days`. */
export function shiftText(text: string, days: number): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})(?=[T "<\s]|$)/g, (date) => addDays(date, days));
}

export function fixtureText(name: string, days: number): string {
  return shiftText(readFileSync(join(PAGES, name), 'utf8'), days);
}

export function fixtureJson(name: string, days: number): unknown {
  return JSON.parse(fixtureText(name, days));
}

type Answer = { status: number; contentType: string; body: string };
const html = (body: string, status = 200): Answer => ({ status, contentType: 'text/html; charset=utf-8', body });
const json = (value: unknown, status = 200): Answer => ({ status, contentType: 'application/json', body: JSON.stringify(value) });
/** Answer a Playwright route with a response made by one of the functions below. */
const fulfill = (route: Route, answer: Answer) => route.fulfill(answer);

/** The token the saved Garmin pages carry in <meta name="csrf-token">. */
export const GARMIN_CSRF_TOKEN = 'test-csrf-7f3a9c';

/** What a signed-out or moved endpoint answers: an HTML page, not JSON. */
const SIGN_IN_PAGE = '<!doctype html><title>Sign in</title><form action="/signin"><input name="u"></form>';

export interface GarminOptions {
  days: number;
  /** Which prefix answers the activity search ('none': nothing does, like a signed-out session). */
  searchPrefix?: '/gc-api/' | 'none';
  /**
   * Answer /gc-api/ 403 unless the call carries `connect-csrf-token` equal to the page's
   * <meta name="csrf-token"> (what the live site does, docs/research/sites.md 2026-12).
   */
  requireCsrf?: boolean;
  /** Replace the activity search answer (e.g. garbage). */
  activities?: unknown;
}

/**
 * connect.garmin.com's answer to one request (path and query, and the request's headers, which
 * matter for /gc-api/ with `requireCsrf`). Shared by Chromium (routeGarmin) and Firefox (tests/firefox).
 */
export function garminResponse(url: URL, headers: Record<string, string>, opts: GarminOptions): Answer {
  const searchPrefix = opts.searchPrefix ?? '/gc-api/';
  const path = url.pathname;
  if (path === '/modern/calendar') return html(fixtureText('garmin-calendar.html', opts.days));
  if (path === '/modern/activities') return html(fixtureText('garmin-activities.html', opts.days));
  if (opts.requireCsrf && path.startsWith('/gc-api/') && headers['connect-csrf-token'] !== GARMIN_CSRF_TOKEN) {
    return { status: 403, contentType: 'application/json', body: '{"message":"Forbidden"}' };
  }
  if (path.endsWith('/activitylist-service/activities/search/activities')) {
    const prefix = path.slice(0, path.indexOf('activitylist-service'));
    if (prefix !== searchPrefix) return html(SIGN_IN_PAGE);
    if (opts.activities !== undefined) return json(opts.activities);
    const from = url.searchParams.get('startDate') ?? '0000-00-00';
    const to = url.searchParams.get('endDate') ?? '9999-99-99';
    const start = Number(url.searchParams.get('start') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const all = (fixtureJson('garmin-activities.json', opts.days) as { startTimeLocal?: string }[]).filter((a) => {
      const day = typeof a?.startTimeLocal === 'string' ? a.startTimeLocal.slice(0, 10) : null;
      // Items without a date stay in (they test the parser); the others are filtered like the service does.
      return day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day) || (day >= from && day <= to);
    });
    return json(all.slice(start, start + limit));
  }
  return html(SIGN_IN_PAGE, 404);
}

/** Route connect.garmin.com; returns the paths (with query) asked for, in order. */
export async function routeGarmin(context: BrowserContext, opts: GarminOptions): Promise<string[]> {
  const served: string[] = [];
  await context.route(`${GARMIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    served.push(url.pathname + url.search);
    return fulfill(route, garminResponse(url, route.request().headers(), opts));
  });
  return served;
}

export interface IntervalsOptions {
  days: number;
  /** Replace the API answer (e.g. an error object, or a status). */
  activities?: unknown;
  status?: number;
}

/** intervals.icu's answer to one request. Shared by Chromium (routeIntervals) and Firefox (tests/firefox). */
export function intervalsResponse(url: URL, opts: IntervalsOptions): Answer {
  if (url.pathname === '/calendar' || url.pathname === '/') return html(fixtureText('intervals-calendar.html', opts.days));
  if (url.pathname.startsWith('/activities/')) return html(fixtureText('intervals-activity.html', opts.days));
  if (url.pathname === '/api/v1/athlete/0/activities') {
    if (opts.status) return { status: opts.status, contentType: 'application/json', body: '{"status":429,"error":"Too many requests"}' };
    if (opts.activities !== undefined) return json(opts.activities);
    const oldest = url.searchParams.get('oldest') ?? '0000-00-00';
    const newest = url.searchParams.get('newest') ?? '9999-99-99';
    const all = (fixtureJson('intervals-activities.json', opts.days) as { start_date_local?: string }[]).filter((a) => {
      const day = typeof a?.start_date_local === 'string' ? a.start_date_local.slice(0, 10) : null;
      return day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day) || (day >= oldest && day <= newest);
    });
    return json(all);
  }
  return html('<!doctype html><title>Not found</title>', 404);
}

/** Route intervals.icu; returns the paths (with query) asked for, in order. */
export async function routeIntervals(context: BrowserContext, opts: IntervalsOptions): Promise<string[]> {
  const served: string[] = [];
  await context.route(`${INTERVALS}/**`, async (route) => {
    const url = new URL(route.request().url());
    served.push(url.pathname + url.search);
    return fulfill(route, intervalsResponse(url, opts));
  });
  return served;
}

/** A user-added site: one saved page served at `origin` + `path`. */
export async function routeCustomSite(context: BrowserContext, origin: string, pages: Record<string, string>, days = 0): Promise<string[]> {
  const served: string[] = [];
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    served.push(url.pathname + url.search);
    const name = pages[url.pathname];
    return fulfill(route, name ? html(fixtureText(name, days)) : html('<!doctype html><title>Not found</title>', 404));
  });
  return served;
}
