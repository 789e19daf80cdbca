// The badge: a custom element (valid custom-element name, closed shadow root: page script can
// neither read nor rewrite the explanation) styled by one shared
// constructable stylesheet, built with textContent only (no string is ever parsed as HTML).
//
// Why no customElements.define: a content script runs in an isolated world where
// `window.customElements` is null (Chromium), and a class defined there could not be upgraded in
// the page's registry anyway. An undefined element with a valid custom-element name still takes
// attachShadow, which is all the badge needs. If the page has defined our name itself (its
// constructor would run on our element), a suffixed name is used instead.
import { BADGE_CSS } from './styles';
import type { BadgeChip, BadgeView, ChipLevel } from './view';

export const BADGE_TAG = 'knee-check-badge';
/** Attribute on the host holding the anchor key it describes. */
export const KEY_ATTR = 'data-knee-check-key';

interface Parts {
  wrap: HTMLElement;
  chip: HTMLButtonElement;
  label: HTMLElement;
  text: HTMLElement;
  tip: HTMLElement;
  /** The explanation, built on first open after each render (most badges are never opened). */
  explain: (() => BadgeView) | null;
  open: boolean;
  level: ChipLevel;
}

export interface BadgeKit {
  /** The tag name in use ("knee-check-badge" unless the page took it). */
  readonly tag: string;
  /** A new, empty badge host for an anchor key. */
  create(key: string): HTMLElement;
  /** Fill (or refill) a badge: the chip now, the explanation when it is first opened. */
  render(host: Element, chip: BadgeChip, explain: () => BadgeView): void;
  /** Is this node one of this kit's badge hosts? */
  isBadge(node: Node): node is HTMLElement;
  /**
   * What a badge shows (tests): read from this script's own memory, as the shadow root is closed.
   * Reachable only from the content script's isolated world, never from the page.
   */
  inspect(host: Element): BadgeInspection | null;
}

export interface BadgeInspection {
  level: ChipLevel;
  label: string;
  text: string;
  ariaLabel: string;
  /** The explanation's paragraphs (built now if it was not yet). */
  explanation: string[];
}

/**
 * The closed roots this script made. Module scope of the content script's isolated world: page
 * script cannot reach it (tests of this world read badges through it, or through kit.inspect).
 */
const closedRoots = new WeakMap<Element, ShadowRoot>();
export const shadowOf = (host: Element): ShadowRoot | null => closedRoots.get(host) ?? null;

/** A closed shadow root with the badge sheet (one shared constructable sheet where possible). */
export function attachStyledRoot(host: HTMLElement, css: string, shared: { sheet?: CSSStyleSheet | null }): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  closedRoots.set(host, root);
  try {
    if (shared.sheet === undefined) {
      shared.sheet = new CSSStyleSheet();
      shared.sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [shared.sheet!];
  } catch {
    // No constructable sheets in this world (or a foreign sheet refused): one <style> instead.
    shared.sheet = null;
    const style = host.ownerDocument.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  return root;
}

/** Can we own elements of this name: not defined by the page, and accepting our shadow root? */
function usable(doc: Document, tag: string): boolean {
  try {
    const probe = doc.createElement(tag);
    probe.attachShadow({ mode: 'closed' });
    // A page definition whose constructor throws leaves an HTMLUnknownElement ("failed", so not
    // :defined): the name is still theirs, and every badge would re-run their constructor.
    return !probe.matches(':defined') && !(probe instanceof HTMLUnknownElement);
  } catch {
    return false;
  }
}

export function resolveBadgeTag(doc: Document, base = BADGE_TAG): string {
  let tag = base;
  for (let i = 0; i < 5 && !usable(doc, tag); i++) tag = `${base}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
  return tag;
}

const badgeSheet: { sheet?: CSSStyleSheet | null } = {};

export function createBadgeKit(doc: Document, tag = resolveBadgeTag(doc)): BadgeKit {
  const parts = new WeakMap<Element, Parts>();
  const make = <K extends keyof HTMLElementTagNameMap>(name: K, parent: Node, text?: string) => {
    const node = doc.createElement(name);
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  };

  function build(host: HTMLElement): void {
    const root = attachStyledRoot(host, BADGE_CSS, badgeSheet);
    const wrap = make('span', root);
    const chip = make('button', wrap);
    chip.type = 'button';
    chip.setAttribute('aria-expanded', 'false');
    chip.setAttribute('aria-describedby', 'tip');
    make('i', chip).setAttribute('aria-hidden', 'true');
    const label = make('b', chip);
    const text = make('span', chip);
    const tip = make('div', wrap);
    tip.id = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.setAttribute('popover', 'manual');
    const p: Parts = { wrap, chip, label, text, tip, explain: null, open: false, level: 'ok' };
    parts.set(host, p);

    // Hover or focus opens the explanation; a click pins it open until the next click, blur or Escape.
    let pinned = false;
    const show = (next: boolean) => {
      if (p.open === next) return;
      p.open = next;
      if (next) fill(p);
      chip.setAttribute('aria-expanded', String(next));
      try {
        if (next) tip.showPopover();
        else tip.hidePopover();
      } catch {
        // not connected, or already in that state
      }
    };
    const close = () => {
      pinned = false;
      show(false);
    };
    chip.addEventListener('click', (event) => {
      // The badge's own clicks never reach the row, link or chart it sits in.
      event.stopPropagation();
      event.preventDefault();
      pinned = !pinned || !p.open;
      show(pinned);
    });
    tip.addEventListener('click', (event) => event.stopPropagation());
    chip.addEventListener('focus', () => show(true));
    chip.addEventListener('blur', close);
    chip.addEventListener('keydown', (event) => event.key === 'Escape' && close());
    host.addEventListener('mouseenter', () => show(true));
    host.addEventListener('mouseleave', () => pinned || root.activeElement === chip || show(false));
  }

  /** Write the explanation into the tooltip, if a render left one to write. */
  function fill(p: Parts): void {
    if (!p.explain) return;
    const view = p.explain();
    p.explain = null;
    p.tip.replaceChildren();
    for (const line of [view.title, ...view.lines, view.evidence, view.cta]) make('p', p.tip, line);
  }

  return {
    tag,
    create(key) {
      const host = doc.createElement(tag);
      host.setAttribute(KEY_ATTR, key);
      build(host);
      return host;
    },
    render(host, chip, explain) {
      const p = parts.get(host);
      if (!p) return;
      p.wrap.className = chip.level;
      p.level = chip.level;
      host.setAttribute('data-level', chip.level);
      p.label.textContent = chip.label;
      p.text.textContent = chip.text;
      p.chip.setAttribute('aria-label', chip.ariaLabel);
      p.explain = explain;
      if (p.open) fill(p);
    },
    isBadge: (node): node is HTMLElement => parts.has(node as Element),
    inspect(host) {
      const p = parts.get(host);
      if (!p) return null;
      fill(p);
      return {
        level: p.level,
        label: p.label.textContent ?? '',
        text: p.text.textContent ?? '',
        ariaLabel: p.chip.getAttribute('aria-label') ?? '',
        explanation: [...p.tip.children].map((n) => n.textContent ?? ''),
      };
    },
  };
}
