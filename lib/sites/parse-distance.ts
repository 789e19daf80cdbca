// Distances as people see them on running-log pages ("12.4 mi", "1.234,5 km", "1 234,5 km").
// The last resort of every adapter: data comes from the page's JSON first. Conservative by design:
// a string that could mean two different numbers gives null, never a guess.
// Pure and zod-free: the content script imports this module.
import type { Units } from '../load/types';
import { fromDisplay, KM_PER_MILE } from '../load/units';

/** Kilometres per mile: defined once, in lib/load/units. */
export { KM_PER_MILE };

export type DistanceUnit = Units;

export interface ParsedDistance {
  /** Kilometres, finite, within [0, maxKm]. */
  km: number;
  /** The number as read, in `unit`. */
  value: number;
  unit: DistanceUnit;
}

export interface ParseDistanceOptions {
  /** Unit for a bare number whose unit is shown elsewhere (an `<abbr class="unit">` beside it). */
  defaultUnit?: DistanceUnit;
  /** The page's decimal separator, when known: resolves "1,234" and "1.234". */
  decimal?: '.' | ',';
  /** Plausibility limit, km (default 1000: more than anyone runs in a week). */
  maxKm?: number;
}

const DEFAULT_MAX_KM = 1000;
/** Visible labels are short; longer text is not a distance label. */
const MAX_INPUT_LENGTH = 500;

// Unit words, longest first so "kilometres" wins over "km". Lower case; matched case-insensitively.
const KM_WORDS = [
  'kilomètres',
  'kilometres',
  'kilometers',
  'kilómetros',
  'kilometros',
  'chilometri',
  'kilomètre',
  'kilometre',
  'kilometer',
  'kilómetro',
  'kilometro',
  'chilometro',
  'kms',
  'km',
  'км',
];
const MI_WORDS = ['miles', 'millas', 'milles', 'meilen', 'mile', 'milla', 'meile', 'mi'];
const UNIT_SOURCE = [...KM_WORDS, ...MI_WORDS].sort((a, b) => b.length - a.length).join('|');

// Hours and minutes ("1:05", "1:05:30", "5:30.2") are durations or paces, never distances.
const TIME_PATTERN = /\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d+)?/g;
// A run of digits and separators (group separators: space, apostrophe, dot, comma).
const NUMBER_RUN = "\\d(?:[\\d.,' ’]*\\d)?";
// Letters of alphabetic scripts (a CJK label may touch the number: "距離12.4km").
const WORD_CHARS = '\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}';
// Not preceded by a letter, digit or a sign/separator that would change its meaning ("-5", "/5",
// "A5", "10–12"); followed by optional spaces and a unit that is not part of a longer word or a
// speed ("km/h", "mi/hr").
const DISTANCE_PATTERN = new RegExp(
  `(?<![${WORD_CHARS}_.,:/'’\\-−–—+])(${NUMBER_RUN})\\s*(${UNIT_SOURCE})(?![${WORD_CHARS}_])(?!\\s*(?:\\/|per\\b)\\s*(?:h|hr|hour|std|heure|ora|hora)\\b)`,
  'giu',
);
const MI_SET = new Set(MI_WORDS);

function normalise(text: string): string {
  let out = text;
  try {
    // NFKC: NBSP, thin and narrow no-break spaces become plain spaces, "㎞" becomes "km",
    // full-width digits become ASCII.
    out = out.normalize('NFKC');
  } catch {
    // Lone surrogates: keep the text as is.
  }
  return out.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ');
}

/**
 * A number written with group and decimal separators, or null when it is malformed or ambiguous.
 * "1,234.5", "1.234,5", "1 234,5", "1'234.5", "12,4", "20" are read; "1,234" and "1.234" are
 * ambiguous (thousand or decimal?) unless `decimal` says which separator the page uses.
 */
