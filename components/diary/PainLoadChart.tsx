// Daily pain (dots, 0-10, right scale) over weekly distance (bars, left scale), spike runs marked
// with a triangle above the bars. Plain SVG drawn by Preact (no chart library). Accessible: the
// picture is one role="img" named by its text summary, and "Show as a table" gives every number.
import { toDisplay } from '@/lib/load/units';
import type { Units } from '@/lib/load/types';
import type { PainLoadChart as ChartData } from '@/lib/diary/chart';
import { PainTable, SpikesTable, WeeksTable } from './DiaryTables';
import './chart.css';

const W = 640;
const H = 260;
const PAD = { left: 48, right: 40, top: 28, bottom: 34 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** A round top for the distance scale: 1, 2, 5 × 10^n in the runner's units. */
function niceMax(value: number): number {
  const exp = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  for (const step of [1, 2, 5, 10]) if (value <= step * exp) return step * exp;
  return 10 * exp;
}

/** `tables: false` where the page prints the same numbers as tables of its own (the clinician summary). */
export function PainLoadChart({
  chart,
  units,
  spikePct,
  id,
  tables = true,
}: {
  chart: ChartData;
  units: Units;
  spikePct: number;
  id: string;
  tables?: boolean;
}) {
  const unitWord = units === 'mi' ? 'mi' : 'km';
  const top = niceMax(toDisplay(chart.maxKm, units));
  const yKm = (km: number) => PAD.top + PLOT_H - (toDisplay(km, units) / top) * PLOT_H;
  const yPain = (pain: number) => PAD.top + PLOT_H - (pain / 10) * PLOT_H;
  const xDay = (day: number) => PAD.left + ((day + 0.5) / chart.days) * PLOT_W;
  const weekW = PLOT_W / chart.weeks.length;
  const summaryId = `${id}-summary`;
  return (
    <figure class="pain-chart" id={id}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={summaryId} class="pain-chart__svg" focusable="false">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              class="pain-chart__grid"
              x1={PAD.left}
              x2={W - PAD.right}
              y1={PAD.top + PLOT_H * (1 - f)}
              y2={PAD.top + PLOT_H * (1 - f)}
            />
            <text class="pain-chart__axis" x={PAD.left - 6} y={PAD.top + PLOT_H * (1 - f) + 4} text-anchor="end">
              {Math.round(top * f * 10) / 10}
            </text>
            <text class="pain-chart__axis" x={W - PAD.right + 6} y={PAD.top + PLOT_H * (1 - f) + 4}>
              {10 * f}
            </text>
          </g>
        ))}
        <text class="pain-chart__axis" x={4} y={PAD.top - 12}>
          {unitWord}/week
        </text>
        <text class="pain-chart__axis" x={W - PAD.right + 6} y={PAD.top - 12}>
          pain
        </text>
        {chart.weeks.map((w, i) => (
          <g key={w.weekStart}>
            <rect
              class="pain-chart__bar"
              x={PAD.left + i * weekW + 3}
              width={weekW - 6}
              y={yKm(w.km)}
              height={PAD.top + PLOT_H - yKm(w.km)}
            />
            {i % 2 === chart.weeks.length % 2 ? null : (
              <text class="pain-chart__axis" x={PAD.left + (i + 0.5) * weekW} y={H - 12} text-anchor="middle">
                {w.weekStart.slice(5)}
              </text>
            )}
          </g>
        ))}
        {chart.pain.length > 1 && (
          <polyline class="pain-chart__line" points={chart.pain.map((p) => `${xDay(p.day)},${yPain(p.pain)}`).join(' ')} />
        )}
        {chart.pain.map((p) => (
          <circle key={p.date} class={`pain-chart__dot pain-chart__dot--${p.light}`} cx={xDay(p.day)} cy={yPain(p.pain)} r={5} />
        ))}
        {chart.spikes.map((s) => (
          <path key={s.start} class="pain-chart__spike" d={`M ${xDay(s.day)} ${PAD.top - 2} l -6 -10 h 12 z`} />
        ))}
      </svg>
      <figcaption id={summaryId} class="pain-chart__summary">
        {chart.summary}
      </figcaption>
      <p class="pain-chart__legend" aria-hidden="true">
        <span class="pain-chart__key pain-chart__key--bar" /> weekly distance ({unitWord})
        <span class="pain-chart__key pain-chart__key--dot" /> pain during running (0-10)
        <span class="pain-chart__key pain-chart__key--spike" /> spike run (over {spikePct} %)
      </p>
      {tables && (
        <details class="pain-chart__tables">
          <summary>Show as a table</summary>
          <WeeksTable weeks={chart.weeks} units={units} caption={`Weekly distance (${unitWord})`} />
          {chart.pain.length ? (
            <PainTable pain={chart.pain} caption="Pain during running, worst of each day" />
          ) : (
            <p>No pain check-ins in these weeks.</p>
          )}
          <SpikesTable
            spikes={chart.spikes}
            units={units}
            spikePct={spikePct}
            caption={`Spike runs (longer than the longest run of the 30 days before by more than your ${spikePct} % limit)`}
          />
        </details>
      )}
    </figure>
  );
}
