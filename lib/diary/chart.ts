// The diary chart as plain data: weekly distance (bars), each day's pain during running from the
// check-ins (dots, 0-10: the worst of that day), and the runs that were a spike over the longest run
// of the previous 30 days (Frandsen et al., BJSM 2025: the runner's own spike threshold), for the
// last N weeks up to today. Pure: the options page draws it in SVG, the report prints it as tables.
import { formatDay, parseDay, weekStartDay } from '../load/dates';
import { runSpikes, spikeLevel } from '../load/spikes';
import { weeklyTotals } from '../load/weekly';
import { formatDistance } from '../load/units';
import type { Run, Units, WarningLevel, WeekStart } from '../load/types';
import { checkInLight, type Light } from '../loop/checkin';
import type { DiaryCheckIn } from './schema';

export interface ChartWeek {
  weekStart: string;
  km: number;
  runs: number;
}

export interface PainPoint {
  date: string;
  /** Days since the first day of the first week (x position). */
  day: number;
  /** The worst pain during running checked in that day, 0-10. */
  pain: number;
  light: Light;
}

export interface SpikeMark {
  start: string;
  date: string;
  day: number;
  km: number;
  longestPrior30dKm: number;
  spikePct: number;
  level: Exclude<WarningLevel, 'ok'>;
}

export interface PainLoadChart {
  weeks: ChartWeek[];
  /** Days shown (weeks × 7). */
  days: number;
  pain: PainPoint[];
  spikes: SpikeMark[];
  /** The tallest week, km (at least 1 so an empty chart still has a scale). */
  maxKm: number;
  /** One or two plain sentences that say what the chart shows (its text alternative). */
  summary: string;
}

export interface ChartInput {
  runs: readonly Run[];
  checkIns: readonly DiaryCheckIn[];
  today: string;
  weeks: number;
  weekStartsOn: WeekStart;
  /** The runner's spike threshold, %. */
  spikePct: number;
  units: Units;
  locale?: string;
}

export function buildPainLoadChart(input: ChartInput): PainLoadChart {
  const { runs, checkIns, weeks: count, weekStartsOn, spikePct, units, locale } = input;
  const todayDay = parseDay(input.today);
  if (todayDay === null) throw new Error(`not a date: ${input.today}`);
  const firstDay = weekStartDay(todayDay, weekStartsOn) - 7 * (count - 1);
  const days = 7 * count;
  const from = formatDay(firstDay);
  const inRange = (day: number | null): day is number => day !== null && day >= firstDay && day <= todayDay;

  // Whole weeks, empty ones included, even when the runs start later than the first week.
  const totals = new Map(weeklyTotals([...runs], { weekStartsOn, until: input.today }).map((w) => [w.weekStart, w]));
  const weeks: ChartWeek[] = [];
  for (let i = 0; i < count; i++) {
    const weekStart = formatDay(firstDay + 7 * i);
    const total = totals.get(weekStart);
    weeks.push({ weekStart, km: total?.km ?? 0, runs: total?.runs ?? 0 });
  }

  const worst = new Map<number, DiaryCheckIn>();
  for (const checkIn of checkIns) {
    const day = parseDay(checkIn.date);
    if (!inRange(day)) continue;
    const kept = worst.get(day);
    if (!kept || checkIn.painDuring > kept.painDuring) worst.set(day, checkIn);
  }
  const pain: PainPoint[] = [...worst.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, c]) => ({ date: c.date, day: day - firstDay, pain: c.painDuring, light: checkInLight(c).light }));

  const spikes: SpikeMark[] = [];
  for (const row of runSpikes([...runs])) {
    const day = parseDay(row.start);
    const level = spikeLevel(row.spikePct, spikePct);
    if (!inRange(day) || level === 'ok' || row.spikePct === null || row.longestPrior30dKm === null) continue;
    spikes.push({
      start: row.start,
      date: formatDay(day),
      day: day - firstDay,
      km: row.km,
      longestPrior30dKm: row.longestPrior30dKm,
      spikePct: row.spikePct,
      level,
    });
  }

  const maxKm = Math.max(1, ...weeks.map((w) => w.km));
  const distance = (km: number) => formatDistance(km, units, locale);
  const latest = weeks.at(-1)!;
  const parts = [
    `Last ${count} weeks from ${from}: weekly distance from ${distance(Math.min(...weeks.map((w) => w.km)))} to ${distance(Math.max(...weeks.map((w) => w.km)))}, this week ${distance(latest.km)}.`,
    pain.length
      ? `Pain during running on ${pain.length} day${pain.length === 1 ? '' : 's'}, from ${Math.min(...pain.map((p) => p.pain))} to ${Math.max(...pain.map((p) => p.pain))} out of 10; latest ${pain.at(-1)!.pain} out of 10 on ${pain.at(-1)!.date}.`
      : 'No pain check-ins in these weeks.',
    spikes.length
      ? `${spikes.length} run${spikes.length === 1 ? ' was a spike' : 's were spikes'} over your ${spikePct} % limit.`
      : `No run was a spike over your ${spikePct} % limit.`,
  ];
  return { weeks, days, pain, spikes, maxKm, summary: parts.join(' ') };
}
