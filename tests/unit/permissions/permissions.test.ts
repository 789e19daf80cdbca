import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CUSTOM_SCRIPT_ID,
  CUSTOM_SCRIPT_JS,
  createSerialSync,
  desiredRegistration,
  grantedCustomSites,
  normaliseSiteAddress,
  originPattern,
  patternCoversOrigin,
  syncCustomSiteRegistration,
  type RegisteredScript,
  type ScriptingLike,
} from '../../../lib/permissions';

describe('normaliseSiteAddress', () => {
  it.each([
    ['runalyze.com', 'https://runalyze.com'],
    ['https://runalyze.com/dashboard?x=1#y', 'https://runalyze.com'],
    ['  HTTPS://Log.Example  ', 'https://log.example'],
    ['www.example.co.uk/path', 'https://www.example.co.uk'],
    ['https://log.example:8443/x', 'https://log.example:8443'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('%j → %s', (input, origin) => {
    expect(normaliseSiteAddress(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Type the address/],
    ['   ', /Type the address/],
    ['http://runalyze.com', /Only secure \(https\)/],
    ['http://localhost:3000', /Only secure \(https\)/],
    ['ftp://example.com', /Only web addresses/],
    ['javascript:alert(1)', /not a full site name|Only web addresses|not a web address/],
    ['https://*.example.com', /wildcards/],
    ['https://user:pw@example.com', /user name or password/],
    ['localhost', /not a full site name/],
    ['intranet', /not a full site name/],
    ['https://www.strava.com/athlete/training', /already supported/],
    ['connect.garmin.com', /already supported/],
    ['intervals.icu', /already supported/],
    ['exa mple.com', /spaces/],
    ['https://[::1', /not a web address/],
    ['x'.repeat(201), /too long/],
  ])('refuses %j', (input, message) => {
    const result = normaliseSiteAddress(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses non-strings', () => {
    expect(normaliseSiteAddress(undefined).ok).toBe(false);
    expect(normaliseSiteAddress(42).ok).toBe(false);
  });
});

describe('match patterns', () => {
  it('originPattern drops the port', () => {
    expect(originPattern('https://log.example')).toBe('https://log.example/*');
    expect(originPattern('https://log.example:8443')).toBe('https://log.example/*');
  });

  it.each([
    ['https://log.example/*', 'https://log.example', true],
    ['https://*.example/*', 'https://log.example', true],
    ['https://*.example/*', 'https://example', true],
    ['*://log.example/*', 'https://log.example', true],
    ['https://*/*', 'https://log.example', true],
    ['<all_urls>', 'https://log.example', true],
    ['https://log.example/weeks/*', 'https://log.example', false],
    ['https://other.example/*', 'https://log.example', false],
    ['http://log.example/*', 'https://log.example', false],
    ['https://www.strava.com/*', 'https://log.example', false],
    ['garbage', 'https://log.example', false],
    ['https://log.example/*', 'not an origin', false],
  ])('%s covers %s: %s', (pattern, origin, expected) => {
    expect(patternCoversOrigin(pattern, origin)).toBe(expected);
  });
});

describe('desiredRegistration', () => {
  const granted = ['https://www.strava.com/*', 'https://a.example/*', 'https://c.example/*'];

  it('registers only origins both added and granted, in the runner’s order', () => {
    expect(grantedCustomSites(['https://c.example', 'https://b.example', 'https://a.example', 'https://c.example'], granted)).toEqual([
      'https://c.example',
      'https://a.example',
    ]);
    expect(desiredRegistration(['https://a.example', 'https://b.example'], granted)).toEqual({ matches: ['https://a.example/*'] });
  });

  it('nothing to register: null', () => {
    expect(desiredRegistration([], granted)).toBeNull();
    expect(desiredRegistration(['https://b.example'], granted)).toBeNull();
    expect(desiredRegistration(['https://a.example'], [])).toBeNull();
  });
});

describe("the user-added sites' script", () => {
  it('is its own runtime-registered entrypoint: no matches (no host permission at install), built as CUSTOM_SCRIPT_JS', async () => {
    const { default: script } = await import('../../../entrypoints/knee-badges-custom.content/index');
    expect(script.registration).toBe('runtime');
    expect(script.matches ?? []).toEqual([]);
    expect(script.runAt).toBe('document_idle');
    // WXT names a content script's bundle after its entrypoint folder.
    expect(CUSTOM_SCRIPT_JS).toBe('content-scripts/knee-badges-custom.js');
  });
});

/** An in-memory browser.scripting with Chrome's rules (duplicate ids and unknown ids reject). */
function fakeScripting(): ScriptingLike & { scripts: Map<string, RegisteredScript>; calls: string[] } {
  const scripts = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  return {
    scripts,
    calls,
    async getRegisteredContentScripts(filter) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s));
    },
    async registerContentScripts(list) {
      calls.push('register');
      for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) scripts.set(s.id, structuredClone(s));
    },
    async updateContentScripts(list) {
      calls.push('update');
      for (const s of list) {
        const old = scripts.get(s.id);
        if (!old) throw new Error(`No script with ID '${s.id}'`);
        scripts.set(s.id, { ...old, ...structuredClone(s) });
      }
    },
    async unregisterContentScripts(filter) {
      calls.push('unregister');
      for (const id of filter?.ids ?? [...scripts.keys()]) {
        if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
  };
}

describe('syncCustomSiteRegistration', () => {
  let scripting: ReturnType<typeof fakeScripting>;
  let custom: string[];
  let granted: string[];
  const deps = () => ({
    scripting,
    permissions: { getAll: async () => ({ origins: [...granted], permissions: ['storage', 'scripting'] }) },
    loadCustomSites: async () => [...custom],
  });

  beforeEach(() => {
    scripting = fakeScripting();
    custom = [];
    granted = ['https://www.strava.com/*', 'https://connect.garmin.com/*', 'https://intervals.icu/*'];
  });

  it('registers, updates, leaves alone and unregisters as sites and grants change', async () => {
    expect(await syncCustomSiteRegistration(deps())).toEqual({ action: 'unchanged', matches: [] });

    custom = ['https://a.example'];
    // Added to settings but the browser has not granted it (yet): nothing registered.
    expect((await syncCustomSiteRegistration(deps())).action).toBe('unchanged');
    expect(scripting.scripts.size).toBe(0);

    granted.push('https://a.example/*');
    expect(await syncCustomSiteRegistration(deps())).toEqual({ action: 'registered', matches: ['https://a.example/*'] });
    expect(scripting.scripts.get(CUSTOM_SCRIPT_ID)).toEqual({
      id: CUSTOM_SCRIPT_ID,
      matches: ['https://a.example/*'],
      js: [CUSTOM_SCRIPT_JS],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });

    expect((await syncCustomSiteRegistration(deps())).action).toBe('unchanged');

    custom = ['https://a.example', 'https://b.example'];
    granted.push('https://b.example/*');
    expect(await syncCustomSiteRegistration(deps())).toEqual({
      action: 'updated',
      matches: ['https://a.example/*', 'https://b.example/*'],
    });

    // The runner revoked a.example in the browser's own settings.
    granted = granted.filter((p) => p !== 'https://a.example/*');
    expect(await syncCustomSiteRegistration(deps())).toEqual({ action: 'updated', matches: ['https://b.example/*'] });

    custom = [];
    expect(await syncCustomSiteRegistration(deps())).toEqual({ action: 'unregistered', matches: [] });
    expect(scripting.scripts.size).toBe(0);
    expect(scripting.calls).toEqual(['register', 'update', 'update', 'unregister']);
  });

  it("moves a registration of the built-in sites' script (older versions) to the user-added sites' script", async () => {
    custom = ['https://a.example'];
    granted.push('https://a.example/*');
    scripting.scripts.set(CUSTOM_SCRIPT_ID, {
      id: CUSTOM_SCRIPT_ID,
      matches: ['https://a.example/*'],
      js: ['content-scripts/knee-badges.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    expect(await syncCustomSiteRegistration(deps())).toEqual({ action: 'updated', matches: ['https://a.example/*'] });
    expect(scripting.scripts.get(CUSTOM_SCRIPT_ID)?.js).toEqual([CUSTOM_SCRIPT_JS]);
  });

  it('passes the manifest’s css along', async () => {
    custom = ['https://a.example'];
    granted.push('https://a.example/*');
    await syncCustomSiteRegistration({ ...deps(), scriptFiles: { js: [CUSTOM_SCRIPT_JS], css: ['content-scripts/knee-badges.css'] } });
    expect(scripting.scripts.get(CUSTOM_SCRIPT_ID)?.css).toEqual(['content-scripts/knee-badges.css']);
  });

  it('reports a failure instead of throwing', async () => {
    custom = ['https://a.example'];
    granted.push('https://a.example/*');
    scripting.registerContentScripts = () => Promise.reject(new Error('Permission denied'));
    expect(await syncCustomSiteRegistration(deps())).toEqual({
      action: 'failed',
      matches: ['https://a.example/*'],
      error: 'Permission denied',
    });
    const broken = { ...deps(), loadCustomSites: () => Promise.reject(new Error('storage gone')) };
    expect((await syncCustomSiteRegistration(broken)).action).toBe('failed');
  });

  it('serialised syncs never register twice (no duplicate-id error)', async () => {
    custom = ['https://a.example'];
    granted.push('https://a.example/*');
    const sync = createSerialSync(() => syncCustomSiteRegistration(deps()));
    const outcomes = await Promise.all([sync(), sync(), sync()]);
    expect(outcomes.map((o) => o.action)).toEqual(['registered', 'unchanged', 'unchanged']);
    // Unserialised, the same burst fails on Chrome's duplicate-id rule.
    scripting = fakeScripting();
    const raced = await Promise.all([syncCustomSiteRegistration(deps()), syncCustomSiteRegistration(deps())]);
    expect(raced.map((o) => o.action).sort()).toEqual(['failed', 'registered']);
  });
});

describe('with the fake browser', () => {
  beforeEach(() => fakeBrowser.reset());

  it('works against browser.scripting / browser.permissions shaped objects', async () => {
    const scripting = fakeScripting();
    const getAll = vi.fn(async () => ({ origins: ['https://a.example/*'] }));
    fakeBrowser.permissions.getAll = getAll as never;
    const outcome = await syncCustomSiteRegistration({
      scripting,
      permissions: fakeBrowser.permissions as never,
      loadCustomSites: async () => ['https://a.example'],
    });
    expect(outcome.action).toBe('registered');
    expect(getAll).toHaveBeenCalledOnce();
  });
});

describe('removing an added site forgets its runs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the background sync forgets the runs of sites no longer added, and keeps the rest', async () => {
    const { recordRuns, loadCapturedRuns } = await import('../../../lib/history');
    const { saveSettings, defaultSettings } = await import('../../../lib/settings');
    const { startCustomSiteSync } = await import('../../../lib/permissions/background');
    await recordRuns('https://a.example', [{ start: '2026-02-10T07:00:00', km: 9 }]);
    await recordRuns('https://b.example', [{ start: '2026-02-10T07:00:00', km: 7 }]);
    await recordRuns('strava', [{ start: '2026-02-11T07:00:00', km: 8, id: 's' }]);
    await saveSettings({ ...defaultSettings(), customSites: ['https://a.example', 'https://b.example'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined); // no scripting API in the fake browser
    // Permission events are not implemented by the fake browser: listeners are only registered here.
    fakeBrowser.permissions.onAdded.addListener = vi.fn() as never;
    fakeBrowser.permissions.onRemoved.addListener = vi.fn() as never;
    startCustomSiteSync();
    await vi.waitFor(async () => expect(await loadCapturedRuns()).toHaveLength(3));
    // The runner removes a.example in options.
    await saveSettings({ ...defaultSettings(), customSites: ['https://b.example'] });
    await vi.waitFor(async () => expect((await loadCapturedRuns()).map((r) => r.site).sort()).toEqual(['https://b.example', 'strava']));
    warn.mockRestore();
  });
});
