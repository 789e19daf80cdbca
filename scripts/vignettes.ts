// `npm run vignettes`: score triage() on every tests/fixtures/shared-vignettes/*.jsonl case and print the
// table (top-1, top-3, care exact, safe care, under-, critical under- and over-triage) and
// each miss, for the shared set and our blind held-out set (tests/fixtures/vignettes). Exits
// non-zero on any critical under-triage. Folders given as arguments replace the defaults.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVignettes, scoreVignettes, type Vignette } from '../lib/triage/vignettes';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.length > 2
  ? process.argv.slice(2).map((d) => resolve(d))
  : [join(repo, 'tests', 'fixtures', 'shared-vignettes'), join(repo, 'tests', 'fixtures', 'vignettes')];

let critical = 0;
for (const dir of dirs) critical += report(dir);
process.exit(critical > 0 ? 1 : 0);

/** Print one folder's table and misses; returns its critical under-triage count. */
function report(dir: string): number {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) {
    console.error(`No .jsonl vignette files in ${dir}`);
    return 1;
  }
  const vignettes: Vignette[] = files.flatMap((f) => parseVignettes(readFileSync(join(dir, f), 'utf8'), f));
  const s = scoreVignettes(vignettes);

  const pct = (k: number) => (s.n ? `${((100 * k) / s.n).toFixed(1)} %` : '-');
  const rows: [string, string, string, string][] = [
    ['n', String(s.n), '', ''],
    ['top-1', String(s.top1), pct(s.top1), '>= 90 %'],
    ['top-3', String(s.top3), pct(s.top3), '>= 98 %'],
    ['care exact', String(s.careExact), pct(s.careExact), '>= 90 %'],
    ['safe care', String(s.safeCare), pct(s.safeCare), ''],
    ['under-triage', String(s.underTriage), pct(s.underTriage), ''],
    ['critical under-triage', String(s.criticalUnderTriage), pct(s.criticalUnderTriage), '0'],
    ['over-triage', String(s.overTriage), pct(s.overTriage), ''],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['metric', 'count', 'share', 'target'], ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\nVignettes: ${files.join(', ')} (${dir})\n`);
  console.log(line(['metric', 'count', 'share', 'target']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  const misses = s.outcomes.filter((o) => !o.top1 || !o.top3 || !o.careExact);
  if (misses.length) {
    console.log('\nMisses:');
    for (const o of misses) {
      const got = o.result.conditions.slice(0, 3).map((c) => `${c.id} ${c.score}`).join(', ');
      const tags = [!o.top1 && 'top-1', !o.top3 && 'top-3', !o.careExact && (o.critical ? 'CRITICAL under' : o.under ? 'under' : 'over')]
        .filter(Boolean).join(', ');
      console.log(`  ${o.vignette.id} [${tags}] gold ${o.vignette.gold.care} / ${o.vignette.gold.condition}; got ${o.result.care} / ${got}`);
    }
  } else {
    console.log('\nNo misses.');
  }
  return s.criticalUnderTriage;
}
