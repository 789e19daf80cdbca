// Every clinical vignette, read from disk at test time: the shared set (tests/fixtures/shared-vignettes) and
// our held-out set written blind from the evidence (tests/fixtures/vignettes), scored the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIGNS, careRank, triage } from '../../../lib/triage';
import { judge, parseVignettes, scoreVignettes, type Vignette } from '../../../lib/triage/vignettes';
import { expectValidResult } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const SETS = [
  { name: 'shared vignettes', dir: resolve(here, '../../fixtures/shared-vignettes'), minimum: 24 },
  { name: 'held-out vignettes', dir: resolve(here, '../../fixtures/vignettes'), minimum: 60 },
];

describe.each(SETS)('$name', ({ dir, minimum }) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const vignettes: Vignette[] = files.flatMap((f) => parseVignettes(readFileSync(join(dir, f), 'utf8'), f));

  it('are found on disk', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(vignettes.length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(vignettes.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const o = judge(v);
    expectValidResult(o.result);
    // A gold emergency or same-day case must never get a less urgent care level.
    if (v.gold.care === 'emergency' || v.gold.care === 'same-day') {
      expect(careRank(o.result.care)).toBeLessThanOrEqual(careRank(v.gold.care));
    }
    expect(o.critical).toBe(false);
    // The gold condition is always on the shortlist.
    expect(o.top3, `gold ${v.gold.condition} not in top 3`).toBe(true);
  });

  it('one more sign never lowers urgency on any vignette', () => {
    for (const v of vignettes) {
      const input = v.input as { signs: string[] };
      const base = careRank(triage(input).care);
      for (const sign of SIGNS.filter((s) => !input.signs.includes(s))) {
        expect(careRank(triage({ ...input, signs: [...input.signs, sign] }).care), `${v.id} + ${sign}`).toBeLessThanOrEqual(base);
      }
    }
  });

  it('meets the targets: top-1 >= 90 %, top-3 >= 98 %, care exact >= 90 %, no critical under-triage', () => {
    const s = scoreVignettes(vignettes);
    expect(s.top1 / s.n).toBeGreaterThanOrEqual(0.9);
    expect(s.top3 / s.n).toBeGreaterThanOrEqual(0.98);
    expect(s.careExact / s.n).toBeGreaterThanOrEqual(0.9);
    expect(s.criticalUnderTriage).toBe(0);
  });
});
