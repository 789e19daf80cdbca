// `npm run vignettes`: score triage() on every clinical vignette set and print, for each, the
// table (top-1, top-3, care exact, safe care, under-, critical under- and over-triage), the
// coherence counts (listed causes without a symptom reason, plan contradictions) and each miss.
// Sets: the shared set (tests/fixtures/shared-vignettes), each of our held-out files
// (tests/fixtures/vignettes/*.jsonl, including the case-report sets written blind), and the
// sparse variant of every set that is not already sparse (one answer per question, optional
// fields left out). Exits non-zero on any critical under-triage or incoherence in a full set.
// Folders given as arguments replace the defaults.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVignettes, scoreVignettes, sparseVariant, vignetteSetOf, type Vignette } from '../lib/triage/vignettes';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => resolve(d))
    : [join(repo, 'tests', 'fixtures', 'shared-vignettes'), join(repo, 'tests', 'fixtures', 'vignettes')];

interface VignetteSet {
  name: string;
  vignettes: Vignette[];
  sparse: boolean;
}

/** One set per file; our two original held-out files are one set, as they were written together. */
function setsIn(dir: string): VignetteSet[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new Error(`No .jsonl vignette files in ${dir}`);
  const groups = new Map<string, Vignette[]>();
  for (const f of files) {
    const name = vignetteSetOf(f);
    groups.set(name, [...(groups.get(name) ?? []), ...parseVignettes(readFileSync(join(dir, f), 'utf8'), f)]);
  }
  return [...groups].map(([name, vignettes]) => ({ name, vignettes, sparse: name.endsWith('-sparse') }));
}

const base = dirs.flatMap(setsIn);
const sets: VignetteSet[] = [
  ...base,
  ...base
    .filter((s) => !s.sparse)
    .map((s) => ({ name: `${s.name} (auto-sparse)`, vignettes: s.vignettes.map(sparseVariant), sparse: true })),
];

let failures = 0;
const summary: string[][] = [];
for (const set of sets) failures += report(set);

console.log('\nSummary (targets: top-1 >= 95 %, top-3 100 %, care exact >= 95 %, critical 0, coherence 0)\n');
const head = ['set', 'n', 'top-1', 'top-3', 'care exact', 'critical', 'unreasoned', 'contradictions'];
const widths = head.map((h, i) => Math.max(h.length, ...summary.map((r) => r[i]!.length)));
const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(fmt(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of summary) console.log(fmt(r));
process.exit(failures > 0 ? 1 : 0);

/** Print one set's table, corrections and misses; returns 1 when a full set fails a safety or coherence target. */
function report(set: VignetteSet): number {
  const s = scoreVignettes(set.vignettes);
  const share = (k: number) => (s.n ? (100 * k) / s.n : 0);
  const pct = (k: number) => `${share(k).toFixed(1)} %`;
  const rows: [string, string, string, string][] = [
    ['n', String(s.n), '', ''],
    ['top-1', String(s.top1), pct(s.top1), '>= 95 %'],
    ['top-3', String(s.top3), pct(s.top3), '100 %'],
    ['care exact', String(s.careExact), pct(s.careExact), '>= 95 %'],
    ['safe care', String(s.safeCare), pct(s.safeCare), ''],
    ['under-triage', String(s.underTriage), pct(s.underTriage), ''],
    ['critical under-triage', String(s.criticalUnderTriage), pct(s.criticalUnderTriage), '0'],
    ['over-triage', String(s.overTriage), pct(s.overTriage), ''],
    ['causes without a reason', String(s.unreasonedCauses), '', '0'],
    ['plan contradictions', String(s.planContradictions), '', '0'],
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...[['metric', 'count', 'share', 'target'], ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  console.log(`\nVignettes: ${set.name}\n`);
  console.log(line(['metric', 'count', 'share', 'target']));
  console.log(w.map((x) => '-'.repeat(x)).join('  '));
  for (const r of rows) console.log(line(r));

  const misses = s.outcomes.filter((o) => !o.top1 || !o.top3 || !o.careExact || o.unreasoned.length || o.contradictions);
  if (misses.length) {
    console.log('\nMisses:');
    for (const o of misses) {
      const got = o.result.conditions
        .slice(0, 3)
        .map((c) => `${c.id} ${c.score}`)
        .join(', ');
      const tags = [
        !o.top1 && 'top-1',
        !o.top3 && 'top-3',
        !o.careExact && (o.critical ? 'CRITICAL under' : o.under ? 'under' : 'over'),
        o.unreasoned.length && `no reason: ${o.unreasoned.join(' ')}`,
        o.contradictions && 'plan contradiction',
      ]
        .filter(Boolean)
        .join(', ');
      console.log(
        `  ${o.vignette.id} [${tags}] gold ${o.vignette.gold.care} / ${o.vignette.gold.condition}; got ${o.result.care} / ${got}`,
      );
    }
  } else {
    console.log('\nNo misses.');
  }
  summary.push([
    set.name,
    String(s.n),
    pct(s.top1),
    pct(s.top3),
    pct(s.careExact),
    String(s.criticalUnderTriage),
    String(s.unreasonedCauses),
    String(s.planContradictions),
  ]);
  // Sparse variants lose answers by design: reported, not gated.
  const failed = !set.sparse && (s.criticalUnderTriage > 0 || s.unreasonedCauses > 0 || s.planContradictions > 0);
  return failed ? 1 : 0;
}
