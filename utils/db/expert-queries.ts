/** Reading the experts table: everyone met, one person in detail, and who the hover card has seen. */
import { canonicalizeUrl } from '../canonical-url';
import type { ArticleData, ExpertDetail, ExpertQuery, ExpertRow, ExpertsSeen } from '../messages/history';
import { effectiveLabel, foldExpertId, searchTerms } from './derive';
import type { ExpertRecord, HistoryDb } from './schema';

export const DEFAULT_EXPERTS_PAGE = 25;

function intersect(sets: string[][]): Set<string> {
  const sorted = sets.map((s) => new Set(s)).sort((x, y) => x.size - y.size);
  const [first, ...rest] = sorted;
  const out = new Set<string>();
  for (const k of first) if (rest.every((s) => s.has(k))) out.add(k);
  return out;
}

function toExpertRow(r: ExpertRecord): ExpertRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    organization: r.organization,
    articleCount: r.articleCount,
    stanceCounts: r.stanceCounts,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
  };
}

export async function listExperts(
  db: HistoryDb,
  q: ExpertQuery = {},
): Promise<{ rows: ExpertRow[]; total: number }> {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_EXPERTS_PAGE;
  const sort = q.sort ?? 'recent';
  const terms = searchTerms(q.text);
  const compare = (x: ExpertRecord, y: ExpertRecord) =>
    sort === 'name'
      ? x.name.localeCompare(y.name)
      : sort === 'articles'
        ? y.articleCount - x.articleCount || y.lastSeenAt - x.lastSeenAt
        : y.lastSeenAt - x.lastSeenAt;
  if (terms.length) {
    const keys = intersect(
      await Promise.all(terms.map((t) => db.experts.where('terms').startsWith(t).primaryKeys())),
    );
    const recs = (await db.experts.bulkGet([...keys])).filter((r): r is ExpertRecord => !!r).sort(compare);
    return { rows: recs.slice(offset, offset + limit).map(toExpertRow), total: recs.length };
  }
  const coll =
    sort === 'name'
      ? db.experts.orderBy('name')
      : sort === 'articles'
        ? db.experts.orderBy('articleCount').reverse()
        : db.experts.orderBy('lastSeenAt').reverse();
  const [total, recs] = await Promise.all([db.experts.count(), coll.offset(offset).limit(limit).toArray()]);
  return { rows: recs.map(toExpertRow), total };
}

function timeOf(a: ArticleData): number {
  const t = a.publishedTime ? Date.parse(a.publishedTime) : NaN;
  return Number.isFinite(t) ? t : a.lastReadAt;
}

export async function getExpert(db: HistoryDb, rawId: string): Promise<ExpertDetail | null> {
  const id = foldExpertId(rawId);
  const [rec, arts] = await Promise.all([
    db.experts.get(id),
    db.articles.where('expertIds').equals(id).toArray(),
  ]);
  if (!rec) return null;
  const articles = arts
    .map((a) => {
      const e = a.experts.find((x) => x.id === id)!;
      return {
        key: a.key,
        url: a.url,
        title: a.title,
        site: a.site,
        readAt: a.lastReadAt,
        publishedTime: a.publishedTime,
        role: e.role,
        organization: e.organization,
        label: effectiveLabel(e),
        detectedLabel: e.stance.label,
        confidence: e.stance.confidence,
        corrected: !!e.correction,
        evidence: e.stance.evidence.map((ev) => ev.sentence),
        statements: e.statements.map((s) => s.text),
        at: timeOf(a),
      };
    })
    .sort((x, y) => y.readAt - x.readAt);
  const timeline = [...articles]
    .sort((x, y) => x.at - y.at)
    .map((a) => ({ at: a.at, label: a.label, key: a.key }));
  return {
    expert: { ...toExpertRow(rec), names: rec.names },
    articles: articles.map(({ at: _at, ...rest }) => rest),
    timeline,
  };
}

/** For the hover card: how many other articles quoted each expert, and the newest of them. */
export async function expertsSeen(db: HistoryDb, ids: string[], excludeUrl?: string): Promise<ExpertsSeen> {
  const folded = ids.map(foldExpertId);
  const excludeKey = excludeUrl ? canonicalizeUrl(excludeUrl) : undefined;
  const [recs, excluded] = await Promise.all([
    db.experts.bulkGet(folded),
    excludeKey ? db.articles.get(excludeKey) : Promise.resolve(undefined),
  ]);
  const inExcluded = new Set(excluded?.expertIds ?? []);
  const out: ExpertsSeen = {};
  ids.forEach((raw, i) => {
    const rec = recs[i];
    if (!rec) {
      out[raw] = { count: 0, latest: null };
      return;
    }
    const count = rec.articleCount - (inExcluded.has(rec.id) ? 1 : 0);
    const latest = rec.recent.find((r) => r.key !== excludeKey);
    out[raw] = {
      count,
      latest: count > 0 && latest ? { title: latest.title, url: latest.url, readAt: latest.readAt } : null,
    };
  });
  return out;
}
