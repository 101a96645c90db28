/** Conversions between stored records and what leaves the database (exports, popup rows). */
import type { ArticleData, ArticleRow } from '../messages/history';
import { deriveArticleIndexes, effectiveLabel } from './derive';
import type { ArticleRecord } from './schema';

/** Strip derived index fields and bookkeeping: what the outside world sees of an article. */
export function toArticleData(r: ArticleRecord): ArticleData {
  return {
    key: r.key,
    url: r.url,
    title: r.title,
    site: r.site,
    ...(r.claimedSite ? { claimedSite: r.claimedSite } : {}),
    byline: r.byline,
    publishedTime: r.publishedTime,
    lang: r.lang,
    firstReadAt: r.firstReadAt,
    lastReadAt: r.lastReadAt,
    readCount: r.readCount,
    timeSpentMs: r.timeSpentMs,
    wordCount: r.wordCount,
    topic: r.topic,
    experts: r.experts,
  };
}

export function toRecord(a: ArticleData, lastVisit?: ArticleRecord['lastVisit']): ArticleRecord {
  return { ...a, ...deriveArticleIndexes(a), ...(lastVisit ? { lastVisit } : {}) };
}

export function toRow(r: ArticleRecord): ArticleRow {
  return {
    key: r.key,
    url: r.url,
    title: r.title,
    site: r.site,
    ...(r.claimedSite ? { claimedSite: r.claimedSite } : {}),
    firstReadAt: r.firstReadAt,
    lastReadAt: r.lastReadAt,
    readCount: r.readCount,
    publishedTime: r.publishedTime,
    subtopics: r.topic.subtopics,
    experts: r.experts.map((e) => ({
      id: e.id,
      name: e.name,
      label: effectiveLabel(e),
      corrected: !!e.correction,
    })),
  };
}
