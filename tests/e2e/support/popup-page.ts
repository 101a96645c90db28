/** Page object for the popup, opened in a tab at chrome-extension://<id>/popup.html. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export class PopupPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.search()).toBeVisible({ timeout: 15_000 });
  }

  search(): Locator {
    return this.page.getByTestId('history-search');
  }

  rows(): Locator {
    return this.page.getByTestId('history-row');
  }

  row(title: string | RegExp): Locator {
    return this.rows().filter({ hasText: title });
  }

  /** Reopens the popup until a history row with `title` shows (the save happens in the background). */
  async waitForRow(title: string | RegExp, timeout = 30_000): Promise<void> {
    await expect
      .poll(
        async () => {
          await this.open();
          return this.row(title).count();
        },
        { timeout, intervals: [500, 1000, 2000] },
      )
      .toBeGreaterThan(0);
  }

  async openExperts(): Promise<Locator> {
    await this.page.getByTestId('experts-tab').click();
    return this.page.getByTestId('expert-row');
  }

  /** Runs axe-core on the popup as it is now; returns serious and critical violations. */
  async seriousA11yViolations(): Promise<AxeViolation[]> {
    // An extension page's CSP refuses inline <script>; evaluating over the protocol is allowed.
    await this.page.evaluate(`${axeSource}\n;undefined`);
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
      interface AxeResults {
        violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      }
      const results = await axe.run(document);
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        }));
    });
  }
}
