// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from './PopupApp';
import { repoClient } from '@/tests/unit/helpers/repo-client';
import { article, expert, freshDb } from '@/utils/db/test-helpers';
import { saveArticle } from '@/utils/db/history-repo';
import type { CurrentPageInfo } from '@/utils/messages/page';
import type { HistoryDb } from '@/utils/db/schema';

let db: HistoryDb;
afterEach(() => {
  cleanup();
  db?.close();
});

async function seed(n = 3) {
  db = freshDb();
  for (let i = 0; i < n; i++) {
    await saveArticle(
      db,
      article(`a${i}`, {
        title: i === 1 ? 'Pipeline <script>alert(1)</script> talks' : `Article number ${i}`,
        experts: [
          expert('Vera Analyst', i % 2 ? 'fragile' : 'durable', 'Invented Institute'),
          expert(`Person ${i}`, 'neutral'),
        ],
        topic: { score: 0.8, subtopics: [i % 2 ? 'energy' : 'sanctions'], evidence: [] },
      }),
      { now: Date.UTC(2026, 2, 1 + i) },
    );
  }
  return db;
}

const rows = () => screen.queryAllByTestId('history-row');

describe('PopupApp', () => {
  it('lists the history newest first, with chips by stance, text never as HTML', async () => {
    await seed();
    render(<PopupApp client={repoClient(db)} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0].textContent).toContain('Article number 2');
    expect(rows()[1].textContent).toContain('Pipeline <script>alert(1)</script> talks');
    expect(document.querySelector('script')).toBeNull();
    const chip = within(rows()[1]).getByRole('button', { name: /Vera Analyst\s*, stance: fragile/ });
    expect(chip.className).toContain('tl-chip-fragile');
    expect(within(rows()[0]).getByText('sanctions')).toBeTruthy();
    expect(screen.getByTestId('history-status').textContent).toContain('3 articles');
  });

  it('searches as you type and filters by stance', async () => {
    await seed();
    render(<PopupApp client={repoClient(db)} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'pipel' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'person 2' } });
    await waitFor(() =>
      expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Article number 2')]),
    );
    fireEvent.input(screen.getByTestId('history-search'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Stance'), { target: { value: 'fragile' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Subtopic'), { target: { value: 'sanctions' } });
    await waitFor(() =>
      expect(screen.getByTestId('history-status').textContent).toContain('No articles match'),
    );
  });

  it('pages a long history', async () => {
    await seed(30);
    render(<PopupApp client={repoClient(db)} />);
    await waitFor(() => expect(rows()).toHaveLength(25));
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows()[4].textContent).toContain('Article number 0');
  });

  it('deletes one article and announces it', async () => {
    await seed();
    render(<PopupApp client={repoClient(db)} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(rows()[0]).getByTestId('delete-article'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByTestId('history-status').textContent).toContain('Deleted “Article number 2”');
    expect(await db.articles.count()).toBe(2);
  });

  it('opens an expert from a chip, shows what they said and takes a correction', async () => {
    await seed();
    render(<PopupApp client={repoClient(db)} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(rows()[0]).getByRole('button', { name: /Vera Analyst/ }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Vera Analyst' })).toBeTruthy());
    expect(screen.getByText('3 articles', { exact: false })).toBeTruthy();
    expect(screen.getAllByText(/A fragile quote/).length).toBeGreaterThan(0);
    // Sentences appear as the article wrote them: no quotation marks added around them (a paraphrase
    // is not the expert's words; a quote keeps the article's own marks, not doubled).
    expect(document.querySelector('q')).toBeNull();
    for (const li of screen.getAllByTestId('said-sentence'))
      expect(li.textContent).not.toMatch(/^[“"]{2}|^“[^"]*"$/);
    const select = screen.getAllByRole('combobox', { name: /Your label for Vera Analyst/ })[0];
    fireEvent.change(select, { target: { value: 'neutral' } });
    await waitFor(async () =>
      expect((await db.corrections.toArray()).map((c) => c.label)).toEqual(['neutral']),
    );
    fireEvent.click(screen.getByRole('button', { name: '← All experts' }));
    await waitFor(() => expect(screen.getAllByTestId('expert-row').length).toBe(4));
  });

  it('shows the current page: counted, why, experts; pause on the site', async () => {
    db = freshDb();
    const page: CurrentPageInfo = {
      url: 'https://www.news.example/story',
      title: 'A story on the topic',
      related: true,
      counted: true,
      paused: false,
      analysis: {
        isArticle: true,
        article: null,
        topic: {
          related: true,
          score: 0.9,
          subtopics: ['partnership'],
          evidence: [{ term: 'Beijing', group: 'china', count: 4 }],
          version: '1',
        },
        experts: [
          {
            id: 'vera-analyst',
            name: 'Vera Analyst',
            surfaceForms: ['Vera Analyst'],
            role: 'senior fellow',
            organization: 'Invented Institute',
            statements: [],
            stance: { label: 'durable', confidence: 0.8, evidence: [], axis: 'alignment-durability' },
            mentions: 2,
          },
        ],
        people: [],
        timings: {},
      },
    };
    const client = repoClient(db, page);
    render(<PopupApp client={client} />);
    const section = await screen.findByTestId('current-page');
    await waitFor(() => expect(within(section).getAllByTestId('current-expert')).toHaveLength(1));
    expect(section.textContent).toContain('counted as read');
    // Why, in words: no group ids, wildcards or quotation marks around terms.
    expect(section.textContent).toContain('China: Beijing (4 times)');
    expect(section.textContent).not.toContain('(china)');
    expect(
      within(section).getByRole('button', { name: /Vera Analyst\s*, senior fellow, Invented Institute/ }),
    ).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Pause on www.news.example' }));
    await waitFor(() => expect(client.paused).toEqual(['www.news.example']));
    expect(
      within(section)
        .getByRole('button', { name: 'Resume on www.news.example' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it("shows the reader's correction of a label on this page, as the history does", async () => {
    db = freshDb();
    await saveArticle(
      db,
      article('story', { experts: [expert('Vera Analyst', 'durable', 'Invented Institute')] }),
      {
        now: Date.UTC(2026, 2, 1),
      },
    );
    const client = repoClient(db, {
      url: 'https://news.example/story',
      title: 'Moscow and Beijing: story',
      related: true,
      counted: true,
      paused: false,
      analysis: {
        isArticle: true,
        article: null,
        topic: { related: true, score: 0.9, subtopics: ['energy'], evidence: [], version: '1' },
        experts: [
          {
            id: 'vera-analyst',
            name: 'Vera Analyst',
            surfaceForms: ['Vera Analyst'],
            role: 'analyst',
            organization: 'Invented Institute',
            statements: [],
            stance: { label: 'durable', confidence: 0.8, evidence: [], axis: 'alignment-durability' },
            mentions: 1,
          },
        ],
        people: [],
        timings: {},
      },
    });
    await client.setStanceCorrection({
      articleKey: 'https://news.example/story',
      expertId: 'vera-analyst',
      label: 'fragile',
    });
    render(<PopupApp client={client} />);
    const section = await screen.findByTestId('current-page');
    await waitFor(() =>
      expect(
        within(section).getByRole('button', { name: /Vera Analyst.*stance: fragile.*your correction/ }),
      ).toBeTruthy(),
    );
    expect(section.textContent).toContain('It is about energy.');
  });

  it('moves between tabs with the arrow keys', async () => {
    db = freshDb();
    render(<PopupApp client={repoClient(db)} />);
    const history = screen.getByRole('tab', { name: 'History' });
    history.focus();
    fireEvent.keyDown(history, { key: 'ArrowRight' });
    expect(screen.getByTestId('experts-tab').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('experts-tab'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByTestId('data-tab').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('clear-history')).toBeTruthy());
  });
});

describe('Data tools', () => {
  it('exports, clears with confirmation, and imports the export back', async () => {
    await seed();
    const download = vi.fn();
    render(<PopupApp client={repoClient(db)} download={download} />);
    fireEvent.click(screen.getByTestId('data-tab'));
    fireEvent.click(await screen.findByTestId('export-json'));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const json = await (download.mock.calls[0][2] as Blob).text();
    expect(JSON.parse(json).articles).toHaveLength(3);

    fireEvent.click(screen.getByTestId('clear-history'));
    const confirm = await screen.findByTestId('confirm-clear');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);
    await waitFor(async () => expect(await db.articles.count()).toBe(0));

    const input = screen.getByTestId('import-file') as HTMLInputElement;
    const file = new File([json], 'history.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('data-status').textContent).toContain('3 added'));
    expect(await db.articles.count()).toBe(3);
  });

  it('rejects a foreign file with a clear message and changes nothing', async () => {
    await seed();
    render(<PopupApp client={repoClient(db)} />);
    fireEvent.click(screen.getByTestId('data-tab'));
    const input = (await screen.findByTestId('import-file')) as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['{"app":"someone-else"}'], 'x.json')],
      configurable: true,
    });
    fireEvent.change(input);
    await waitFor(() =>
      expect(screen.getByTestId('data-error').textContent).toContain('not a Triangle Lens export'),
    );
    expect(await db.articles.count()).toBe(3);
  });
});

describe('CurrentPage outside the web', () => {
  it('says so and offers no pause for an extension page', async () => {
    db = freshDb();
    const page: CurrentPageInfo = {
      url: 'chrome-extension://abc/popup.html',
      title: 'Triangle Lens',
      related: false,
      analysis: null,
      counted: false,
      paused: false,
    };
    render(<PopupApp client={repoClient(db, page)} />);
    await waitFor(() =>
      expect(screen.getByTestId('current-page').textContent).toContain('only looks at web pages'),
    );
    expect(within(screen.getByTestId('current-page')).queryByRole('button')).toBeNull();
  });
});

describe('CurrentPage on a page in another language', () => {
  it('says the page is on the topic and that experts are read in English only', async () => {
    db = freshDb();
    const page: CurrentPageInfo = {
      url: 'https://news.example/ru/article',
      title: 'Москва и Пекин',
      related: true,
      analysis: {
        isArticle: true,
        article: null,
        topic: { related: true, score: 0.8, subtopics: [], evidence: [], version: '1' },
        experts: [],
        people: [],
        timings: {},
        language: 'ru',
        expertsLanguageSupported: false,
      },
      counted: false,
      paused: false,
    };
    render(<PopupApp client={repoClient(db, page)} />);
    await waitFor(() =>
      expect(screen.getByTestId('no-experts').textContent).toBe(
        'Recognised as on the topic (Russian); experts and their stance are read in English only.',
      ),
    );
  });
});
