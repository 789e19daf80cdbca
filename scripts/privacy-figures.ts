// The figures behind the README's "Privacy and security" section.
//
//   npx tsx scripts/privacy-figures.ts [network-audit.jsonl]
//     Network audit of the last end-to-end run: every e2e test appends one line to
//     test-results/network-audit.jsonl (tests/e2e/fixtures.ts; `npm test` starts it afresh):
//     tests, requests seen, requests that left for another host (must be 0), per spec file.
//
//   npx tsx scripts/privacy-figures.ts --static
//     Also runs the bundle audit and web-ext lint on the builds in $KNEE_CHECK_OUT_DIR (default
//     .output: build Chrome and Firefox first) and prints their result lines.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface AuditLine {
  test: string;
  requests: number;
  offending: number;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'test-results/network-audit.jsonl';

function readAudit(path: string): AuditLine[] {
  if (!existsSync(path)) {
    console.error(`No ${path}: run the end-to-end tests first (npm test, or npx playwright test).`);
    process.exit(1);
  }
  const lines: AuditLine[] = [];
  for (const [i, text] of readFileSync(path, 'utf8').split('\n').entries()) {
    if (!text.trim()) continue;
    try {
      const line = JSON.parse(text) as AuditLine;
      if (typeof line.test === 'string' && Number.isFinite(line.requests) && Number.isFinite(line.offending)) lines.push(line);
      else console.warn(`line ${i + 1}: not an audit line`);
    } catch {
      console.warn(`line ${i + 1}: not JSON`);
    }
  }
  return lines;
}

const audit = readAudit(file);
const sum = (list: AuditLine[], key: 'requests' | 'offending') => list.reduce((total, line) => total + line[key], 0);
const bySpec = new Map<string, AuditLine[]>();
for (const line of audit) {
  const spec = line.test.split(' › ')[0] ?? line.test;
  bySpec.set(spec, [...(bySpec.get(spec) ?? []), line]);
}
const fmt = (n: number) => n.toLocaleString('en-US');
const tests = (n: number) => `${n} ${n === 1 ? 'test' : 'tests'}`;

console.log(`Network audit (${file})`);
for (const [spec, lines] of [...bySpec].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${spec}: ${tests(lines.length)}, ${fmt(sum(lines, 'requests'))} requests, ${sum(lines, 'offending')} left the device`);
}
const offending = sum(audit, 'offending');
console.log(`Total: ${tests(audit.length)}, ${fmt(sum(audit, 'requests'))} requests audited, ${offending} left the device`);

if (args.includes('--static')) {
  const out = process.env.KNEE_CHECK_OUT_DIR ?? '.output';
  const run = (label: string, script: string, scriptArgs: string[]) => {
    const child = spawnSync('node', [script, ...scriptArgs], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    const lines = `${child.stdout}${child.stderr}`.trim().split('\n');
    console.log(`\n${label} (exit ${child.status})`);
    for (const line of lines.slice(-4)) console.log(`  ${line}`);
    return child.status === 0;
  };
  const audited = run('Bundle audit', 'scripts/audit-bundles.mjs', [join(out, 'chrome-mv3'), join(out, 'firefox-mv3')]);
  const linted = run('web-ext lint', 'scripts/lint-firefox.mjs', [join(out, 'firefox-mv3')]);
  if (!audited || !linted) process.exitCode = 1;
}
if (offending > 0) process.exitCode = 1;
