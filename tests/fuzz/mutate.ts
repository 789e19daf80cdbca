// Random damage for the adapter fuzz suite (adapters.fuzz.test.ts): DOM mutations applied to a
// live saved page and undone afterwards (parsing a page costs 25-200 ms in happy-dom, an undo
// costs nothing), and JSON corruptions for the data pages carry or the sites answer.
//
// Two kinds of damage, because they promise different things:
// - "plausible" damage may change what the page says (a row's date, a text). Runs that come from
//   the site's JSON do not depend on it, so their numbers must stay exact.
// - "junk" damage only removes or garbles: no digit, no letter, no date is ever invented, so
//   whatever an adapter still reads is a subset of the real data (never a run that is not there).
import fc from 'fast-check';

// ------------------------------------------------------------------------------------------------
// DOM

/** Elements that carry what adapters look for: ids, dates, rows, data, links, hashed classes. */
const MARKED = [
  '[id]',
  '[data-timestamp]',
  '[data-date]',
  '[data-week]',
  '[data-week-start]',
  '[datetime]',
  '[data-testid]',
  '[role]',
  'time',
  'tr',
  'td',
  'script',
  'a[href]',
  '[title]',
  '[class*="ummary"]',
  '[class*="otal"]',
  '[class*="alendar"]',
  '[class*="eek"]',
  '[class*="interval"]',
  '[class*="goal"]',
  '[class*="user"]',
].join(',');

const ATTRIBUTES = [
  'class',
  'id',
  'data-timestamp',
  'data-date',
  'data-week',
  'data-week-start',
  'datetime',
  'data-testid',
  'href',
  'hidden',
  'style',
  'role',
  'title',
  'aria-hidden',
  'aria-label',
  'data-sport',
  'data-knee-check-key',
] as const;

/** Values that steer adapters somewhere: hashed-class substrings, ids they look up, hiding styles. */
const STRUCTURAL_VALUES = [
  '',
  'true',
  'row',
  'calendar-row',
  'display:none',
  'visibility:hidden',
  'display:none !important',
  '_calendarRowContainer_z',
  '_sidebarContainer_z',
  '_calendarContainer_z',
  'Calendar_weekSummary__x',
  'Calendar_calendarWeek__y',
  'week-summary',
  'weekTotals',
  'week-totals',
  'calendar-week',
  'calendar-day',
  'CalWeek_weekSummary__q',
  'Week-Summary-Cell',
  'interval selectable',
  'interval selectable selected',
  'selected',
  'totals',
  'interval-graph',
  'interval-graph-columns',
  '__NEXT_DATA__',
  '__next',
  'run-goals',
  'progress-goals',
  'weekly-goal',
  'primary-stats',
  'user-menu',
  'drop-down-menu user-menu',
  'knee-check-badge',
  'bar',
];

/** Values that say something: dates, week ids, timestamps, athlete links, distances. */
const PLAUSIBLE_VALUES = [
  '0',
  '-1',
  'NaN',
  '1e400',
  '1771801200',
  '1771801200000',
  '1766962800',
  '2026-02-23',
  '2026-02-16',
  '2026-03-01',
  '2026-02-30',
  '2025-06-01',
  '1999-12-31',
  '9999-12-31',
  '0000-01-01',
  '2026-W08',
  '2026-W53',
  '2020-W53',
  '2016-09-05',
  '2016-09-12T07:00',
  'interval-201640',
  'interval-201652',
  '/athletes/123',
  '/athletes/456',
  '/athletes/123#interval?interval=201638',
  '12.4 km',
  '7,0 km',
  'Run',
  'Laufen',
  'Radfahren',
];

