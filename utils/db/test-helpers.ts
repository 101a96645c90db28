/** Builders shared by the history tests (invented outlets and people). */
import type { ArticleInput, ExpertInput } from '../messages/history';
import type { StanceLabel } from '../types';
import { createHistoryDb, type HistoryDb } from './schema';

let n = 0;
export function freshDb(): HistoryDb {
  return createHistoryDb({ name: `triangle-lens-test-${Date.now()}-${n++}` });
}

export function expert(
  name: string,
  label: StanceLabel = 'neutral',
  organization: string | null = null,
): ExpertInput {
  return {
    id: name.toLowerCase().replace(/\s+/g, '-'),
    name,
    role: 'analyst',
    organization,
    stance: {
      label,
      confidence: 0.7,
      evidence: [{ sentence: `${name} said something ${label}.`, cues: [label], leans: label, weight: 1 }],
    },
    statements: [{ text: `"A ${label} quote," said ${name}.`, kind: 'quote' }],
  };
}

export function article(path: string, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: `https://news.example/${path}`,
    title: `Moscow and Beijing: ${path}`,
    site: 'The Example Courier',
    byline: 'Jo Reporter',
    publishedTime: '2026-03-01T10:00:00Z',
    lang: 'en',
    wordCount: 900,
    timeSpentMs: 30_000,
    topic: {
      score: 0.8,
      subtopics: ['partnership'],
      evidence: [{ term: 'Beijing', group: 'china', count: 3 }],
    },
    experts: [expert('Vera Analyst', 'durable', 'Invented Institute')],
    ...overrides,
  };
}

/**
 * Reopens `db` with every write to `tables` (all tables when omitted) failing as on a full disk;
 * returns a function that reopens it with writes working again.
 */
export async function fillDisk(db: HistoryDb, tables?: string[]): Promise<() => Promise<void>> {
  const name = 'full-disk';
  db.close();
  db.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (table) => {
        const t = down.table(table);
        if (tables && !tables.includes(table)) return t;
        return {
          ...t,
          mutate: () => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' })),
        };
      },
    }),
  });
  await db.open();
  return async () => {
    db.close();
    db.unuse({ stack: 'dbcore', name });
    await db.open();
  };
}
