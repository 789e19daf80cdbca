// The knee diary's shape and its validation (zod/mini, like the checker's answers): pain
// check-ins, injury episodes with their return-to-run ladder, past checker results, and the facts
// about the runner's knee that do not change between checks. Health data: storage.local only.
// Every read and every import is validated; unknown keys are dropped; caps keep it small.
import * as z from 'zod/mini';
import { CARE_LEVELS, CONDITION_IDS, HISTORIES, LOCATIONS, SEXES, SIDES } from '../triage/types';
import { TOP_LEVEL } from '../loop/return-levels';

export const DIARY_VERSION = 1;
export const MAX_CHECK_INS = 400;
export const MAX_EPISODES = 50;
export const MAX_RESULTS = 50;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-12-04' }));
const wallClock = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: 'must be a local date-time' }));
const id = z.string().check(z.minLength(1), z.maxLength(40));
const light = z.enum(['green', 'amber', 'red']);

export const checkInSchema = z.object({
  id,
  date: day,
  painDuring: z.number().check(z.int(), z.gte(0), z.lte(10)),
  nextMorning: z.optional(z.enum(['usual', 'not-settled', 'worse'])),
  runStart: z.optional(wallClock),
  km: z.optional(z.number().check(z.gte(0), z.lte(300))),
  episodeId: z.optional(id),
});

export const episodeSchema = z.object({
  id,
  startedOn: day,
  side: z.optional(z.enum(SIDES)),
  locations: z.array(z.enum(LOCATIONS)).check(z.maxLength(LOCATIONS.length)),
  care: z.enum(CARE_LEVELS),
  topCause: z.enum(CONDITION_IDS),
  topCauseName: z.string().check(z.maxLength(120)),
  boneStress: z.boolean(),
  ladder: z.object({
    level: z.number().check(z.int(), z.gte(1), z.lte(TOP_LEVEL)),
    sessions: z
      .array(z.object({ date: day, level: z.number().check(z.int(), z.gte(1), z.lte(TOP_LEVEL)), light }))
      .check(z.maxLength(MAX_CHECK_INS)),
    changes: z
      .array(z.object({ date: day, from: z.number().check(z.int()), to: z.number().check(z.int()) }))
      .check(z.maxLength(MAX_CHECK_INS)),
  }),
  closedOn: z.optional(day),
});

export const savedResultSchema = z.object({
  savedOn: day,
  care: z.enum(CARE_LEVELS),
  topCause: z.enum(CONDITION_IDS),
  topCauseName: z.string().check(z.maxLength(120)),
});

/** "Your knee": what the checker asks that does not change between checks. */
export const kneeProfileSchema = z.object({
  age: z.optional(z.number().check(z.int(), z.gte(8), z.lte(100))),
  sex: z.optional(z.enum(SEXES)),
  side: z.optional(z.enum(SIDES)),
  history: z.array(z.enum(HISTORIES)).check(z.maxLength(HISTORIES.length)),
});

export const diarySchema = z.object({
  version: z.literal(DIARY_VERSION),
  checkIns: z.array(checkInSchema).check(z.maxLength(MAX_CHECK_INS)),
  episodes: z.array(episodeSchema).check(z.maxLength(MAX_EPISODES)),
  results: z.array(savedResultSchema).check(z.maxLength(MAX_RESULTS)),
  profile: kneeProfileSchema,
});

export type DiaryCheckIn = z.infer<typeof checkInSchema>;
export type Episode = z.infer<typeof episodeSchema>;
export type SavedResult = z.infer<typeof savedResultSchema>;
export type KneeProfile = z.infer<typeof kneeProfileSchema>;
export type Diary = z.infer<typeof diarySchema>;

export function emptyDiary(): Diary {
  return { version: DIARY_VERSION, checkIns: [], episodes: [], results: [], profile: { history: [] } };
}

export type DiaryParse = { ok: true; diary: Diary } | { ok: false; problem: string };

/** Validate a stored or imported diary; the problem names the first bad field ("checkIns.3.painDuring: ..."). */
export function parseDiary(raw: unknown): DiaryParse {
  const parsed = z.safeParse(diarySchema, raw);
  if (parsed.success) return { ok: true, diary: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'diary';
  return { ok: false, problem: `${where}: ${issue?.message ?? 'not a knee diary'}` };
}
