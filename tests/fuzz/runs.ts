// How many cases each fuzz property runs: a quick pass inside `npm test`, at least 10,000 per
// boundary in `npm run fuzz` (FUZZ_RUNS=10000). Seeds are printed by fast-check on failure.
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 300) || 300);
