/** Page object for a served article with the extension's marks and card (Chromium, Playwright). */
import { type Locator, type Page } from '@playwright/test';
import { cardView, expectCard, expectNoCard, HOST, type CardView } from './closed-card';

export { HOST };
export const MARK = 'triangle-lens-mark';

export interface MarkInfo {
  expert: string;
  text: string;
  focusable: boolean;
  role: string | null;
  /** Tag names of the mark's ancestors up to <body>, nearest first. */
  ancestors: string[];
  /** Classes/landmarks that must never contain marks, found among the ancestors. */
  forbiddenContainer: string | null;
}

export class ArticlePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  /** Waits until the marks are in the page (the lens applies them all in one pass). */
  async waitForMarksInPlace(timeout = 20_000): Promise<void> {
    await this.page.locator(MARK).first().waitFor({ state: 'attached', timeout });
  }

  /**
   * Names of entries on the page's performance timeline that mention the extension. The installed
   * build must leave none: the page can read that timeline, and would learn the extension is there.
   */
  async extensionPerfEntries(): Promise<string[]> {
    return this.page.evaluate(() =>
      performance
        .getEntries()
        .map((e) => e.name)
        .filter((name) => /triangle|lens/i.test(name)),
    );
  }

  marks(expert?: string): Locator {
    return this.page.locator(expert ? `${MARK}[data-tl-expert="${expert}"]` : MARK);
  }

  async markInfo(): Promise<MarkInfo[]> {
    return this.page.evaluate((tag) => {
      const forbidden = ['nav', 'header', 'footer', 'aside', '.byline', '.comments', '.comment', '.sidebar'];
      return Array.from(document.querySelectorAll(tag)).map((el) => {
        const ancestors: string[] = [];
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          ancestors.push(p.tagName.toLowerCase());
        }
        return {
          expert: el.getAttribute('data-tl-expert') ?? '',
          text: el.textContent ?? '',
          focusable: el.getAttribute('tabindex') === '0',
          role: el.getAttribute('role'),
          ancestors,
          forbiddenContainer: forbidden.find((sel) => el.parentElement?.closest(sel)) ?? null,
        };
      });
    }, MARK);
  }

  /** The card as it is now, read inside its closed shadow root (support/closed-card.ts). */
  cardView(): Promise<CardView> {
    return cardView(this.page);
  }

  async expectCardFor(name: RegExp | string, organization?: RegExp | string): Promise<CardView> {
    return expectCard(this.page, name, organization);
  }

  async expectNoCard(): Promise<void> {
    await expectNoCard(this.page);
  }

  /** Presses Tab until a mark has focus; returns its expert id. */
  async tabToFirstMark(maxTabs = 60): Promise<string> {
    await this.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      const id = await this.page.evaluate(
        (tag) =>
          document.activeElement?.matches(tag) ? document.activeElement.getAttribute('data-tl-expert') : null,
        MARK,
      );
      if (id) return id;
    }
    throw new Error(`no mark received focus after ${maxTabs} presses of Tab`);
  }
}
