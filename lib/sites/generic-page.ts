// The user-added sites' page half (their content script): the page sends a pruned snapshot of
// itself, and the background runs the generic detector on it (lib/sites/generic.ts, with its
// word lists and distance parsing: too big for the 10 KB budget) and answers which elements get a
// badge, by their index in the snapshot. What needs the live page stays here: the walk, whether
// an element is rendered, and mapping the answer back to elements.
// Privacy: the snapshot (the page's text and a few attributes) goes only to our own background
// by runtime messaging, as every page's facts do; it is never stored to disk, and never in the
// page status or its report (structure only).
// Pure of zod and Preact: the content script imports this module.
import type { PagePart } from './reading';
import type { BadgeAnchor } from './types';
import { isShown } from './week-anchors';

/** An element: [TAG, flags, its kept attributes or 0, ...children (text, or elements)]. */
export type SnapNode = [string, number, Record<string, string> | 0, ...(string | SnapNode)[]];

/** Flags: rendered (only asked of rows and of short text with a digit and a unit's letters). */
export const SHOWN = 1;
/** textContent at most 240 characters (where a distance label may be). */
export const SHORT = 2;
/** textContent at most 1600 characters (a run's row may be). */
export const ROW_SHORT = 4;
/** Cut by the caps (the walk stopped inside it): its text is unknown. */
export const CUT = 8;

/** Elements looked at, at most (long pages are read from the top; the body not counted). */
export const MAX_ELEMENTS = 20_000;
export const MAX_DEPTH = 400;
/** Characters of text sent, at most; an attribute's value is cut to MAX_ATTRIBUTE. */
export const MAX_TEXT = 2_000_000;
export const MAX_ATTRIBUTE = 400;

// Subtrees whose text the detector skips: only the element itself, its own short text (a
// distance in a chart's label still makes its parent ambiguous), and rows or labelled elements
// inside it (a sport icon's aria-label) go, without their text. (A canvas's fallback content is
// walked: its elements are read as ever.)
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|IFRAME|INPUT|TEXTAREA|SELECT|OPTION)$/;
/** The attributes the detector reads (dates, a row's role, sport labels). */
const KEPT = /^(role|title|aria-label|alt|datetime|data-(date|day|week|week-?start|start|start-date))$/;
const ROW = /^(TR|LI|ARTICLE)$/;
export const DIGIT = /[\d０-９]/;
/** Letters every unit lib/sites/parse-distance reads contains one of. */
export const UNIT_HINT = /km|kil|chil|км|㎞|mi|mei|ｋｍ|ｍｉ/i;
/** Our badges and card (lib/badge): never part of what the page shows. */
const OURS = 'knee-check-badge,[data-knee-check-key],[data-knee-check-card]';

/** The body as a snapshot, and its elements in the snapshot's order (index 0: the body). */
export function snapshotOf(body: Element): { snap: SnapNode; els: Element[] } {
  const els: Element[] = [];
  let count = -1;
  let len = 0;
  let full = false;
  const kept = (el: Element) => {
    let out: Record<string, string> | 0 = 0;
    for (const { name, value } of el.attributes) if (KEPT.test(name)) (out ||= {})[name] = value.slice(0, MAX_ATTRIBUTE);
    return out;
  };
  const take = (el: Element, depth: number): SnapNode => {
    const tag = el.tagName.toUpperCase();
    const node: SnapNode = [tag, 0, kept(el)];
    els.push(el);
    count++;
    const from = len;
    if (SKIP.test(tag)) {
      const text = el.textContent ?? '';
      len += text.length;
      if (text.length <= 240 && tag !== 'SELECT') node.push(text);
      for (const inner of el.querySelectorAll('*')) {
        const attrs = kept(inner);
        const name = inner.tagName.toUpperCase();
        if (count++ >= MAX_ELEMENTS) full = true;
        else if (attrs || ROW.test(name)) {
          els.push(inner);
          node.push([name, 0, attrs]);
        }
      }
    } else {
      for (let child = el.firstChild; child && !full; child = child.nextSibling) {
        if (child.nodeType === 3) {
          const text = child.nodeValue ?? '';
          if (len + text.length > MAX_TEXT) full = true;
          else if (text) {
            len += text.length;
            node.push(text.replace(/\s+/g, ' '));
          }
        } else if (child.nodeType === 1 && !(child as Element).matches(OURS)) {
          if (count >= MAX_ELEMENTS || depth >= MAX_DEPTH) full = true;
          else node.push(take(child as Element, depth + 1));
        }
      }
    }
    const own = len - from;
    const text = own <= 240 ? (el.textContent ?? '') : '';
    node[1] = full
      ? CUT
      : (own <= 240 ? SHORT : 0) |
        (own <= 1600 ? ROW_SHORT : 0) |
        ((ROW.test(tag) || (node[2] && node[2].role === 'row') || (DIGIT.test(text) && UNIT_HINT.test(text))) && isShown(el) ? SHOWN : 0);
    return node;
  };
  return { snap: take(body, 0), els };
}

