// A built-in site's content script (Strava, Garmin Connect, intervals.icu): ./start with that
// site's page halves only, whose runs the background reads (lib/background/reading-host), this tab
// answering the reader's same-origin calls (./remote). The user-added sites' script reads the
// page itself and carries none of this.
import { defineContentScript } from '#imports';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteMatches, type SiteId } from '../sites/builtin';
import type { PagePart } from '../sites/reading';
import { createSameOriginAnswer } from './fetch';
import { proxyListener } from './remote';
import { startBadges, type BadgeScript, type ScriptEnv } from './start';

/** `pages`, with this tab answering the background's calls for their reads. */
export function remoteParts(pages: readonly PagePart[]) {
  return ({ runtime, win, signal, onStop, page }: ScriptEnv) => {
    const proxy = proxyListener(
      page,
      () => runtime.id,
      createSameOriginAnswer({ origin: win.location.origin, fetch: win.fetch.bind(win), signal }),
    );
    runtime.onMessage.addListener(proxy as never);
    onStop(() => runtime.onMessage.removeListener(proxy as never));
    return pages;
  };
}

/** A built-in site's badges with these page halves (and the script's other options). */
export function startSiteBadges(ctx: ContentScriptContext, pages: readonly PagePart[], script: Omit<BadgeScript, 'parts'> = {}): void {
  startBadges(ctx, { ...script, parts: remoteParts(pages) });
}

/** A built-in site's content script with only that site's page halves: its match patterns, run once the page is idle. */
export function siteContentScript(site: SiteId, pages: () => readonly PagePart[]) {
  return defineContentScript({
    matches: siteMatches(site),
    runAt: 'document_idle',
    main(ctx) {
      startSiteBadges(ctx, pages());
    },
  });
}
