#!/usr/bin/env node
// `npm test`: every check, in order, then one plain closing line `N passed, N failed`
// (CI reads it; vitest's and Playwright's own summaries are not among the lines it knows).
// Unit and e2e suites (Chromium and Firefox) count their tests; every other step counts as one.
// KNEE_CHECK_OUT_DIR builds somewhere other than .output (lint, audit and e2e follow it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.env.KNEE_CHECK_OUT_DIR ?? '.output';
const chromeBuild = join(outDir, 'chrome-mv3');
const firefoxBuild = join(outDir, 'firefox-mv3');
const env = { ...process.env, FORCE_COLOR: '0', KNEE_CHECK_OUT_DIR: outDir };
const results = { passed: 0, failed: 0 };
const steps = [];

function record(name, ok, passed, failed, seconds, note = '') {
  results.passed += passed;
  results.failed += failed;
  steps.push({ name, ok: ok && failed === 0, passed, failed, seconds, note });
}

function run(name, command, args, { count, extraEnv } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
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
  record(name, ok, passed, failed, (Date.now() - started) / 1000);
  return ok;
}

/** A step that cannot run because an earlier one failed: it fails too, and says why. */
function skip(name, reason) {
  console.log(`\n✗ ${name}: not run (${reason})`);
  record(name, false, 0, 1, 0, `not run: ${reason}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Passed and failed tests from the closing counts of a TAP report; a timed-out test is "cancelled". */
function countTap(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const total = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? NaN);
  const [passed, failed, cancelled] = [total('pass'), total('fail'), total('cancelled')];
  if (Number.isNaN(passed) || Number.isNaN(failed)) return null;
  return { passed, failed: failed + (Number.isNaN(cancelled) ? 0 : cancelled) };
}

mkdirSync('test-results', { recursive: true });
for (const file of ['test-results/unit.json', 'test-results/e2e.json', 'test-results/firefox.tap', 'test-results/network-audit.jsonl'])
  rmSync(file, { force: true });

run('type check', 'npx', ['tsc', '--noEmit']);
run('lint', 'npm', ['run', '--silent', 'lint']);
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], {
  count: () => {
    const report = readJson('test-results/unit.json');
    if (!report) return null;
    // A test file that fails to load has no test results of its own: count it as one failure.
    const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && !file.assertionResults?.length).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  },
});
const chromeBuilt = run('Chrome build', 'npx', ['wxt', 'build']);
const firefoxBuilt = run('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
if (firefoxBuilt) run('web-ext lint (Firefox)', 'node', ['scripts/lint-firefox.mjs', firefoxBuild]);
else skip('web-ext lint (Firefox)', 'the Firefox build failed');
if (chromeBuilt && firefoxBuilt) run('bundle audit', 'node', ['scripts/audit-bundles.mjs', chromeBuild, firefoxBuild]);
else skip('bundle audit', 'a build failed');
if (chromeBuilt && firefoxBuilt) run('store policy', 'node', ['scripts/check-policy.mjs', chromeBuild, firefoxBuild]);
else skip('store policy', 'a build failed');
if (existsSync('tests/e2e')) {
  if (chromeBuilt) {
    run('end-to-end (Chromium)', 'npx', ['playwright', 'test'], {
      extraEnv: { KNEE_CHECK_EXTENSION: process.env.KNEE_CHECK_EXTENSION ?? chromeBuild },
      count: () => {
        const report = readJson('test-results/e2e.json');
        if (!report) return null;
        const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
        return { passed: expected + flaky, failed: unexpected };
      },
    });
  } else {
    skip('end-to-end (Chromium)', 'the Chrome build failed');
  }
}

if (existsSync('tests/firefox')) {
  if (firefoxBuilt) {
    // Node's test runner: the spec report on screen, TAP in a file to count each test.
    run(
      'end-to-end (Firefox)',
      'node',
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        '--test-reporter-destination=test-results/firefox.tap',
        'tests/firefox/extension.firefox.ts',
        'tests/firefox/sites.firefox.ts',
      ],
      { count: () => countTap('test-results/firefox.tap') },
    );
  } else {
    skip('end-to-end (Firefox)', 'the Firefox build failed');
  }
}

console.log('\nSummary');
for (const step of steps) {
  const detail = step.note || `${step.passed} passed, ${step.failed} failed (${step.seconds.toFixed(1)} s)`;
  console.log(`  ${step.ok ? '✓' : '✗'} ${step.name}: ${detail}`);
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
