#!/usr/bin/env node
// Store policy checks on the built packages (part of `npm test`):
// - every permission the manifest asks for (required or optional) is used by the code it ships;
// - host access is only the supported running logs, plus https origins asked for one at a time;
// - no page or script loosens the content security policy (no eval, no remote code: see also
//   scripts/audit-bundles.mjs);
// - the Firefox manifest declares that no data is collected, and carries its add-on id; the
//   Chrome manifest carries no Firefox-only keys.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUT = process.env.KNEE_CHECK_OUT_DIR ?? '.output';
// Builds: `node scripts/check-policy.mjs <chrome dir> <firefox dir>`, else those in $KNEE_CHECK_OUT_DIR or .output.
const [chromeDir, firefoxDir] = process.argv.slice(2);
const builds = { chrome: chromeDir ?? join(OUT, 'chrome-mv3'), firefox: firefoxDir ?? join(OUT, 'firefox-mv3') };

/** How the code uses each permission the manifest may ask for (a call through browser.* or chrome.*). */
const USES = {
  storage: /\.storage\.(local|session|onChanged)/,
  scripting: /\.scripting\.(registerContentScripts|unregisterContentScripts|getRegisteredContentScripts|executeScript)/,
  alarms: /\.alarms\.(create|clear|get|onAlarm)/,
  notifications: /\.notifications\.(create|onClicked)/,
};
/** The running logs the badges support: the only hosts granted at install. */
const SUPPORTED_HOSTS = new Set(['https://www.strava.com/*', 'https://connect.garmin.com/*', 'https://intervals.icu/*']);

const problems = [];
let checks = 0;
function check(ok, message) {
  checks++;
  if (!ok) problems.push(message);
}

function scripts(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(js|mjs)$/.test(f) && statSync(join(dir, f)).isFile())
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

for (const [browser, dir] of Object.entries(builds)) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    problems.push(`${browser}: no build in ${dir}`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const code = scripts(dir);
  const asked = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  for (const permission of asked) {
    const use = USES[permission];
    check(use !== undefined, `${browser}: the manifest asks for "${permission}", which this check does not know: add how the code uses it`);
    if (use) check(use.test(code), `${browser}: the manifest asks for "${permission}", but no shipped script uses it`);
  }
  for (const [permission, use] of Object.entries(USES)) {
    if (use.test(code) && permission !== 'storage')
      check(asked.includes(permission), `${browser}: the code uses "${permission}" without asking for it`);
  }
  const hosts = manifest.host_permissions ?? [];
  for (const host of hosts) check(SUPPORTED_HOSTS.has(host), `${browser}: host permission ${host} is not a supported running log`);
  for (const script of manifest.content_scripts ?? []) {
    // A site's whole host, or pages of it (Strava's Training Log has its own script).
    for (const match of script.matches ?? [])
      check(
        [...SUPPORTED_HOSTS].some((host) => match.startsWith(host.slice(0, -1))),
        `${browser}: a content script matches ${match}`,
      );
    // One script per site: a page loads only its own site's adapters (the 10 KB budget).
    check(
      (script.matches ?? []).length === 1,
      `${browser}: content script ${script.js} serves ${script.matches?.length ?? 0} sites, not one`,
    );
  }
  const served = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  for (const host of SUPPORTED_HOSTS) check(served.includes(host), `${browser}: no content script for ${host}`);
  for (const host of manifest.optional_host_permissions ?? []) {
    check(host === 'https://*/*', `${browser}: optional host permission ${host}`);
    check(/\.permissions\.request\(/.test(code), `${browser}: optional hosts are declared, but nothing asks for them from a click`);
  }
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  check(!/unsafe-eval|unsafe-inline|https?:/.test(csp), `${browser}: the content security policy is loosened: ${csp}`);
  check(manifest.manifest_version === 3, `${browser}: not Manifest V3`);
}

const firefox = existsSync(join(builds.firefox, 'manifest.json'))
  ? JSON.parse(readFileSync(join(builds.firefox, 'manifest.json'), 'utf8'))
  : null;
const chrome = existsSync(join(builds.chrome, 'manifest.json'))
  ? JSON.parse(readFileSync(join(builds.chrome, 'manifest.json'), 'utf8'))
  : null;
if (firefox) {
  const gecko = firefox.browser_specific_settings?.gecko ?? {};
  check(typeof gecko.id === 'string' && gecko.id.includes('@'), 'firefox: no add-on id (browser_specific_settings.gecko.id)');
  check(
    JSON.stringify(gecko.data_collection_permissions) === JSON.stringify({ required: ['none'] }),
    'firefox: the data collection declaration is not { required: ["none"] }',
  );
}
if (chrome) check(chrome.browser_specific_settings === undefined, 'chrome: Firefox-only keys in the Chrome manifest');

if (problems.length) {
  console.error(`✗ Store policy: ${problems.length} of ${checks} checks failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`✓ Store policy: ${checks} checks passed (permissions used, hosts narrow, no loosened CSP, Firefox data declaration).`);
