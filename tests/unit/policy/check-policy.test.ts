// scripts/check-policy.mjs fails on what the stores refuse: an unused permission, a host beyond the
// supported running logs, a missing Firefox data declaration. Run on small fake builds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve(__dirname, '../../../scripts/check-policy.mjs');
const dirs: string[] = [];

function build(manifest: object, code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'chunks'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'chunks', 'background.js'), code);
  return dir;
}

const SITES = ['https://www.strava.com/*', 'https://connect.garmin.com/*', 'https://intervals.icu/*'];
/** One content script per supported site. */
const base = { manifest_version: 3, permissions: ['storage'], content_scripts: SITES.map((site) => ({ matches: [site] })) };
const gecko = {
  browser_specific_settings: { gecko: { id: 'knee-check@kneecheck.app', data_collection_permissions: { required: ['none'] } } },
};
const code = 'browser.storage.local.get("settings");';

function check(chrome: object, firefox: object, js = code) {
  return spawnSync('node', [SCRIPT, build(chrome, js), build(firefox, js)], { encoding: 'utf8' });
}

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('store policy check', () => {
  it('passes a narrow, declared build', () => {
    expect(check(base, { ...base, ...gecko }).status).toBe(0);
  });

  it('fails a content script serving several sites, or a site without its script', () => {
    const one = { ...base, content_scripts: [{ matches: SITES }] };
    expect(check(one, { ...one, ...gecko }).stdout + check(one, { ...one, ...gecko }).stderr).toMatch(/serves 3 sites, not one/);
    const missing = { ...base, content_scripts: base.content_scripts.slice(0, 2) };
    expect(check(missing, { ...base, ...gecko }).stderr + check(missing, { ...base, ...gecko }).stdout).toMatch(
      /no content script for https:\/\/intervals\.icu/,
    );
  });

  it("passes a script for some of a site's pages; fails one beyond the supported sites", () => {
    const log = { ...base, content_scripts: [...base.content_scripts, { matches: ['https://www.strava.com/athletes/*/training/*'] }] };
    expect(check(log, { ...log, ...gecko }).status).toBe(0);
    const beyond = { ...base, content_scripts: [...base.content_scripts, { matches: ['https://www.strava.com.example/*'] }] };
    const r = check(beyond, { ...beyond, ...gecko });
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/a content script matches https:\/\/www\.strava\.com\.example/);
  });

  it('fails on a permission no code uses', () => {
    const r = check({ ...base, permissions: ['storage', 'alarms'] }, { ...base, ...gecko });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/asks for "alarms", but no shipped script uses it/);
  });

  it('fails on a host beyond the supported running logs', () => {
    const r = check({ ...base, host_permissions: ['<all_urls>'] }, { ...base, ...gecko });
    expect(r.stderr).toMatch(/host permission <all_urls>/);
  });

  it('fails without the Firefox data-collection declaration', () => {
    const r = check(base, { ...base, browser_specific_settings: { gecko: { id: 'x@y' } } });
    expect(r.stderr).toMatch(/data collection declaration/);
  });
});
