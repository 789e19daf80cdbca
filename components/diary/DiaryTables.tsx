// Tables of the knee diary, shared by the options page and the clinician summary: weekly distance,
// spike runs, check-ins, and an episode's return-to-run level history. Plain <table>s with
// captions and header cells, so screen readers and print both read them well.
import type { ComponentChildren } from 'preact';
import { checkInLight } from '@/lib/loop/checkin';
import { formatDistance, formatPercent } from '@/lib/load/units';
import type { Units } from '@/lib/load/types';
import type { DiaryCheckIn, Episode } from '@/lib/diary';
import type { ChartWeek, PainPoint, SpikeMark } from '@/lib/diary/chart';
import { LIGHT_WORDS, MORNING_WORDS, levelWords } from './words';

/** One row of a diary table: the cell that heads it (a date or week), then its other cells. */
interface DiaryRow {
  key: string;
  head: ComponentChildren;
  cells: ComponentChildren[];
}

/** The frame every diary table shares: a caption, a heading per column, and a heading cell per row. */
function DiaryTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: DiaryRow[] }) {
  return (
    <table class="diary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.head}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeeksTable({ weeks, units, caption }: { weeks: ChartWeek[]; units: Units; caption: string }) {
  return (
    <DiaryTable
      caption={caption}
      columns={['Week starting', 'Distance', 'Runs']}
      rows={weeks.map((w) => ({ key: w.weekStart, head: w.weekStart, cells: [formatDistance(w.km, units), w.runs] }))}
    />
  );
}

export function SpikesTable({
  spikes,
  units,
  spikePct,
  caption,
}: {
  spikes: SpikeMark[];
  units: Units;
  spikePct: number;
  caption: string;
}) {
  if (!spikes.length) return <p>No run was a spike over your {spikePct} % limit.</p>;
  return (
    <DiaryTable
      caption={caption}
      columns={['Date', 'Run', 'Longest of the 30 days before', 'Spike']}
      rows={spikes.map((s) => ({
        key: s.start,
        head: s.date,
        cells: [
          formatDistance(s.km, units),
          formatDistance(s.longestPrior30dKm, units),
          `${formatPercent(s.spikePct, undefined, true)}${s.level === 'high' ? ' (large)' : ''}`,
        ],
      }))}
    />
  );
}

export function PainTable({ pain, caption }: { pain: PainPoint[]; caption: string }) {
  return (
    <DiaryTable
      caption={caption}
      columns={['Day', 'Worst pain during running', 'Light']}
      rows={pain.map((p) => ({ key: p.date, head: p.date, cells: [`${p.pain} / 10`, LIGHT_WORDS[p.light]] }))}
    />
  );
}

export function CheckInsTable({ checkIns, units, caption }: { checkIns: readonly DiaryCheckIn[]; units: Units; caption: string }) {
  if (!checkIns.length) return <p>No check-ins yet. The popup asks after a run how your knee felt.</p>;
  return (
    <DiaryTable
      caption={caption}
      columns={['Date', 'Run', 'Pain during', 'Next morning', 'Light']}
      rows={[...checkIns].reverse().map((c) => ({
        key: c.id,
        head: c.date,
        cells: [
          c.km !== undefined ? formatDistance(c.km, units) : '—',
          `${c.painDuring} / 10`,
          c.nextMorning ? MORNING_WORDS[c.nextMorning] : 'Not answered',
          LIGHT_WORDS[checkInLight(c).light],
        ],
      }))}
    />
  );
}

export function LevelHistory({ episode }: { episode: Episode }) {
  const { changes, sessions } = episode.ladder;
  return (
    <div class="diary-levels">
      <p>
        Now at {levelWords(episode.ladder.level)}. {sessions.length} session{sessions.length === 1 ? '' : 's'} checked in.
      </p>
      {changes.length > 0 ? (
        <ul aria-label="Level changes">
          {changes.map((c, i) => (
            <li key={`${c.date}-${i}`}>
              {c.date}: level {c.from} → {c.to}
              {c.to < c.from ? ' (down after a red check-in)' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>No level changes yet (started at level 1).</p>
      )}
    </div>
  );
}
