// Every clinical vignette set, read from disk at test time: the shared set
// (tests/fixtures/shared-vignettes), each of our held-out files (tests/fixtures/vignettes, including
// the case-report sets written blind), and the sparse variant of each set (one answer per
// question, optional fields left out), scored the same way as `npm run vignettes`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { careRank, triage } from '../../../lib/triage';
import { judge, parseVignettes, scoreVignettes, sparseVariant, vignetteSetOf, type Vignette } from '../../../lib/triage/vignettes';
import { URGENCY_SIGNS, expectValidResult } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));

function setsIn(dir: string): { name: string; vignettes: Vignette[] }[] {
  const groups = new Map<string, Vignette[]>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort()) {
    const name = vignetteSetOf(f);
    groups.set(name, [...(groups.get(name) ?? []), ...parseVignettes(readFileSync(join(dir, f), 'utf8'), f)]);
  }
  return [...groups].map(([name, vignettes]) => ({ name, vignettes }));
}

const FULL = [...setsIn(resolve(here, '../../fixtures/shared-vignettes')), ...setsIn(resolve(here, '../../fixtures/vignettes'))];
const MINIMUM: Record<string, number> = { 'knee-vignettes': 24, 'held-out': 110, 'held-out-3': 50 };

describe.each(FULL.filter((s) => !s.name.endsWith('-sparse')))('vignettes: $name', ({ name, vignettes }) => {
  it('are found on disk', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(MINIMUM[name] ?? 1);
  });

  it.each(vignettes.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const o = judge(v);
    expectValidResult(o.result);
    // A gold emergency or same-day case must never get a less urgent care level.
    expect(o.critical).toBe(false);
    // The gold condition is always on the shortlist, and every listed cause has a reason.
    expect(o.top3, `gold ${v.gold.condition} not in top 3`).toBe(true);
    expect(o.unreasoned).toEqual([]);
    expect(o.contradictions).toBe(0);
  });

  it('one more sign never lowers urgency on any vignette', () => {
    for (const v of vignettes) {
      const input = v.input as { signs: string[] };
      const base = careRank(triage(input).care);
      for (const sign of URGENCY_SIGNS.filter((s) => !input.signs.includes(s))) {
        expect(careRank(triage({ ...input, signs: [...input.signs, sign] }).care), `${v.id} + ${sign}`).toBeLessThanOrEqual(base);
      }
    }
  });

  it('meets the targets: top-1 >= 95 %, top-3 100 %, care exact >= 95 %, no critical under-triage, coherent', () => {
    const s = scoreVignettes(vignettes);
    expect(s.top1 / s.n).toBeGreaterThanOrEqual(0.95);
    expect(s.top3 / s.n).toBe(1);
    expect(s.careExact / s.n).toBeGreaterThanOrEqual(0.95);
    expect(s.criticalUnderTriage).toBe(0);
    expect(s.unreasonedCauses).toBe(0);
    expect(s.planContradictions).toBe(0);
  });
});

// Sparse answers lose information by design (no "settles within 48 h", one sign only): scored and
// printed by `npm run vignettes`; here every result must still be valid and coherent.
describe.each([
  ...FULL.filter((s) => s.name.endsWith('-sparse')),
  ...FULL.filter((s) => !s.name.endsWith('-sparse')).map((s) => ({
    name: `${s.name} (auto-sparse)`,
    vignettes: s.vignettes.map(sparseVariant),
  })),
])('sparse vignettes: $name', ({ vignettes }) => {
  it('every result is valid and coherent', () => {
    for (const v of vignettes) {
      const o = judge(v);
      expectValidResult(o.result);
      expect(o.unreasoned, v.id).toEqual([]);
      expect(o.contradictions, v.id).toBe(0);
    }
  });
});
