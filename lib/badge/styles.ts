// The badge's one stylesheet, shared by every badge through adoptedStyleSheets (one parse for the
// whole page, not one <style> per badge). Everything in px: host pages change the root font size.
// The icon is drawn here (a shape and a mark per level: the level reads from shape and words, not
// only from colour). The explanation is a popover in the top layer (no clipping by the row),
// placed under its chip with CSS anchor positioning (centred where that is unsupported).
export const BADGE_CSS = `:host{all:initial!important;display:inline-block!important;vertical-align:middle!important;margin:2px 0 2px 6px!important;max-width:100%!important;font:500 12px/16px system-ui,sans-serif!important}
button{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:5px;max-width:100%;padding:2px 8px 2px 4px;border:1px solid;border-radius:11px;cursor:pointer;background:#e8f5ec;color:#14532d}
button[aria-expanded=true]{anchor-name:--k}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
b{white-space:nowrap}
i{flex:none;display:inline-grid;place-items:center;width:15px;height:15px;border-radius:50%;background:currentColor;font:700 10px/1 system-ui,sans-serif}
i:before{content:"✓";color:#fff}
.caution button{background:#fff5d6;color:#6b4200}
.high button{background:#fde7e6;color:#8c1d13}
.unknown button{background:#eef1f4;color:#333c47}
.unknown i{border-radius:2px}
.unknown i:before{content:"?"}
.caution i{border-radius:0;padding-top:3px;box-sizing:border-box;clip-path:polygon(50% 0,100% 100%,0 100%)}
.high i{border-radius:0;clip-path:polygon(30% 0,70% 0,100% 30%,100% 70%,70% 100%,30% 100%,0 70%,0 30%)}
.caution i:before,.high i:before{content:"!"}
[popover]{box-sizing:border-box;width:300px;max-width:calc(100vw - 16px);padding:10px 12px;border:1px solid #d0d7de;border-radius:8px;background:#fff;color:#1f2328;box-shadow:0 4px 16px #0003;font:400 12px/17px system-ui,sans-serif}
@supports (anchor-name:--k){[popover]{position-anchor:--k;inset:auto;top:anchor(bottom);left:anchor(left);margin:6px 0;position-try-fallbacks:flip-block,flip-inline}}
p{margin:0 0 6px}
p:first-child{font-weight:700;font-size:13px}
p:last-child{margin:0;font-weight:600}`;
