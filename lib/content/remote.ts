// The tab's side of the background's reads (lib/sites/reading.ts, lib/background/reading-host.ts):
// the content script's pass sends what the page shows (its facts, ./pass), and the tab makes the
// same-origin calls the background's reader asks for, with the page's
// cookies (the background has no host permission, and must not need one). Only the background may
// ask, and only with this page's token: a web page cannot send runtime messages, and another
// tab's script does not know it. Every call goes through ./fetch (same origin, no redirect, size
// cap, spaced, one at a time). Small on purpose: the content script's budget.
import type { FetchJsonInit } from '../sites/types';
import type { FetchAnswer } from './fetch';

/** Background -> content script: GET this same-origin path for the reader. */
export const PROXY_FETCH = 'knee-check:proxy-fetch';

export interface ProxyFetchMessage {
  type: typeof PROXY_FETCH;
  /** The page token the content script sent with its read. */
  page: string;
  path: string;
  init?: FetchJsonInit;
}

/** The content script's answer: the parsed JSON, or why there is none. */
export type ProxyAnswer = FetchAnswer;

/** runtime.onMessage listener: the background's calls for this page's reads, answered with sendResponse. */
export function proxyListener(
  page: string,
  ownId: () => string | undefined,
  fetchAnswer: (path: string, init?: FetchJsonInit) => Promise<ProxyAnswer>,
) {
  return (message: unknown, sender: { id?: string; tab?: unknown }, reply: (answer: ProxyAnswer) => void): true | undefined => {
    const m = message as Partial<ProxyFetchMessage> | null;
    if (m?.type !== PROXY_FETCH || m.page !== page || sender.id !== ownId() || sender.tab) return undefined;
    fetchAnswer(String(m.path), m.init).then(reply, () => reply({ refused: { reason: 'network' } }));
    return true;
  };
}
