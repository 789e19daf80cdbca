#!/usr/bin/env node
// `npm test`: every check, in order, then one plain closing line `N passed, N failed`
// (CI reads it; vitest's and Playwright's own summaries are not among the lines it knows).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const steps = [];

function run(name, command, args, { count } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = child.status === 0;
  let passed = ok ? 1 : 0;
  let failed = ok ? 0 : 1;
  if (count) {
    const counted = count();
    if (counted) {
      passed = counted.passed;
      // A crashed runner that counted nothing still fails the step.
      failed = counted.failed || (ok ? 0 : 1);
    }
  }
  results.passed += passed;
  results.failed += failed;
  steps.push({ name, ok: ok && failed === 0, passed, failed, seconds: (Date.now() - started) / 1000 });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });
for (const file of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(file, { force: true });

run('type check', 'npx', ['tsc', '--noEmit']);
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], {
  count: () => {
    const report = readJson('test-results/unit.json');
    return report && { passed: report.numPassedTests, failed: report.numFailedTests };
  },
});
run('Chrome build', 'npx', ['wxt', 'build']);
run('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
run('web-ext lint (Firefox)', 'node', ['scripts/lint-firefox.mjs']);
run('bundle audit', 'node', ['scripts/audit-bundles.mjs']);
if (existsSync('tests/e2e')) {
  run('end-to-end (Chromium)', 'npx', ['playwright', 'test'], {
    count: () => {
      const report = readJson('test-results/e2e.json');
      if (!report) return null;
      const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
      return { passed: expected + flaky, failed: unexpected };
    },
  });
}

console.log('\nSummary');
for (const step of steps) {
  console.log(`  ${step.ok ? '✓' : '✗'} ${step.name}: ${step.passed} passed, ${step.failed} failed (${step.seconds.toFixed(1)} s)`);
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