/** A quick 32-bit FNV-1a hash and the length: the same text gives the same key. */
export function hashText(text: string, prime = 0x01000193): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), prime);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/** What the page half sends: its snapshot's key, and the snapshot unless the background has it. */
export interface GenericFacts {
  sig: string;
  snap?: SnapNode;
}

/** A badge the background answers: on the snapshot's element at `index`. */
export interface SnapshotAnchor {
  index: number;
  key: string;
  weekStart?: string;
}

/** The background's state for a page: the snapshot it holds and which of its elements get a badge. */
export interface GenericState {
  sig: string;
  has?: true;
  anchors?: SnapshotAnchor[];
  /** The facts left the snapshot out, and the background does not have it: send it. */
  needSnapshot?: true;
}

export function createGenericPage(): PagePart {
  let walked: { quick: string; key: string; snap: SnapNode; els: Element[] } | null = null;
  /** The last answer: badges for the snapshot with this key. */
  let answer: GenericState | null = null;
  /** The snapshot key the background holds for this page. */
  let has: string | null = null;

  // The core asks on every re-render: walk again only when the element count (ours left out) or
  // the text changed, or elements were replaced; the key is the snapshot's own.
  const walk = (doc: Document) => {
    const body = doc.body;
    if (!body) return null;
    const quick = `${body.getElementsByTagName('*').length - body.querySelectorAll(OURS).length}|${hashText(body.textContent ?? '')}`;
    if (walked?.quick !== quick || !walked.els.every((el) => el.isConnected)) {
      const { snap, els } = snapshotOf(body);
      const json = JSON.stringify(snap);
      walked = { quick, key: `${hashText(json)}:${hashText(json, 0x5bd1e995)}`, snap, els };
    }
    return walked;
  };

  return {
    id: 'generic',
    site: 'custom',
    pageKind: (url) => `your site ${url.hostname}`,
    selectors: ['tr', 'li', '[role="row"]', 'article', 'time[datetime]', '[data-date]', 'table thead'],
    // The core decides by settings.customSites; this only refuses non-web pages.
    matches: (url) => url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost'),
    findAnchors(doc) {
      const w = walk(doc);
      const anchors: BadgeAnchor[] = [];
      if (w && answer?.sig === w.key)
        for (const { index, key, weekStart } of answer.anchors ?? []) {
          const element = w.els[index];
          if (element) anchors.push({ key, element, placement: 'after', weekStart });
        }
      return anchors;
    },
    facts(doc) {
      const w = walk(doc);
      return (
        w && {
          key: w.key,
          get data(): GenericFacts {
            return has === w.key ? { sig: w.key } : { sig: w.key, snap: w.snap };
          },
        }
      );
    },
    accept(state) {
      const s = state as GenericState | null;
      has = s?.has && typeof s.sig === 'string' ? s.sig : null;
      if (has) answer = s;
      return s?.needSnapshot === true;
    },
  };
}
