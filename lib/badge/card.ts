// The fallback card: when a running log's runs were read but its layout was not recognised (no
// place for a badge), one compact card with this week's badge, fixed to a corner of the window.
// Closed shadow root, textContent only; keyboard reachable (its buttons are in the tab order);
// "Move" takes it to the next corner; "Hide for this week" dismisses it for this site and week.
// It never sits over the site's navigation: a corner overlapping a nav or header is skipped.
import { attachStyledRoot } from './element';

export const CARD_TAG = 'knee-check-card';
/** Marks the card host (an older copy of the script removes cards with it, like badges). */
export const CARD_ATTR = 'data-knee-check-card';

const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
type Corner = (typeof CORNERS)[number];

export const CARD_CSS = `:host{all:initial!important;position:fixed!important;z-index:2147483000!important;display:block!important;max-width:min(340px,calc(100vw - 32px))!important;font:400 12px/16px system-ui,sans-serif!important}
:host([data-corner^=bottom]){bottom:16px!important}:host([data-corner^=top]){top:16px!important}
:host([data-corner$=right]){right:16px!important}:host([data-corner$=left]){left:16px!important}
section{box-sizing:border-box;padding:8px 10px;border:1px solid #d0d7de;border-radius:10px;background:#fff;color:#1f2328;box-shadow:0 4px 16px #0003}
p{margin:0 0 6px;font-weight:600}
div{display:flex;gap:8px;margin-top:6px}
button{all:unset;cursor:pointer;padding:2px 8px;border:1px solid #8c959f;border-radius:6px;color:#1f2328;background:#f6f8fa}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
@media (prefers-color-scheme:dark){section{background:#1f2328;color:#f0f3f6;border-color:#57606a}button{background:#2d333b;color:#f0f3f6}}`;

export interface CardOptions {
  /** The card's heading, e.g. "Knee Check: this week on Strava Training Log". */
  title: string;
  /** The runner chose "Hide for this week". */
  onDismiss(): void;
}

export interface FallbackCard {
  readonly host: HTMLElement;
  /** Put `badge` (a badge host) in the card, and the card on the page if it is not there. */
  show(badge: HTMLElement, title: string): void;
  remove(): void;
  /** The corner it sits in (tests). */
  readonly corner: Corner;
}

const cardSheet: { sheet?: CSSStyleSheet | null } = {};

/** Does a corner's box overlap the site's navigation? One read of their boxes, at placement only. */
function overNavigation(doc: Document, host: HTMLElement): boolean {
  const box = host.getBoundingClientRect();
  for (const nav of doc.querySelectorAll('nav,[role="navigation"],header,[role="banner"]')) {
    const r = nav.getBoundingClientRect();
    if (r.width && r.height && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top) return true;
  }
  return false;
}

export function createFallbackCard(doc: Document, opts: CardOptions): FallbackCard {
  const host = doc.createElement(CARD_TAG);
  host.setAttribute(CARD_ATTR, '');
  const root = attachStyledRoot(host, CARD_CSS, cardSheet);
  const make = <K extends keyof HTMLElementTagNameMap>(name: K, parent: Node, text?: string) => {
    const node = doc.createElement(name);
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  };
  const section = make('section', root);
  section.setAttribute('role', 'region');
  section.setAttribute('aria-label', 'Knee Check');
  const heading = make('p', section, opts.title);
  const slot = make('span', section);
  const actions = make('div', section);
  const move = make('button', actions, 'Move');
  move.type = 'button';
  move.setAttribute('aria-label', 'Move the Knee Check card to another corner');
  const hide = make('button', actions, 'Hide for this week');
  hide.type = 'button';
  let corner: Corner = 'bottom-right';

  const place = (start: number) => {
    // The first corner (from `start`) that is clear of the site's navigation.
    for (let i = 0; i < CORNERS.length; i++) {
      corner = CORNERS[(start + i) % CORNERS.length]!;
      host.setAttribute('data-corner', corner);
      if (!host.isConnected || !overNavigation(doc, host)) return;
    }
    corner = CORNERS[start % CORNERS.length]!;
    host.setAttribute('data-corner', corner);
  };
  for (const button of [move, hide]) button.addEventListener('click', (event) => event.stopPropagation());
  move.addEventListener('click', () => place(CORNERS.indexOf(corner) + 1));
  hide.addEventListener('click', () => {
    host.remove();
    opts.onDismiss();
  });

  return {
    host,
    show(badge, title) {
      heading.textContent = title;
      if (badge.parentNode !== slot) slot.replaceChildren(badge);
      if (!host.isConnected) {
        (doc.body ?? doc.documentElement).append(host);
        place(0);
      }
    },
    remove: () => host.remove(),
    get corner() {
      return corner;
    },
  };
}