const isoDay = fc
  .integer({ min: Date.UTC(2014, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** No digit, no letter: junk can never make up a date, a distance or a sport. */
const stripMeaning = (s: string) => s.replace(/[\p{L}\p{N}]/gu, '');
const junkString = fc.string({ maxLength: 12 }).map(stripMeaning);

/** Attributes whose value the generic detector reads as the page's words (sport labels). */
const WORDED: ReadonlySet<string> = new Set(['title', 'aria-label', 'alt']);

function valueArb(plausible: boolean): fc.Arbitrary<string> {
  const base: fc.Arbitrary<string>[] = [junkString, fc.constantFrom(...STRUCTURAL_VALUES)];
  if (!plausible) return fc.oneof(...base);
  return fc.oneof(
    ...base,
    fc.constantFrom(...PLAUSIBLE_VALUES),
    fc.string({ maxLength: 16 }),
    isoDay,
    isoDay.map((d) => `${d}T07:00:00`),
    fc.integer({ min: -2e12, max: 3e12 }).map(String),
  );
}

function textArb(plausible: boolean): fc.Arbitrary<string> {
  if (!plausible) return fc.oneof(fc.constant(''), junkString);
  return fc.oneof(
    fc.constant(''),
    junkString,
    fc.string({ maxLength: 20 }),
    fc.constantFrom('This week', 'Last week', 'Woche 9', '12.4 km', '1.234,5 km', '{}', '[]', 'null', '{"props":'),
  );
}

export type Pool = 'any' | 'marked';

export type DomMutation =
  | { op: 'remove'; pool: Pool; at: number }
  | { op: 'removeAttribute'; pool: Pool; at: number; which: number }
  | { op: 'setAttribute'; pool: Pool; at: number; name: (typeof ATTRIBUTES)[number]; value: string }
  | { op: 'text'; at: number; value: string }
  | { op: 'duplicate'; pool: Pool; at: number }
  | { op: 'move'; pool: Pool; at: number; to: number };

/** A short list of DOM mutations. `plausible: false` never invents or moves dates, numbers or words. */
export function domMutations({ plausible, maxLength = 6 }: { plausible: boolean; maxLength?: number }): fc.Arbitrary<DomMutation[]> {
  const pool = fc.constantFrom<Pool>('marked', 'marked', 'any');
  const at = fc.nat();
  const mutations: fc.Arbitrary<DomMutation>[] = [
    fc.record({ op: fc.constant('remove' as const), pool, at }),
    fc.record({ op: fc.constant('removeAttribute' as const), pool, at, which: fc.nat() }),
    fc.constantFrom(...ATTRIBUTES).chain((name) =>
      fc.record({
        op: fc.constant('setAttribute' as const),
        pool,
        at,
        name: fc.constant(name),
        // A label's words are what the page says (a sport icon's title "run-goals" says "run"):
        // junk damage never writes a word there, only empties or garbles it.
        value: !plausible && WORDED.has(name) ? fc.oneof(fc.constant(''), junkString) : valueArb(plausible),
      }),
    ),
    fc.record({ op: fc.constant('text' as const), at, value: textArb(plausible) }),
    fc.record({ op: fc.constant('duplicate' as const), pool, at }),
  ];
  // Moving an element can carry a date or a distance into another row: it says something new.
  if (plausible) mutations.push(fc.record({ op: fc.constant('move' as const), pool, at, to: fc.nat() }));
  const mutation: fc.Arbitrary<DomMutation> = fc.oneof(...mutations);
  return fc.array(mutation, { minLength: 1, maxLength });
}

/**
 * Candidates for each mutation, listed once per document while it is pristine (querying a large
 * page for every mutation costs more than the adapters): the pristine nodes still in the page.
 */
const pools = new WeakMap<Document, { marked: Element[]; any: Element[]; text: Text[] }>();

function poolsOf(doc: Document) {
  let found = pools.get(doc);
  if (!found) {
    const text: Text[] = [];
    const walk = (node: Node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) text.push(child as Text);
        else if (child.nodeType === 1) walk(child);
      }
    };
    walk(doc.documentElement);
    found = {
      marked: [...doc.querySelectorAll(MARKED)],
      any: [...doc.getElementsByTagName('*')].filter((el) => el !== doc.documentElement),
      text,
    };
    pools.set(doc, found);
  }
  return found;
}

const connected = <T extends Node>(nodes: T[]): T[] => nodes.filter((node) => node.isConnected);

/** Every attribute of an element, in order, to put back exactly. */
function snapshotAttributes(el: Element): () => void {
  const saved = el.getAttributeNames().map((name) => [name, el.getAttribute(name)!] as const);
  return () => {
    for (const name of el.getAttributeNames()) el.removeAttribute(name);
    for (const [name, value] of saved) el.setAttribute(name, value);
  };
}

/**
 * Apply the mutations to a live document; returns what undoes them, in reverse order. The first
 * call on a document must find it pristine (it lists the candidates), and every call must be
 * undone before the next.
 */
export function applyDomMutations(doc: Document, mutations: readonly DomMutation[]): () => void {
  poolsOf(doc);
  const undo: (() => void)[] = [];
  for (const m of mutations) {
    if (m.op === 'text') {
      const nodes = connected(poolsOf(doc).text);
      if (!nodes.length) continue;
      const node = nodes[m.at % nodes.length]!;
      const old = node.data;
      node.data = m.value;
      undo.push(() => (node.data = old));
      continue;
    }
    const elements = connected(poolsOf(doc)[m.pool]);
    if (!elements.length) continue;
    const el = elements[m.at % elements.length]!;
    switch (m.op) {
      case 'remove': {
        const parent = el.parentNode;
        const next = el.nextSibling;
        if (!parent) break;
        el.remove();
        undo.push(() => parent.insertBefore(el, next));
        break;
      }
      case 'removeAttribute': {
        const names = el.getAttributeNames();
        if (!names.length) break;
        undo.push(snapshotAttributes(el));
        el.removeAttribute(names[m.which % names.length]!);
        break;
      }
      case 'setAttribute': {
        undo.push(snapshotAttributes(el));
        el.setAttribute(m.name, m.value);
        break;
      }
      case 'duplicate': {
        if (!el.parentNode) break;
        const copy = el.cloneNode(true) as Element;
        el.after(copy);
        undo.push(() => copy.remove());
        break;
      }
      case 'move': {
        const target = elements[m.to % elements.length]!;
        const parent = el.parentNode;
        const next = el.nextSibling;
        if (
          !parent ||
          target === el ||
          el.contains(target) ||
          !target.parentNode ||
          target.nodeName === 'HEAD' ||
          target.nodeName === 'BODY'
        )
          break;
        target.before(el);
        undo.push(() => parent.insertBefore(el, next));
        break;
      }
    }
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
  };
}

// ------------------------------------------------------------------------------------------------
// JSON

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON that means nothing: no number, no digit, no letter in any string (keys may be anything). */
export const junkJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    junkString,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }).map(stripMeaning), tie('value'), { maxKeys: 3 }),
  ),
})).value;

