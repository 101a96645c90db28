/**
 * The card's stylesheet, injected into its closed shadow root (no page CSS reaches it, none leaks
 * out). The base size follows the article's own type (`--tl-base`, set by the card from the article
 * text, kept between 15 and 18 px). Label colours are blue / orange / grey, which do not read as
 * good / bad and stay apart for colour-blind readers; cue words get a violet underline, not the
 * marks' yellow.
 */
export const CARD_CSS = `
:host { all: initial; }
.tl-card, .tl-hint {
  --tl-bg: #ffffff; --tl-fg: #1f2937; --tl-muted: #4b5563; --tl-line: #d1d5db; --tl-accent: #5b21b6;
  --tl-durable: #1e40af; --tl-durable-bg: #dbeafe; --tl-fragile: #9a3412; --tl-fragile-bg: #ffedd5;
  --tl-neutral: #374151; --tl-neutral-bg: #e5e7eb; --tl-cue: #ede9fe; --tl-cue-line: #6d28d9;
  font: var(--tl-base, 16px)/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; box-sizing: border-box;
}
@media (prefers-color-scheme: dark) {
  .tl-card, .tl-hint {
    --tl-bg: #111827; --tl-fg: #e5e7eb; --tl-muted: #b6bcc6; --tl-line: #4b5563; --tl-accent: #c4b5fd;
    --tl-durable: #bfdbfe; --tl-durable-bg: #1e3a8a; --tl-fragile: #fed7aa; --tl-fragile-bg: #7c2d12;
    --tl-neutral: #e5e7eb; --tl-neutral-bg: #374151; --tl-cue: #3b0764; --tl-cue-line: #c4b5fd;
  }
}
.tl-card {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  width: min(360px, calc(100vw - 16px));
  background: var(--tl-bg); color: var(--tl-fg); border: 1px solid var(--tl-line); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0,0,0,.18);
}
.tl-card:focus { outline: 3px solid var(--tl-accent); outline-offset: 2px; }
.tl-card *, .tl-card *::before, .tl-card *::after { box-sizing: border-box; }
.tl-scroll { overflow: auto; padding: .75em .9em; border-radius: 10px; }
.tl-arrow {
  position: absolute; width: 12px; height: 12px; background: var(--tl-bg); transform: rotate(45deg);
  border: 1px solid var(--tl-line); pointer-events: none;
}
.tl-arrow[data-side="top"] { border-left: none; border-top: none; }
.tl-arrow[data-side="bottom"] { border-right: none; border-bottom: none; }
.tl-arrow[data-side="left"] { border-left: none; border-bottom: none; }
.tl-arrow[data-side="right"] { border-right: none; border-top: none; }
.tl-head { display: flex; align-items: flex-start; gap: 8px; }
.tl-name { font-size: 1.1em; line-height: 1.3; font-weight: 650; margin: 0; flex: 1; }
.tl-close {
  all: unset; cursor: pointer; color: var(--tl-muted); border-radius: 4px; font-size: 1.3em; line-height: 1;
  min-width: 24px; min-height: 24px; text-align: center;
}
.tl-close:focus-visible, .tl-btn:focus-visible, .tl-more:focus-visible, .tl-select:focus-visible,
.tl-card a:focus-visible { outline: 3px solid var(--tl-accent); outline-offset: 1px; }
.tl-role { margin: 2px 0 0; }
.tl-muted { color: var(--tl-muted); font-size: .9em; margin: 4px 0 0; }
.tl-card a { color: var(--tl-accent); }
.tl-stance { margin-top: .6em; }
.tl-stance-row { margin: 0; }
.tl-chip { display: inline-block; border-radius: 999px; padding: 0 .55em; font-weight: 650; font-size: .9em; }
.tl-chip-durable { color: var(--tl-durable); background: var(--tl-durable-bg); }
.tl-chip-fragile { color: var(--tl-fragile); background: var(--tl-fragile-bg); }
.tl-chip-neutral { color: var(--tl-neutral); background: var(--tl-neutral-bg); }
.tl-lead {
  margin: .6em 0 0; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden;
}
.tl-kind { color: var(--tl-muted); font-size: .9em; font-style: italic; }
.tl-more {
  all: unset; cursor: pointer; color: var(--tl-accent); font-weight: 600; margin-top: .5em; display: inline-block;
  min-height: 24px; text-decoration: underline;
}
.tl-section { border-top: 1px solid var(--tl-line); margin-top: .7em; padding-top: .5em; }
.tl-h { margin: 0 0 .25em; font-size: .9em; color: var(--tl-muted); font-weight: 650; }
.tl-quotes { margin: .3em 0 0; padding-left: 1.1em; }
.tl-quotes li { margin: .25em 0; }
.tl-cue {
  background: var(--tl-cue); color: inherit; border-radius: 2px; padding: 0 1px;
  text-decoration: underline solid var(--tl-cue-line); text-decoration-thickness: 2px; text-underline-offset: 3px;
}
.tl-btn { all: unset; cursor: pointer; color: var(--tl-accent); font-size: .9em; text-decoration: underline; min-height: 24px; }
.tl-correct { margin: .4em 0 0; font-size: .9em; }
.tl-select {
  font: inherit; color: var(--tl-fg); background: var(--tl-bg); border: 1px solid var(--tl-line);
  border-radius: 6px; padding: 2px 4px; min-height: 24px;
}
.tl-hint {
  position: fixed; top: 0; left: 0; z-index: 2147483647; pointer-events: none; font-size: 14px;
  background: var(--tl-fg); color: var(--tl-bg); padding: 2px 8px; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); white-space: nowrap;
}
`;
