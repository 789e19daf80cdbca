#!/usr/bin/env node
// `npm run bench`: every benchmark in scripts/bench/, in name order. Each prints its own numbers
// and budgets; this reports them, and exits non-zero only if a benchmark crashes or a budget
// it declares as hard is exceeded. Timing lives here, never in unit tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync('scripts/bench')
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.startsWith('_'))
  .filter((f) => !only || f.includes(only))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file}`);
  const child = spawnSync('npx', ['tsx', `scripts/bench/${file}`], { stdio: 'inherit' });
  if (child.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
