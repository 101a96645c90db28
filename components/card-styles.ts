/** The card's stylesheet, injected into its shadow root (no page CSS reaches it, none leaks out). */
export const CARD_CSS = `
:host { all: initial; }
.tl-card {
  --tl-bg: #ffffff; --tl-fg: #1f2937; --tl-muted: #6b7280; --tl-line: #e5e7eb; --tl-accent: #7c3aed;
  --tl-durable: #047857; --tl-durable-bg: #d1fae5; --tl-fragile: #b91c1c; --tl-fragile-bg: #fee2e2;
  --tl-neutral: #374151; --tl-neutral-bg: #e5e7eb; --tl-cue: #fde68a;
  position: fixed; top: 0; left: 0; z-index: 2147483647; box-sizing: border-box;
  width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  background: var(--tl-bg); color: var(--tl-fg); border: 1px solid var(--tl-line); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0,0,0,.18); padding: 12px 14px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .tl-card {
    --tl-bg: #111827; --tl-fg: #e5e7eb; --tl-muted: #9ca3af; --tl-line: #374151; --tl-accent: #a78bfa;
    --tl-durable: #6ee7b7; --tl-durable-bg: #064e3b; --tl-fragile: #fca5a5; --tl-fragile-bg: #7f1d1d;
    --tl-neutral: #d1d5db; --tl-neutral-bg: #374151; --tl-cue: #854d0e;
  }
}
.tl-card:focus { outline: 2px solid var(--tl-accent); outline-offset: 2px; }
.tl-head { display: flex; align-items: flex-start; gap: 8px; }
.tl-name { font-size: 15px; font-weight: 650; margin: 0; flex: 1; }
.tl-close { all: unset; cursor: pointer; color: var(--tl-muted); padding: 0 4px; border-radius: 4px; font-size: 16px; }
.tl-close:focus-visible, .tl-btn:focus-visible, .tl-select:focus-visible { outline: 2px solid var(--tl-accent); }
.tl-role { margin: 2px 0 0; color: var(--tl-fg); }
.tl-known { margin: 6px 0 0; color: var(--tl-muted); font-size: 12px; }
.tl-known a, .tl-latest a { color: var(--tl-accent); }
.tl-section { border-top: 1px solid var(--tl-line); margin-top: 10px; padding-top: 8px; }
.tl-h { margin: 0 0 4px; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--tl-muted); font-weight: 600; }
.tl-stance-row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.tl-chip { display: inline-block; border-radius: 999px; padding: 1px 8px; font-weight: 650; font-size: 12px; }
.tl-chip-durable { color: var(--tl-durable); background: var(--tl-durable-bg); }
.tl-chip-fragile { color: var(--tl-fragile); background: var(--tl-fragile-bg); }
.tl-chip-neutral { color: var(--tl-neutral); background: var(--tl-neutral-bg); }
.tl-conf { color: var(--tl-muted); font-size: 12px; }
.tl-corrected { color: var(--tl-muted); font-size: 12px; font-style: italic; }
.tl-evidence, .tl-quotes { margin: 6px 0 0; padding-left: 16px; }
.tl-evidence li, .tl-quotes li { margin: 3px 0; }
.tl-cue { background: var(--tl-cue); color: inherit; border-radius: 2px; padding: 0 1px; }
.tl-btn { all: unset; cursor: pointer; color: var(--tl-accent); font-size: 12px; margin-left: 4px; text-decoration: underline; }
.tl-select { font: inherit; font-size: 12px; color: var(--tl-fg); background: var(--tl-bg); border: 1px solid var(--tl-line); border-radius: 6px; padding: 1px 4px; }
.tl-balance { color: var(--tl-muted); font-size: 12px; margin: 2px 0 0; }
.tl-latest { margin: 0; }
`;
