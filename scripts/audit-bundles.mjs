#!/usr/bin/env node
// Static audit of the built extensions: no eval, no new Function, no remote scripts,
// no code-string timers. Every byte that runs must ship inside the package.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];
const RULES = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function(', pattern: /new\s+Function\s*\(/ },
  { name: 'Function("…") call', pattern: /(?<![\w$.])Function\s*\(\s*["'`]/ },
  { name: 'string timer', pattern: /set(?:Timeout|Interval)\s*\(\s*["'`]/ },
  { name: 'remote <script src>', pattern: /<script[^>]+src=["']?https?:/i },
  { name: 'remote import()', pattern: /import\s*\(\s*["'`]https?:/ },
  { name: 'importScripts(http…)', pattern: /importScripts\s*\(\s*["'`]https?:/ },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let checked = 0;
const findings = [];
for (const build of BUILDS) {
  for (const file of files(build).filter((f) => /\.(m?js|html)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    checked++;
    for (const rule of RULES) if (rule.pattern.test(text)) findings.push(`${file}: ${rule.name}`);
  }
}
const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
const csp = JSON.stringify(manifest.content_security_policy ?? {});
if (/unsafe-eval|https?:/.test(csp)) findings.push(`manifest CSP loosened: ${csp}`);

console.log(`bundle audit: ${checked} files checked, ${findings.length} findings`);
for (const finding of findings) console.error(`  ${finding}`);
process.exit(findings.length ? 1 : 0);
