// advice.json (read by lib/triage/advice.ts) against the ids the engine knows: a typo in a condition
// id, a care level, a tag, a topic, a source id or a shared name fails here, naming the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import data from '../../../lib/triage/advice.json' with { type: 'json' };
import { CARE_LISTS } from '../../../lib/triage/care';
import { CONTRADICTIONS, GENERIC_PLAN_ITEMS, RUNNING_STRICTNESS, type PlanTopic } from '../../../lib/triage/plan-items';
import { SOURCES } from '../../../lib/triage/sources';
import { CONDITION_IDS } from '../../../lib/triage/types';

/** Every PlanTopic (a type only): `satisfies` makes the compiler reject a missing or unknown one. */
const PLAN_TOPICS = Object.keys({ 'esc:mechanical': true, 'esc:night': true, 'avoid:running': true } satisfies Record<PlanTopic, true>);

/** The tags plan-items.ts knows what to do with: those it declares contradictions or strictness for. */
const KNOWN_TAGS = [...new Set([...CONTRADICTIONS.flat(), ...RUNNING_STRICTNESS])];

/** A blank in a shared exercise's text, filled by the condition that lists it: "{angle}". */
const BLANK = /\{(\w+)\}/g;

const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);
const namesIn = (table: object) => oneOf(Object.keys(table));

const text = z
  .string()
  .min(1)
  .refine((s) => s === s.trim(), 'no spaces at the ends');
const note = text.optional();
const tags = z.array(oneOf(KNOWN_TAGS)).min(1);
const careName = namesIn(CARE_LISTS);
const exerciseId = namesIn(data.exercises);

const ownExercise = z.strictObject({ name: text, dose: text, why: text, note });

const line = z.union([
  text,
  z
    .strictObject({
      kind: namesIn(data.kinds).optional(),
      text,
      care: careName.optional(),
      tags: tags.optional(),
      sex: z.literal('female').optional(),
      covers: z.array(oneOf(PLAN_TOPICS)).min(1).optional(),
      note,
    })
    .refine(
      (l) => l.kind === undefined || (l.care === undefined && l.tags === undefined),
      'a kind sets care and tags: give one or the other',
    )
    .refine((l) => Object.keys(l).some((k) => k !== 'text' && k !== 'note'), 'a line with only a text is written as a plain string'),
]);

const exercise = z.union([exerciseId, z.strictObject({ exercise: exerciseId }).catchall(text), ownExercise]);

const condition = z.strictObject({
  now: z.array(line),
  avoid: z.array(line),
  strength: z.array(exercise),
  load: z.array(line),
  returnNotes: z.array(line),
  escalate: z.array(line),
  reviewWeeks: z.number().int().min(1),
  sources: z.array(namesIn(SOURCES)).min(1).optional(),
  note,
});

const adviceFile = z.strictObject({
  $comment: text,
  kinds: z.record(z.string(), z.strictObject({ care: careName, tags, note })),
  exercises: z.record(z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'a lower-case id with hyphens'), ownExercise),
  conditions: z.strictObject(Object.fromEntries(CONDITION_IDS.map((id) => [id, condition]))),
});

type Issue = z.core.$ZodIssue;

