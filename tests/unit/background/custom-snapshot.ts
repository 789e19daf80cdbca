// A user-added site's page as its content script snapshots it (lib/sites/generic-page): a list of
// dated runs and "This week" with its total, for the page service's tests. Flags 7: shown, short,
// short for a row.
import type { SnapNode } from '../../../lib/sites/generic-page';

/** One run's row: "Run <time datetime=start>morning</time> <b>km km</b>". */
export const runRow = (start: string, km: number): SnapNode => [
  'LI',
  7,
  0,
  'Run ',
  ['TIME', 7, { datetime: start }, 'morning'],
  ' ',
  ['B', 7, 0, `${km} km`],
];

/** The body: the runs' rows, then "This week <b>total km</b>". */
export const weekPage = (runs: readonly { start: string; km: number }[], weekKm: number): SnapNode => [
  'BODY',
  0,
  0,
  ['UL', 0, 0, ...runs.map((r) => runRow(r.start, r.km))],
  ['P', 7, 0, 'This week ', ['B', 7, 0, `${weekKm} km`]],
];
