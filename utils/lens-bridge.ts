/**
 * The hand-over between Triangle Lens's three content-script stages, which share one isolated world
 * per frame (the page cannot see it):
 *   1. the gate (every page, a few kB): cheap look, serialise, ask the background for an analysis;
 *   2. the lens (injected by the background into candidate pages while it analyses them; it acts only
 *      once the gate hands it a verdict on the topic): marks, read tracking;
 *   3. the card (injected on the first real hover, keyboard stop or key on a mark): Preact + Floating UI.
 * Each stage finds the previous one's state here.
 */
import type { Analysis } from './types';

export interface CardHandle {
  /** Opens the card for a mark (after the hover delay has passed, or at once for a key). */
  open(mark: HTMLElement, focusCard: boolean): void;
  /** Shows the "Enter: expert card" hint beside a stop reached with Tab (a mark, or a link around one). */
  hint(stop: HTMLElement): void;
  destroy(): void;
}

/** What the lens offers the card. */
export interface CardHost {
  analysis: Analysis;
  root: Element;
  cardDelayMs: number;
  url: string;
  /** The card registers itself here once loaded. */
  attach(card: CardHandle): void;
  /** Set by the card stage when it takes this host: a second injection leaves it alone. */
  claimed?: boolean;
  /** True for a trusted focus event that follows a trusted Tab keydown (see utils/card-triggers.ts). */
  tabFocus(e: FocusEvent): boolean;
}

export interface LensBridge {
  /** Set by the gate: the analysis when the page is on the topic, null when it is not (or not yet). */
  analysis: Analysis | null;
  url: string;
  /** Set by the lens: re-reads `analysis` (a verdict arrived, or another article in a single-page site). */
  refresh?: () => void;
  /** Set by the lens for the card stage. */
  cardHost?: CardHost;
}

const KEY = '__triangleLensBridge';

export function lensBridge(): LensBridge {
  const g = globalThis as unknown as Record<string, LensBridge | undefined>;
  return (g[KEY] ??= { analysis: null, url: '' });
}
