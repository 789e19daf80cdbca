// User-added sites: from an address typed in options to a registered content script.
// The manifest asks for no host beyond the supported sites' pages; a site the runner adds is an
// optional host permission (`https://*/*` in optional_host_permissions) granted from a click for
// that one origin, and the content script is registered for the origins that are both in
// settings.customSites and granted. Logic here is pure or takes the browser APIs as arguments,
// so it is tested without a browser. Zod-free.
import { errorText } from '../guards';
import { createSerialQueue } from '../serial';
import { BUILT_IN_HOSTS } from '../sites/builtin';

export const CUSTOM_SCRIPT_ID = 'knee-check-custom-sites';
/**
 * The user-added sites' content script WXT builds from entrypoints/knee-badges-custom.content
 * (registration: 'runtime': built, never in the manifest).
 */
export const CUSTOM_SCRIPT_JS = 'content-scripts/knee-badges-custom.js';

export type AddressCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * "https://log.example" → "https://log.example/*": the permission and match pattern for one
 * origin (match patterns carry no port: a port in the origin is left out).
 */
export function originPattern(origin: string): string {
  try {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return `${origin}/*`;
  }
}

/**
 * An address as typed ("runalyze.com", "https://runalyze.com/dashboard", " HTTPS://Log.Example ")
 * to the origin to ask for, or a message that says what to fix. Only https origins (what the
 * manifest's optional host permission covers); no wildcards, no credentials, no built-in sites.
 */
export function normaliseSiteAddress(input: unknown): AddressCheck {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: 'Type the address of your running log, for example https://runalyze.com.' };
  }
  const text = input.trim();
  if (text.length > 200) return { ok: false, message: 'That address is too long.' };
  if (/\s/.test(text)) return { ok: false, message: 'An address cannot contain spaces.' };
  if (text.includes('*')) return { ok: false, message: 'Add one site at a time: wildcards (*) are not allowed.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${text}" is not a web address.` };
  }
  if (url.protocol === 'http:') {
    return { ok: false, message: 'Only secure (https) sites can be added: your running data deserves an encrypted connection.' };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'Only web addresses (https://…) can be added.' };
  }
  if (url.username || url.password) return { ok: false, message: 'Leave out any user name or password.' };
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) {
    return { ok: false, message: `"${url.hostname}" is not a full site name (like runalyze.com).` };
  }
  // Sites with their own adapters: adding them as "your sites" would only duplicate badges.
  if (BUILT_IN_HOSTS.has(url.hostname)) {
    return { ok: false, message: `${url.hostname} is already supported: turn it on or off under Sites.` };
  }
  return { ok: true, origin: url.origin };
}

/** Does a granted match pattern ("https://*.example.com/*", "<all_urls>") cover this origin's pages? */
export function patternCoversOrigin(pattern: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (pattern === '<all_urls>') return url.protocol === 'https:' || url.protocol === 'http:';
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (scheme === '*' ? url.protocol !== 'https:' && url.protocol !== 'http:' : `${scheme}:` !== url.protocol) return false;
  if (path !== '/*') return false; // a narrower path does not grant the whole site
  const hostname = url.hostname;
  const patternHost = host!.replace(/:(\d+|\*)$/, '');
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const base = patternHost.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return patternHost === hostname;
}

/** The added sites that are also granted, in the runner's order, without duplicates. */
export function grantedCustomSites(customSites: readonly string[], grantedPatterns: readonly string[]): string[] {
  const out: string[] = [];
  for (const origin of customSites) {
    if (out.includes(origin)) continue;
    if (grantedPatterns.some((p) => patternCoversOrigin(p, origin))) out.push(origin);
  }
  return out;
}

/** What should be registered: the match patterns, or null when nothing should. */
export function desiredRegistration(customSites: readonly string[], grantedPatterns: readonly string[]): { matches: string[] } | null {
  const origins = grantedCustomSites(customSites, grantedPatterns);
  return origins.length ? { matches: origins.map(originPattern) } : null;
}

// The slice of the WebExtension APIs the sync needs (browser.scripting, browser.permissions).
export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
  allFrames?: boolean;
}
export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}
export interface PermissionsLike {
  getAll(): Promise<{ origins?: string[] }>;
}

export interface SyncDeps {
  scripting: ScriptingLike;
  permissions: PermissionsLike;
  /** The runner's added origins (settings.customSites), validated. */
  loadCustomSites(): Promise<string[]>;
  /** The script's files (default: CUSTOM_SCRIPT_JS; it has no CSS: its badges style their shadow roots). */
  scriptFiles?: { js: string[]; css?: string[] };
}

export type SyncOutcome =
  | { action: 'registered' | 'updated'; matches: string[] }
  | { action: 'unregistered' | 'unchanged'; matches: string[] }
  | { action: 'failed'; matches: string[]; error: string };

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/**
 * Make the registered content script match exactly the added sites that are granted: register,
 * update, or unregister when none is left. Never throws (the outcome says what happened).
 */
export async function syncCustomSiteRegistration(deps: SyncDeps): Promise<SyncOutcome> {
  let wanted: { matches: string[] } | null = null;
  try {
    const [customSites, granted] = await Promise.all([deps.loadCustomSites(), deps.permissions.getAll()]);
    wanted = desiredRegistration(customSites, granted.origins ?? []);
    const existing = (await deps.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] })).find((s) => s.id === CUSTOM_SCRIPT_ID);
    if (!wanted) {
      if (!existing) return { action: 'unchanged', matches: [] };
      await deps.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
      return { action: 'unregistered', matches: [] };
    }
    const files = deps.scriptFiles ?? { js: [CUSTOM_SCRIPT_JS] };
    const script: RegisteredScript = {
      id: CUSTOM_SCRIPT_ID,
      matches: wanted.matches,
      js: files.js,
      ...(files.css?.length ? { css: files.css } : {}),
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    };
    if (!existing) {
      await deps.scripting.registerContentScripts([script]);
      return { action: 'registered', matches: wanted.matches };
    }
    if (sameList(existing.matches, wanted.matches) && sameList(existing.js, script.js)) {
      return { action: 'unchanged', matches: wanted.matches };
    }
    await deps.scripting.updateContentScripts([script]);
    return { action: 'updated', matches: wanted.matches };
  } catch (error) {
    return { action: 'failed', matches: wanted?.matches ?? [], error: errorText(error) };
  }
}

/** Run syncs one after another: events (settings, permissions, startup) can arrive together. */
export function createSerialSync(run: () => Promise<SyncOutcome>): () => Promise<SyncOutcome> {
  const queue = createSerialQueue();
  return () => queue(run);
}
