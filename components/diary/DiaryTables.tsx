// Tables of the knee diary, shared by the options page and the clinician summary: weekly distance,
// spike runs, check-ins, and an episode's return-to-run level history. Plain <table>s with
// captions and header cells, so screen readers and print both read them well.
import { checkInLight } from '@/lib/loop/checkin';
import { formatDistance, formatPercent } from '@/lib/load/units';
import type { Units } from '@/lib/load/types';
import type { DiaryCheckIn, Episode } from '@/lib/diary';
import type { ChartWeek, PainPoint, SpikeMark } from '@/lib/diary/chart';
import { LIGHT_WORDS, MORNING_WORDS, levelWords } from './words';

export function WeeksTable({ weeks, units, caption }: { weeks: ChartWeek[]; units: Units; caption: string }) {
  return (
    <table class="diary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Week starting</th>
          <th scope="col">Distance</th>
          <th scope="col">Runs</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.weekStart}>
            <th scope="row">{w.weekStart}</th>
            <td>{formatDistance(w.km, units)}</td>
            <td>{w.runs}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
    <table class="diary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Run</th>
          <th scope="col">Longest of the 30 days before</th>
          <th scope="col">Spike</th>
        </tr>
      </thead>
      <tbody>
        {spikes.map((s) => (
          <tr key={s.start}>
            <th scope="row">{s.date}</th>
            <td>{formatDistance(s.km, units)}</td>
            <td>{formatDistance(s.longestPrior30dKm, units)}</td>
            <td>
              {formatPercent(s.spikePct, undefined, true)}
              {s.level === 'high' ? ' (large)' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PainTable({ pain, caption }: { pain: PainPoint[]; caption: string }) {
  return (
    <table class="diary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Worst pain during running</th>
          <th scope="col">Light</th>
        </tr>
      </thead>
      <tbody>
        {pain.map((p) => (
          <tr key={p.date}>
            <th scope="row">{p.date}</th>
            <td>{p.pain} / 10</td>
            <td>{LIGHT_WORDS[p.light]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CheckInsTable({ checkIns, units, caption }: { checkIns: readonly DiaryCheckIn[]; units: Units; caption: string }) {
  if (!checkIns.length) return <p>No check-ins yet. The popup asks after a run how your knee felt.</p>;
  return (
    <table class="diary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Run</th>
          <th scope="col">Pain during</th>
          <th scope="col">Next morning</th>
          <th scope="col">Light</th>
        </tr>
      </thead>
      <tbody>
        {[...checkIns].reverse().map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.date}</th>
            <td>{c.km !== undefined ? formatDistance(c.km, units) : '—'}</td>
            <td>{c.painDuring} / 10</td>
            <td>{c.nextMorning ? MORNING_WORDS[c.nextMorning] : 'Not answered'}</td>
            <td>{LIGHT_WORDS[checkInLight(c).light]}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
