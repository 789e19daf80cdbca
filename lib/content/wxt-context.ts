// Stands in for WXT's ContentScriptContext in built content scripts (wxt.config.ts aliases
// 'wxt/utils/content-script-context' here for `wxt build`). WXT's entry wrapper makes one for
// every content script's main(ctx), but lib/content/start.ts does not use it: WXT's context
// invalidates itself on a window message or document event that page script can forge
// (wxt-dev/wxt#1752), and its constructor posts a "content script started" message, naming the
// script, to the page's own window. Ours stops only when the extension is gone (runtime.id) and
// says nothing to the page; this stub also keeps ~2.5 KB of WXT runtime out of each script.
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
