#!/usr/bin/env node
// Static audit of the built extensions: no eval, no new Function, no remote scripts,
// no code-string timers. Every byte that runs must ship inside the package. And each site's
// content script carries only that site's adapter.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Builds to audit: arguments, else the Chrome and Firefox builds in $KNEE_CHECK_OUT_DIR or .output.
const OUT = process.env.KNEE_CHECK_OUT_DIR ?? '.output';
const BUILDS = process.argv.length > 2 ? process.argv.slice(2) : [join(OUT, 'chrome-mv3'), join(OUT, 'firefox-mv3')];
for (const build of BUILDS) {
  if (!existsSync(join(build, 'manifest.json'))) {
    console.error(`No build in ${build}: build it first.`);
    process.exit(1);
  }
}
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
for (const build of BUILDS) {
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
  const csp = JSON.stringify(manifest.content_security_policy ?? {});
  if (/unsafe-eval|https?:/.test(csp)) findings.push(`${build}: manifest CSP loosened: ${csp}`);
  // The product's own icons, at every size the stores and toolbars use.
  for (const size of ['16', '32', '48', '128']) {
    const icon = manifest.icons?.[size];
    if (!icon || !existsSync(join(build, icon))) findings.push(`${build}: no ${size} px icon in the manifest`);
  }
  if (manifest.manifest_version !== 3) findings.push(`${build}: manifest_version ${manifest.manifest_version}, not 3`);
  if (/firefox/.test(build)) {
    const gecko = manifest.browser_specific_settings?.gecko ?? {};
    if (!gecko.id) findings.push(`${build}: no browser_specific_settings.gecko.id`);
    if (!(gecko.data_collection_permissions?.required ?? []).includes('none')) {
      findings.push(`${build}: gecko.data_collection_permissions.required is not ["none"]`);
    }
  }
}

// One content script per site (entrypoints/knee-badges-<site>.content/; two for Strava, whose
// Training Log is its own app): each carries its own page halves and no other's, so a page loads
// only what it needs (the 10 KB budget). The markers are each page half's adapter id. No content
// script carries a site's reads (their same-origin JSON paths): those run in the background
// (lib/background/reading-host), which does.
const SCRIPT_MARKERS = {
  'knee-badges-strava-log.js': 'strava-training-log',
  'knee-badges-strava.js': 'strava-dashboard',
  'knee-badges-garmin.js': 'garmin-connect',
  'knee-badges-intervals.js': 'intervals-icu',
};
const READ_MARKERS = ['/athlete/training_activities', '/gc-api/', '/api/v1/athlete/'];
for (const build of BUILDS) {
  const dir = join(build, 'content-scripts');
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  for (const script of Object.keys(SCRIPT_MARKERS)) {
    if (!names.includes(script)) findings.push(`${build}: no content script ${script}`);
  }
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    checked++;
    for (const [script, marker] of Object.entries(SCRIPT_MARKERS)) {
      const own = name === script;
      if (own !== text.includes(marker)) findings.push(`${dir}/${name}: ${own ? 'lacks' : 'carries'} the page half ${marker}`);
    }
    for (const marker of READ_MARKERS) if (text.includes(marker)) findings.push(`${dir}/${name}: carries a site's reads (${marker})`);
  }
  const background = files(build).find((f) => /background\.js$/.test(f));
  const backgroundText = background ? readFileSync(background, 'utf8') : '';
  for (const marker of READ_MARKERS)
    if (!backgroundText.includes(marker)) findings.push(`${build}: the background lacks the reads (${marker})`);
}

// The knowledge base ships without its reader-only notes (lib/triage/reader-notes.ts, applied by
// wxt.config.ts) and with everything else: no note's words in any built file, and its other words
// there (proving the check reads the files the knowledge base is built into).
const KB_DIR = 'lib/triage';
const plain = (text) => (typeof text === 'string' && /^[\w ,.:;()%/+-]{24}/.test(text) ? text.slice(0, 24) : null);
const notes = [];
const kept = [];
const walk = (value, key) => {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).forEach(([k, v]) => walk(v, k));
  const words = plain(value);
  if (words) (key === 'note' || key === '$comment' ? notes : kept).push(words);
};
for (const name of readdirSync(KB_DIR).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(join(KB_DIR, name), 'utf8')));
for (const build of BUILDS) {
  const text = files(build)
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const leaked = notes.filter((words) => text.includes(words));
  if (leaked.length)
    findings.push(`${build}: ${leaked.length} of the knowledge base's ${notes.length} reader notes shipped, e.g. "${leaked[0]}"`);
  const present = kept.filter((words) => text.includes(words)).length;
  console.log(`  knowledge base: ${notes.length} reader notes checked absent, ${present} of ${kept.length} texts present in ${build}`);
  if (present < kept.length * 0.9)
    findings.push(`${build}: only ${present} of the knowledge base's ${kept.length} texts found in the build`);
}

console.log(`bundle audit: ${checked} files checked, ${findings.length} findings`);
for (const finding of findings) console.error(`  ${finding}`);
process.exit(findings.length ? 1 : 0);
