/**
 * The known-experts data file (`utils/data/known-experts.json`): people often quoted on the
 * US–Russia–China triangle, the spellings news uses for them, and their role and organisation,
 * each fact with the URL it comes from and the date it was true.
 *
 * The article's own words always come first; these facts only fill gaps and are shown as such.
 * Lookups are case-, diacritic-, hyphen- and title-insensitive and O(1) after a lazy one-time index.
 */
import * as v from 'valibot';
import type { KnownExpert, KnownFact } from './types';
import rawData from './data/known-experts.json';
import { foldName } from './names';

/** ISO date or year: "2024", "2024-07" or "2024-07-10". */
const AS_OF = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export const knownFactSchema = v.strictObject({
  value: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(200)),
  asOf: v.pipe(v.string(), v.regex(AS_OF, 'asOf must be an ISO date or year')),
  source: v.pipe(v.string(), v.url(), v.startsWith('https://', 'source must be an https URL')),
});

export const knownExpertRecordSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be folded: lowercase ascii and hyphens'),
  ),
  name: v.pipe(v.string(), v.minLength(3), v.maxLength(80)),
  /** Other spellings and transliterations news uses (full names only; the surname is separate). */
  aliases: v.array(v.pipe(v.string(), v.minLength(3), v.maxLength(80))),
  surname: v.pipe(v.string(), v.minLength(2), v.maxLength(40)),
  /** Other spellings of the surname alone that news uses ("Gabuyev"). */
  surnameAliases: v.optional(v.array(v.pipe(v.string(), v.minLength(2), v.maxLength(40)))),
  /** "eastern" when the family name comes first (Feng Yujun), "western" otherwise (Yun Sun). */
  nameOrder: v.picklist(['western', 'eastern']),
  role: knownFactSchema,
  organization: knownFactSchema,
  /** Country of the organisation (ISO 3166-1 alpha-2). */
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  topics: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)))),
});

export const knownExpertsFileSchema = v.strictObject({
  $comment: v.optional(v.string()),
  version: v.pipe(v.string(), v.regex(AS_OF)),
  experts: v.array(knownExpertRecordSchema),
});

export type KnownExpertRecord = v.InferOutput<typeof knownExpertRecordSchema>;
export type KnownExpertsFile = v.InferOutput<typeof knownExpertsFileSchema>;

/** Titles and honorifics that may precede a name in news text. */
const LEADING_TITLES = /^(?:(?:dr|prof|professor|mr|mrs|ms|sir|amb|ambassador|gen|general)\.?\s+)+/i;

/** Folds a name as written in an article: drops a leading title and a trailing possessive. */
export function foldMention(text: string): string {
  const trimmed = text
    .trim()
    .replace(LEADING_TITLES, '')
    .replace(/['’]s?$/u, '');
  return foldName(trimmed);
}

function toFact(fact: { value: string; source: string; asOf: string }): KnownFact {
  return { value: fact.value, source: fact.source, asOf: fact.asOf };
}

/** Maps a record of the data file onto the shared `KnownExpert` shape. */
export function toKnownExpert(record: KnownExpertRecord): KnownExpert {
  return {
    id: record.id,
    name: record.name,
    aliases: [...record.aliases],
    role: toFact(record.role),
    organization: toFact(record.organization),
  };
}

interface Index {
  records: KnownExpertRecord[];
  experts: KnownExpert[];
  byName: Map<string, KnownExpert>;
  bySurname: Map<string, KnownExpert[]>;
  recordById: Map<string, KnownExpertRecord>;
}

let index: Index | null = null;

/**
 * Entries that pass the schema. The file is validated in its test; at run time a broken entry is
 * skipped rather than thrown, so a data mistake can never break a page.
 */
function validRecords(data: unknown): KnownExpertRecord[] {
  const file = (data as { experts?: unknown }).experts;
  if (!Array.isArray(file)) return [];
  const out: KnownExpertRecord[] = [];
  for (const entry of file) {
    const parsed = v.safeParse(knownExpertRecordSchema, entry);
    if (parsed.success) out.push(parsed.output);
  }
  return out;
}

/** Builds the lookup index for a list of records (exported for tests). */
export function buildIndex(records: KnownExpertRecord[]): Index {
  const byName = new Map<string, KnownExpert>();
  const bySurname = new Map<string, KnownExpert[]>();
  const recordById = new Map<string, KnownExpertRecord>();
  const experts: KnownExpert[] = [];
  for (const record of records) {
    const expert = toKnownExpert(record);
    experts.push(expert);
    recordById.set(record.id, record);
    for (const form of [record.name, ...record.aliases]) {
      const key = foldName(form);
      // First entry wins; the test guarantees forms are unique across entries.
      if (key && !byName.has(key)) byName.set(key, expert);
    }
    const surnameKeys = new Set([record.surname, ...(record.surnameAliases ?? [])].map(foldName));
    for (const key of surnameKeys) {
      const list = bySurname.get(key);
      if (list) list.push(expert);
      else bySurname.set(key, [expert]);
    }
  }
  return { records, experts, byName, bySurname, recordById };
}

function getIndex(): Index {
  if (!index) index = buildIndex(validRecords(rawData));
  return index;
}

/** Every known expert, in file order. */
export function allKnownExperts(): readonly KnownExpert[] {
  return getIndex().experts;
}

/** The full data-file records (with surname, name order, country, topics). */
export function allKnownExpertRecords(): readonly KnownExpertRecord[] {
  return getIndex().records;
}

/**
 * Finds a known expert by full name or alias, ignoring case, diacritics, hyphens vs spaces, a
 * leading title ("Dr.", "Prof.") and a trailing possessive. "Alexander Gabuyev" → Gabuev's entry.
 */
export function findKnownExpert(name: string): KnownExpert | undefined {
  if (typeof name !== 'string' || name.length > 200) return undefined;
  const { byName } = getIndex();
  return byName.get(foldName(name)) ?? byName.get(foldMention(name));
}

/** The richer data-file record for a known expert id (surname, name order, country, topics). */
export function knownExpertRecord(id: string): KnownExpertRecord | undefined {
  return getIndex().recordById.get(id);
}

/** All known experts with this surname (case- and diacritic-insensitive); empty when none. */
export function knownExpertsBySurname(surname: string): KnownExpert[] {
  if (typeof surname !== 'string' || surname.length > 100) return [];
  return [...(getIndex().bySurname.get(foldMention(surname)) ?? [])];
}