export type JsonCorruption =
  /** Delete the key or array element at the i-th node (depth-first). */
  | { op: 'delete'; at: number }
  /** Replace the i-th node with junk. */
  | { op: 'junk'; at: number; value: Json }
  /** A schema change: rename one key everywhere it appears. */
  | { op: 'renameKey'; key: number; to: string }
  /** A schema change: every value of one key becomes another type (number -> "5000 m", ...). */
  | { op: 'retypeKey'; key: number; as: 'unit-string' | 'object' | 'null' | 'array' };

export const jsonCorruptions: fc.Arbitrary<JsonCorruption[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('junk' as const), at: fc.nat(), value: junkJson }),
    fc.record({
      op: fc.constant('renameKey' as const),
      key: fc.nat(),
      to: fc.constantFrom('', 'x', 'distance_m', 'sportType', 'startDateLocal', 'data'),
    }),
    fc.record({
      op: fc.constant('retypeKey' as const),
      key: fc.nat(),
      as: fc.constantFrom('unit-string', 'object', 'null', 'array') as fc.Arbitrary<'unit-string' | 'object' | 'null' | 'array'>,
    }),
  ),
  { minLength: 1, maxLength: 4 },
);

interface Slot {
  parent: Json[] | { [key: string]: Json };
  key: string | number;
}

function slotsOf(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, i) => (out.push({ parent: node, key: i }), walk(child)));
    else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        out.push({ parent: node, key });
        walk(node[key]!);
      }
    }
  };
  walk(root);
  return out;
}

function keysOf(root: Json): string[] {
  const keys = new Set<string>();
  for (const slot of slotsOf(root)) if (typeof slot.key === 'string') keys.add(slot.key);
  return [...keys].sort();
}

function retype(value: Json, as: 'unit-string' | 'object' | 'null' | 'array'): Json {
  if (as === 'null') return null;
  if (as === 'object') return { value };
  if (as === 'array') return [value];
  // A number or a date with a unit after it: no longer a bare number, no longer a date.
  return typeof value === 'number' || typeof value === 'string' ? `${value} m` : value;
}

/** A corrupted deep copy of `value` (never the original). */
export function corruptJson<T>(value: T, corruptions: readonly JsonCorruption[]): Json {
  let root = structuredClone(value) as Json;
  for (const c of corruptions) {
    if (c.op === 'renameKey' || c.op === 'retypeKey') {
      const keys = keysOf(root);
      if (!keys.length) continue;
      const key = keys[c.key % keys.length]!;
      for (const slot of slotsOf(root)) {
        if (slot.key !== key || Array.isArray(slot.parent)) continue;
        const parent = slot.parent;
        if (c.op === 'retypeKey') parent[key] = retype(parent[key]!, c.as);
        else if (c.to !== key && !(c.to in parent)) {
          parent[c.to] = parent[key]!;
          delete parent[key];
        }
      }
      continue;
    }
    const slots = slotsOf(root);
    if (!slots.length) {
      if (c.op === 'junk') root = c.value;
      continue;
    }
    const { parent, key } = slots[c.at % slots.length]!;
    if (c.op === 'junk') (parent as Record<string | number, Json>)[key] = structuredClone(c.value);
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  }
  return root;
}

/** Text damage for embedded JSON: truncation, junk spliced in, a slice cut out, or junk instead. */
export type TextCorruption =
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; text: string }
  | { op: 'cut'; at: number; length: number }
  | { op: 'replace'; text: string };

export const textCorruption: fc.Arbitrary<TextCorruption> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('splice' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom('{', '}', ',', '"', ']', '\\', '<!--', '</script>')),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    op: fc.constant('replace' as const),
    text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'null', '[]', '{}', '"x"', '{"props":null}')),
  }),
);

export function corruptText(text: string, c: TextCorruption): string {
  const at = c.op === 'replace' ? 0 : c.at % (text.length + 1);
  switch (c.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'splice':
      return text.slice(0, at) + c.text + text.slice(at);
    case 'cut':
      return text.slice(0, at) + text.slice(at + c.length);
    case 'replace':
      return c.text;
  }
}