export function parseLocaleNumber(input: string, decimal?: '.' | ','): number | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > 40) return null;
  const text = input.replace(/’/g, "'");
  if (!/^\d(?:[\d.,' ]*\d)?$/.test(text)) return null;
  const groups = text.split(/[.,' ]/);
  const seps: string[] = text.match(/[.,' ]/g) ?? [];
  if (groups.some((g) => g.length === 0)) return null; // "1..2", "1, 2"
  if (seps.length === 0) return Number(text);

  const last = seps[seps.length - 1]!;
  let decimalSep: string | null = null;
  if (last === '.' || last === ',') {
    const other = last === '.' ? ',' : '.';
    const lastCount = seps.filter((s) => s === last).length;
    if (seps.includes(other)) {
      decimalSep = lastCount === 1 ? last : null; // "1,234.5" / "1.234,5"; "1.234.5,6" is malformed below
      if (decimalSep === null) return null;
    } else if (lastCount > 1) {
      decimalSep = null; // "1,234,567": grouping only
    } else if (seps.length > 1) {
      decimalSep = last; // "1 234,5", "1'234.5"
    } else {
      // One separator, nothing else: "12,4" is a decimal; "1,234" could be either.
      const head = groups[0]!;
      const tail = groups[1]!;
      const couldGroup = tail.length === 3 && head.length <= 3 && !head.startsWith('0');
      if (!couldGroup) decimalSep = last;
      else if (decimal) decimalSep = decimal === last ? last : null;
      else return null;
    }
  }

  const integerSeps = decimalSep === null ? seps : seps.slice(0, -1);
  const integerGroups = decimalSep === null ? groups : groups.slice(0, -1);
  const fraction = decimalSep === null ? '' : groups[groups.length - 1]!;
  if (integerSeps.length > 0) {
    const groupSep = integerSeps[0]!;
    if (groupSep === decimalSep || integerSeps.some((s) => s !== groupSep)) return null;
    const [head, ...rest] = integerGroups;
    if (!head || head.length > 3 || head.startsWith('0')) return null;
    if (rest.some((g) => g.length !== 3)) return null;
  }
  const value = Number(`${integerGroups.join('')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

function toDistance(value: number, unit: DistanceUnit, maxKm: number): ParsedDistance | null {
  const km = fromDisplay(value, unit);
  if (!Number.isFinite(km) || km < 0 || km > maxKm) return null;
  return { km, value, unit };
}

/** The longest valid reading of a digit run, trying later starts after a space ("Week 3 12.4"). */
function readNumberRun(run: string, decimal?: '.' | ','): number | null {
  const whole = parseLocaleNumber(run, decimal);
  if (whole !== null) return whole;
  for (let i = 0; i < run.length; i++) {
    if (run[i] !== ' ') continue;
    const suffix = run.slice(i + 1);
    // "1 234.5" must not lose its thousands: a suffix that starts like a digit group after a
    // 1-3 digit piece is the same number, malformed, so nothing is read.
    if (/(?:^|\D)\d{1,3}$/.test(run.slice(0, i)) && /^\d{3}(?!\d)/.test(suffix)) return null;
    const value = parseLocaleNumber(suffix, decimal);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The distance in a visible string, or null. Never throws, for any input.
 * Several distances in one string must agree ("12.4 mi (20.0 km)"); otherwise null.
 */
export function parseDistance(text: unknown, options: ParseDistanceOptions = {}): ParsedDistance | null {
  try {
    if (typeof text !== 'string' || text.length > MAX_INPUT_LENGTH) return null;
    const maxKm = typeof options.maxKm === 'number' && options.maxKm >= 0 ? options.maxKm : DEFAULT_MAX_KM;
    const decimal = options.decimal === '.' || options.decimal === ',' ? options.decimal : undefined;
    const clean = normalise(text).replace(TIME_PATTERN, ' ; ').trim();
    if (clean === '') return null;

    const found: ParsedDistance[] = [];
    DISTANCE_PATTERN.lastIndex = 0;
    for (const match of clean.matchAll(DISTANCE_PATTERN)) {
      const value = readNumberRun(match[1]!.trim(), decimal);
      if (value === null) return null; // a distance we cannot read: do not guess from the rest
      const unit: DistanceUnit = MI_SET.has(match[2]!.toLowerCase()) ? 'mi' : 'km';
      const distance = toDistance(value, unit, maxKm);
      if (!distance) return null;
      found.push(distance);
    }
    if (found.length > 0) {
      const first = found[0]!;
      const agree = found.every((d) => Math.abs(d.km - first.km) <= Math.max(0.05, first.km * 0.01));
      return agree ? first : null;
    }
    // A bare number whose unit the caller knows ("12.4" beside <abbr class="unit">mi</abbr>).
    if (options.defaultUnit === 'km' || options.defaultUnit === 'mi') {
      if (!/^\d(?:[\d.,' ’]*\d)?$/.test(clean)) return null;
      const value = parseLocaleNumber(clean, decimal);
      return value === null ? null : toDistance(value, options.defaultUnit, maxKm);
    }
    return null;
  } catch {
    return null;
  }
}

/** The unit a label names on its own ("km", "mi", "miles"), e.g. an `<abbr class="unit">`. */
export function unitOf(text: unknown): DistanceUnit | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const word = normalise(text).trim().toLowerCase();
  if (KM_WORDS.includes(word)) return 'km';
  if (MI_WORDS.includes(word)) return 'mi';
  return null;
}
