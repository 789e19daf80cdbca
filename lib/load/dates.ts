// Pure calendar math on wall-clock strings ("YYYY-MM-DD", "YYYY-MM-DDTHH:mm:ss").
// Everything is counted in UTC day numbers (days since 1970-01-01) with integer arithmetic, never
// `new Date(string)`: local-time parsing would shift runs across midnight and DST would make
// some "days" 23 or 25 hours long. A run's start is the runner's own wall clock, so a plain
// proleptic Gregorian calendar with 24-hour days is exactly right.
import type { WeekStart } from './types';

const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0: the leap day falls at the end of the year
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of daysFromCivil (Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** "YYYY-MM-DD" of a day number. */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/**
 * "YYYY-MM-DD" of a moment on the runner's own wall clock (the browser's time zone): the one
 * place a real `Date` becomes a calendar day.
 */
export function localToday(now = new Date()): string {
  return `${pad4(now.getFullYear())}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** "YYYY-MM-DDTHH:mm" of a moment on the runner's own wall clock. */
export function localMinute(now = new Date()): string {
  return `${localToday(now)}T${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
}

/** "YYYY-MM-DDTHH:mm:ss" of wall-clock seconds since 1970-01-01T00:00:00. */
export function formatDateTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const days = Math.floor(whole / SECONDS_PER_DAY);
  const rest = whole - days * SECONDS_PER_DAY;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  return `${formatDay(days)}T${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

// Strict on the calendar (real months, days, hours), lenient on the spelling that real exports
// use: "T" or a space between date and time (Strava's bulk export and the histories use a space),
// seconds optional, a fraction of a second optional, and a trailing zone designator ignored
// (Strava's API writes local times as "...Z"; the digits are the wall clock either way).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Wall-clock milliseconds since 1970-01-01T00:00:00 of "YYYY-MM-DD[THH:mm[:ss[.fff]]]",
 * or null when the string is not a real date and time. A date alone means its midnight.
 */
export function parseWallClockMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  if (value.length === 19) {
    const fast = parseCanonical(value);
    if (fast !== undefined) return fast;
  }
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const at = wallClockMs(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    m[4] === undefined ? 0 : Number(m[4]),
    m[5] === undefined ? 0 : Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
  );
  return at === null ? null : at + ms;
}

function wallClockMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return (daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second) * 1000;
}

// The contract's own spelling, "YYYY-MM-DDTHH:mm:ss", read by character codes: about five times
// faster than the regular expression, and it is what nearly every run carries. undefined: not
// that exact shape, let the regular expression decide.
function parseCanonical(s: string): number | null | undefined {
  const sep = s.charCodeAt(10);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (sep !== 84 && sep !== 32)) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return wallClockMs(year, month, day, hour, minute, second);
}

/** The decimal number of s[from, from + count), or -1 if a character is not a digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a "YYYY-MM-DD" (a time part, if any, is ignored), or null. */
export function parseDay(value: unknown): number | null {
  if (typeof value === 'string' && value.length === 10) return parseIsoDay(value);
  const ms = parseWallClockMs(value);
  return ms === null ? null : Math.floor(ms / (SECONDS_PER_DAY * 1000));
}

/**
 * Day number of exactly "YYYY-MM-DD" (a real date), or null: what parseDay gives for these, without
 * the date-time parser. The running-log pages' halves read only days, and their content scripts
 * have a 10 KB budget.
 */
export function parseIsoDay(value: unknown): number | null {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Day number of wall-clock milliseconds. */
export function dayOfMs(ms: number): number {
  return Math.floor(ms / (SECONDS_PER_DAY * 1000));
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Day number of the first day of the week that holds `days`. */
export function weekStartDay(days: number, weekStartsOn: WeekStart): number {
  const dow = dayOfWeek(days);
  return days - (weekStartsOn === 'sunday' ? dow : (dow + 6) % 7);
}

/** "YYYY-MM-DD" of the first day of the week that holds a date, or null for a malformed date. */
export function weekStartOf(date: string, weekStartsOn: WeekStart): string | null {
  const day = parseDay(date);
  return day === null ? null : formatDay(weekStartDay(day, weekStartsOn));
}

/** "YYYY-MM-DD" shifted by whole days, or null for a malformed date. */
export function addDays(date: string, n: number): string | null {
  return shiftDay(parseDay(date), n);
}

/** Exactly "YYYY-MM-DD" shifted by whole days, or null: addDays for the pages' halves (see parseIsoDay). */
export function addIsoDays(date: string, n: number): string | null {
  return shiftDay(parseIsoDay(date), n);
}

const shiftDay = (day: number | null, n: number) => (day === null || !Number.isInteger(n) ? null : formatDay(day + n));
