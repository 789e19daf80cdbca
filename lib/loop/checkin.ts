// The pain check-in traffic light: how the knee felt during a run and the next morning decide what
// the next run may be. Pure: no DOM, no browser APIs, no zod (the content script may show it).
//
// Source: the pain-monitoring model (Silbernagel et al., AJSM 2007;35:897-906, tendon RCT; used in
// tendon and patellofemoral rehab; docs/research/evidence.md §4 and §6): pain 0-2/10 during
// activity is safe, 3-5 acceptable, above 5 too much; the next morning's pain and stiffness must be
// back to the usual level; pain must not rise week on week. Bone stress injury is the exception:
// its return must be pain-free (Hoenig et al., BJSM 2025 Delphi; evidence.md §4).

export type Light = 'green' | 'amber' | 'red';

/** Next morning, compared with the runner's usual: back to usual, not yet settled, or worse. */
export type NextMorning = 'usual' | 'not-settled' | 'worse';

export interface CheckIn {
  /** Local date of the run ("YYYY-MM-DD"). */
  date: string;
  /** Worst knee pain during the run, 0 (none) to 10 (worst imaginable). */
  painDuring: number;
  /** Unanswered until the next morning. */
  nextMorning?: NextMorning;
  /** The captured run it belongs to ("YYYY-MM-DDTHH:mm:ss" local start), when there is one. */
  runStart?: string;
  /** Distance of that run, km, when known. */
  km?: number;
}

export interface LightVerdict {
  light: Light;
  /** One short line for the runner. */
  title: string;
  /** What it means for the next run. */
  nextRun: string;
}

/** Pain bands of the pain-monitoring model: 0-2 safe, 3-5 acceptable, above 5 too much. */
export const SAFE_PAIN_MAX = 2;
export const ACCEPTABLE_PAIN_MAX = 5;

export function isPainScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/**
 * The light for one check-in. `boneStress`: the runner's episode is a bone stress injury, whose
 * return must be pain-free: any pain, or a morning not back to usual, is red.
 * An unanswered morning judges on the pain during the run alone (the verdict can only get worse
 * once the morning is answered).
 */
export function checkInLight(checkIn: Pick<CheckIn, 'painDuring' | 'nextMorning'>, boneStress = false): LightVerdict {
  const pain = isPainScore(checkIn.painDuring) ? checkIn.painDuring : 10;
  const morning = checkIn.nextMorning;
  if (boneStress) {
    if (pain === 0 && morning !== 'worse' && morning !== 'not-settled') {
      return verdict('green', 'Pain-free: as a bone stress injury needs.', 'Keep to your plan; it must stay pain-free.');
    }
    return verdict(
      'red',
      'Any pain counts with a bone stress injury.',
      'Stop running and tell your clinician: a bone stress injury must heal without pain.',
    );
  }
  if (pain > ACCEPTABLE_PAIN_MAX || morning === 'worse') {
    return verdict(
      'red',
      pain > ACCEPTABLE_PAIN_MAX ? `Too much: ${pain}/10 during the run.` : 'Worse the next morning.',
      'Cut back: a third shorter and easier, or rest a day. Red twice in a row: see a physio.',
    );
  }
  if (pain > SAFE_PAIN_MAX || morning === 'not-settled') {
    return verdict(
      'amber',
      pain > SAFE_PAIN_MAX ? `Acceptable: ${pain}/10 during the run.` : 'Not settled by the next morning.',
      'Repeat this load: no longer or faster run until it is green.',
    );
  }
  return verdict('green', `Safe: ${pain}/10 during the run${morning === 'usual' ? ', settled by morning' : ''}.`, 'Keep to your plan.');
}

function verdict(light: Light, title: string, nextRun: string): LightVerdict {
  return { light, title, nextRun };
}

/**
 * "Pain must not rise week on week": the mean pain of the last 7 days (ending `today`) against the
 * 7 days before, when both have check-ins. True when it rose by a whole point or more.
 */
export function painRisingWeekOnWeek(checkIns: readonly CheckIn[], today: string): boolean {
  const t = Date.parse(`${today}T00:00:00Z`);
  if (!Number.isFinite(t)) return false;
  const mean = (from: number, to: number) => {
    const xs = checkIns
      .filter((c) => isPainScore(c.painDuring))
      .filter((c) => {
        const d = Date.parse(`${c.date}T00:00:00Z`);
        return Number.isFinite(d) && d > t - to * 86_400_000 && d <= t - from * 86_400_000;
      })
      .map((c) => c.painDuring);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const thisWeek = mean(0, 7);
  const lastWeek = mean(7, 14);
  return thisWeek !== null && lastWeek !== null && thisWeek - lastWeek >= 1;
}
