// lib/triage/plan-items.json is read with a cast: this schema is what makes the cast safe. A typo
// in an id, a section, a care level, a tag, a topic, a source id or a predicate or text builder's
// name fails here with the path of the field (items[3].care).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import data from '../../../lib/triage/plan-items.json' with { type: 'json' };
import {
  BUILD_BACK_WEEKS,
  CONTRADICTIONS,
  GENERIC_PLAN_ITEMS,
  PLAN_PREDICATES,
  PLAN_SECTIONS,
  PLAN_TEXTS,
  PLAN_TOPICS,
  RUNNING_STRICTNESS,
  WALK_RUN_TABLE,
} from '../../../lib/triage/plan-items';
import { CARE_LISTS } from '../../../lib/triage/care';
import { SOURCES } from '../../../lib/triage/sources';
import { CARE_LEVELS, CONDITION_IDS } from '../../../lib/triage/types';

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
const PREDICATE_NAMES = keys(PLAN_PREDICATES);
const TEXT_NAMES = keys(PLAN_TEXTS);
/** The tags the plan reasons about: those CONTRADICTIONS and RUNNING_STRICTNESS name. */
const TAGS = [...new Set([...CONTRADICTIONS.flat(), ...RUNNING_STRICTNESS])];
/** Text builders that write one step of a ladder, and the ladder's length. */
const LADDERS: Partial<Record<(typeof TEXT_NAMES)[number], { id: string; steps: number }>> = {
  walkRunStep: { id: 'rtr-walk-run', steps: WALK_RUN_TABLE.length },
  buildBackStep: { id: 'rtr-build-back', steps: BUILD_BACK_WEEKS + 1 },
};
/** Text builders that fall back on the item's own words. */
const NEED_TEXT: readonly string[] = ['placeOrText'];

const predicate = z.enum(PREDICATE_NAMES);
const item = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    section: z.enum(PLAN_SECTIONS),
    note: z.string().min(1).optional(),
    care: z.union([z.enum(keys(CARE_LISTS)), z.array(z.enum(CARE_LEVELS)).min(1)], {
      error: (iss) =>
        `${JSON.stringify(iss.input)} is neither one of ${keys(CARE_LISTS).join(', ')} nor a list of ${CARE_LEVELS.join(', ')}`,
    }),
    conditions: z.array(z.enum(CONDITION_IDS)).min(1).optional(),
    when: predicate.optional(),
    text: z.string().min(1).optional(),
    textWhen: z.partialRecord(predicate, z.string().min(1)).optional(),
    textFrom: z.enum(TEXT_NAMES).optional(),
    step: z.int().positive().optional(),
    tags: z.array(z.enum(TAGS)).min(1).optional(),
    topic: z.enum(PLAN_TOPICS).optional(),
    covers: z.array(z.enum(PLAN_TOPICS)).min(1).optional(),
    sources: z
      .array(z.enum(keys(SOURCES)))
      .min(1)
      .optional(),
  })
  .check((ctx) => {
    const i = ctx.value;
    const issue = (message: string, path: string) => ctx.issues.push({ code: 'custom', message, input: i, path: [path] });
    if (i.text === undefined && i.textFrom === undefined) issue(`${i.id}: neither text nor textFrom`, 'text');
    if (i.textWhen && (i.text === undefined || i.textFrom))
      issue(`${i.id}: textWhen needs text (the otherwise) and no textFrom`, 'textWhen');
    if (i.textFrom && NEED_TEXT.includes(i.textFrom) && i.text === undefined) issue(`${i.id}: ${i.textFrom} needs the item's text`, 'text');
    const ladder = i.textFrom && LADDERS[i.textFrom];
    if (ladder ? i.step === undefined || i.step > ladder.steps || i.id !== `${ladder.id}-${i.step}` : i.step !== undefined)
      issue(`${i.id}: step goes with a ladder's builder, from 1 to its length, and names the id`, 'step');
  });
const schema = z.strictObject({
  sections: z.strictObject(Object.fromEntries(PLAN_SECTIONS.map((s) => [s, z.string().min(1)]))),
  items: z.array(item).min(1),
});

const parse = (value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? 'ok' : z.prettifyError(r.error);
};

describe('plan-items.json', () => {
  it('matches the schema', () => {
    expect(parse(data)).toBe('ok');
  });

  it('names the field of a typo', () => {
    const typo = (patch: object) => parse({ ...data, items: [{ ...data.items[0], ...patch }, ...data.items.slice(1)] });
    expect(typo({ care: 'urgnet' })).toMatch(/items\[0\]\.care/);
    expect(typo({ care: ['same day'] })).toMatch(/"same day".*\n.*items\[0\]\.care/);
    expect(typo({ when: 'spiked2' })).toMatch(/items\[0\]\.when/);
    expect(typo({ textFrom: 'nope' })).toMatch(/items\[0\]\.textFrom/);
    expect(typo({ tags: ['run:maybe'] })).toMatch(/items\[0\]\.tags\[0\]/);
    expect(typo({ sources: ['frandsen-2052'] })).toMatch(/items\[0\]\.sources\[0\]/);
    expect(typo({ topic: 'esc:day' })).toMatch(/items\[0\]\.topic/);
    expect(typo({ section: 'later' })).toMatch(/items\[0\]\.section/);
    expect(typo({ step: 2 })).toMatch(/now-go: step goes with a ladder's builder[^\n]*\n.*items\[0\]\.step/);
    expect(typo({ textFrom: undefined })).toMatch(/now-go: neither text nor textFrom[^\n]*\n.*items\[0\]\.text/);
  });

  it('has unique ids, its items grouped by section in the plan order', () => {
    const ids = data.items.map((i) => i.id);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
    const order = data.items.map((i) => PLAN_SECTIONS.indexOf(i.section as (typeof PLAN_SECTIONS)[number]));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('uses every predicate and text builder of the registry', () => {
    const items = data.items as { when?: string; textWhen?: object; textFrom?: string }[];
    const used = new Set(items.flatMap((i) => [i.when, i.textFrom, ...Object.keys(i.textWhen ?? {})]));
    expect(PREDICATE_NAMES.filter((n) => !used.has(n))).toEqual([]);
    expect(TEXT_NAMES.filter((n) => !used.has(n))).toEqual([]);
  });

  it('has every step of each ladder once, in order', () => {
    for (const [name, ladder] of Object.entries(LADDERS)) {
      const steps = (data.items as { textFrom?: string; step?: number }[]).filter((i) => i.textFrom === name).map((i) => i.step);
      expect(steps, name).toEqual(Array.from({ length: ladder.steps }, (_, k) => k + 1));
    }
  });

  it('loads as the generic plan items, in its order, named care lists resolved', () => {
    expect(GENERIC_PLAN_ITEMS.map((i) => i.id)).toEqual(data.items.map((i) => i.id));
    const urgent = GENERIC_PLAN_ITEMS.find((i) => i.id === 'now-go')!;
    expect(urgent.care).toEqual(['emergency', 'same-day']);
  });
});