/** "path: message" for each issue; in a union, the issues of the branches the value was written for. */
function messages(issues: readonly Issue[], at: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((i) => {
    const path = [...at, ...i.path];
    if (i.code === 'invalid_union') {
      const meant = i.errors.filter((branch) => !branch.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (meant.length > 0) return meant.flatMap((branch) => messages(branch, path));
    }
    return [`${path.map(String).join('.')}: ${i.message}`];
  });
}

function problems(raw: unknown): string[] {
  const result = adviceFile.safeParse(raw);
  return result.success ? [] : messages(result.error.issues);
}

const conditions = Object.values(data.conditions) as z.infer<typeof condition>[];
const lineObjects = conditions
  .flatMap((c) => [c.now, c.avoid, c.load, c.returnNotes, c.escalate].flat())
  .filter((l) => typeof l !== 'string');
const strength = conditions.flatMap((c) => c.strength);

describe('advice.json', () => {
  it('uses only the condition ids, care levels, tags, topics and sources the engine knows', () => {
    expect(problems(data)).toEqual([]);
  });

  it('names the field of a typo', () => {
    const bad = structuredClone(data);
    bad.conditions['bone-stress-injury'].avoid[0] = { text: 'Running.', care: 'not-urgent' };
    bad.kinds.cut.tags = ['run:cutt'];
    bad.conditions.dvt.sources = ['nice-ng999'];
    expect(problems(bad)).toEqual([
      expect.stringMatching(/^kinds\.cut\.tags\.0: /),
      expect.stringMatching(/^conditions\.bone-stress-injury\.avoid\.0\.care: /),
      expect.stringMatching(/^conditions\.dvt\.sources\.0: /),
    ]);
  });

  it('uses every kind and shared exercise it names', () => {
    const kindsUsed = lineObjects.map((l) => l.kind);
    const exercisesUsed = strength.map((e) => (typeof e === 'string' ? e : 'exercise' in e ? e.exercise : undefined));
    for (const name of Object.keys(data.kinds)) expect(kindsUsed, `kinds.${name}`).toContain(name);
    for (const id of Object.keys(data.exercises)) expect(exercisesUsed, `exercises.${id}`).toContain(id);
  });

  it('fills exactly the blanks of each shared exercise it lists', () => {
    const shared: Record<string, { name: string; dose: string; why: string }> = data.exercises;
    for (const e of strength) {
      if (typeof e !== 'string' && !('exercise' in e)) continue;
      const id = typeof e === 'string' ? e : e.exercise;
      const s = shared[id]!;
      const blanks = [...`${s.name} ${s.dose} ${s.why}`.matchAll(BLANK)].map((m) => m[1]).sort();
      const filled =
        typeof e === 'string'
          ? []
          : Object.keys(e)
              .filter((k) => k !== 'exercise')
              .sort();
      expect(filled, id).toEqual(blanks);
    }
  });

  it('covers only concerns that a generic plan item has', () => {
    const topics = GENERIC_PLAN_ITEMS.flatMap((item) => item.topic ?? []);
    for (const topic of lineObjects.flatMap((l) => l.covers ?? [])) expect(topics).toContain(topic);
  });

  it('cites each source of a condition once', () => {
    for (const c of conditions) expect(new Set(c.sources).size).toBe(c.sources?.length ?? 0);
  });
});

// Imported here, not above: a bad name makes the loader throw, and the checks above should still say which field.
const advice = async () => (await import('../../../lib/triage/advice')).ADVICE;

describe('ADVICE, read from advice.json', () => {
  it('has every condition, in the order of CONDITION_IDS', async () => {
    const ADVICE = await advice();
    expect(Object.keys(ADVICE)).toEqual([...CONDITION_IDS]);
  });

  it('writes a kind out as its care levels and tags', async () => {
    const ADVICE = await advice();
    expect(ADVICE['itb-syndrome'].load[0]).toEqual({
      text: 'Keep each run shorter than the distance that sets it off, then add a little at a time once you reach it pain-free.',
      care: ['modify-load'],
      tags: ['run:cut'],
    });
    expect(ADVICE['referred-hip-pain'].now[0]).toMatchObject({ care: ['emergency', 'same-day', 'see-clinician'], tags: ['run:none'] });
  });

  it('fills the blanks of a shared exercise and leaves none', async () => {
    const ADVICE = await advice();
    expect(ADVICE['fat-pad-irritation'].strength[0]!.dose).toBe('5 holds of 30-45 s at about 60 degrees, daily, pain no more than 3/10');
    const all = Object.values(ADVICE).flatMap((a) => a.strength.flatMap((e) => [e.name, e.dose, e.why]));
    expect(all.filter((s) => s.includes('{'))).toEqual([]);
  });

  it('keeps the notes and the kinds for the reader only', async () => {
    const ADVICE = await advice();
    expect(JSON.stringify(ADVICE)).not.toMatch(/"(note|kind|exercise)":/);
  });
});
