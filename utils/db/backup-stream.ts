/**
 * The extension page's side of backups: an export arrives in pieces and becomes a Blob; an import
 * file is read piece by piece, checked completely first (nothing is sent while any part of it is
 * wrong), then sent in batches. No file is ever one string, and no message carries more than a few
 * million characters. The page reaches the background only through a `BackupTransport` (messages in
 * the extension, the database directly in tests).
 */
import type {
  ExportBegun,
  ExportFormat,
  ExportPiece,
  ImportProgress,
  ImportResult,
  ImportStep,
} from '../messages/history';
import { CSV_COLUMNS, CSV_COLUMNS_V1, CsvError, CsvRowReader, readBackupCell } from './csv';
import { EnvelopeError, EnvelopeSplitter, type EnvelopePart } from './envelope-splitter';
import {
  EXPORT_APP,
  IMPORT_BATCH_ARTICLES,
  IMPORT_BATCH_CHARS,
  MAX_IMPORT_ARTICLES,
  MAX_IMPORT_CORRECTIONS,
  MAX_ITEM_CHARS,
  NOT_JSON,
  NOT_OURS,
  NOT_OURS_CSV,
  checkMember,
  parseArticleBatch,
  parseCorrectionBatch,
} from './import-export';

/** What the extension page needs from the background to export and import. */
export interface BackupTransport {
  exportBegin(format: ExportFormat): Promise<ExportBegun>;
  exportNext(jobId: string): Promise<ExportPiece>;
  importBegin(): Promise<{ jobId: string }>;
  importCorrections(jobId: string, json: string, offset: number): Promise<ImportStep>;
  importArticles(jobId: string, json: string, offset: number): Promise<ImportStep>;
  importEnd(jobId: string, commit: boolean): Promise<ImportResult>;
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
  mime: string;
  articles: number;
}

/** Ask for the export piece by piece and join the pieces into one Blob (the browser keeps big ones on disk). */
export async function exportBackup(
  t: BackupTransport,
  format: ExportFormat,
  onProgress: (written: number, total: number) => void = () => {},
): Promise<ExportedFile> {
  const begun = await t.exportBegin(format);
  const parts: Blob[] = [];
  for (;;) {
    const piece = await t.exportNext(begun.jobId);
    if (piece.text) parts.push(new Blob([piece.text]));
    onProgress(piece.written, piece.total);
    if (piece.done) break;
  }
  return {
    blob: new Blob(parts, { type: begun.mime }),
    filename: begun.filename,
    mime: begun.mime,
    articles: begun.articles,
  };
}

/** The text of a file (or a string), a few million characters at a time. */
export async function* textPieces(source: Blob | string, pieceSize = 4 << 20): AsyncGenerator<string> {
  if (typeof source === 'string') {
    for (let i = 0; i < source.length; i += pieceSize) yield source.slice(i, i + pieceSize);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < source.size; at += pieceSize) {
    yield decoder.decode(await source.slice(at, at + pieceSize).arrayBuffer(), { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

class Refused extends Error {}

/** Groups a list's elements into JSON arrays of a bounded size. */
class Batches {
  private items: string[] = [];
  private chars = 0;
  private first = 0;
  constructor(private readonly flush: (json: string, offset: number, count: number) => Promise<void>) {}

  async add(index: number, json: string): Promise<void> {
    if (this.items.length && this.chars + json.length + 2 > IMPORT_BATCH_CHARS) await this.end();
    if (!this.items.length) this.first = index;
    this.items.push(json);
    this.chars += json.length + 1;
    if (this.items.length >= IMPORT_BATCH_ARTICLES) await this.end();
  }

  async end(): Promise<void> {
    if (!this.items.length) return;
    const json = `[${this.items.join(',')}]`;
    const [offset, count] = [this.first, this.items.length];
    this.items = [];
    this.chars = 0;
    await this.flush(json, offset, count);
  }
}

/** Not JSON (which starts with `{` or `[`), and a first line with cells in it: read as CSV. */
function looksLikeCsv(firstPiece: string): boolean {
  const head = firstPiece.slice(0, 2000).replace(/^\uFEFF?\s*/, '');
  return !/^[[{]/.test(head) && /^[^\r\n]*[",]/.test(head);
}

/**
 * A CSV export read as if it were a JSON one: the header must be this extension's (with the `backup`
 * column), then each row's `backup` cell becomes one article's JSON.
 */
function csvParts(onPart: (part: EnvelopePart) => void): CsvRowReader {
  let rows = 0;
  let articles = 0;
  let corrections = 0;
  return new CsvRowReader((cells) => {
    const index = rows++ - 1;
    if (index < 0) {
      const header = cells.join(',').replace(/^\uFEFF/, '');
      if (header === CSV_COLUMNS.join(',')) {
        onPart({ type: 'member', key: 'app', json: JSON.stringify(EXPORT_APP) });
        return;
      }
      if (header === CSV_COLUMNS_V1.join(','))
        throw new Refused(
          'This CSV was exported by an earlier version, without the backup column, so it cannot be imported: import a JSON export instead. Nothing was changed.',
        );
      throw new Refused(NOT_OURS_CSV);
    }
    if (cells.length === 1 && cells[0] === '') return; // a blank line
    if (cells.length !== CSV_COLUMNS.length)
      throw new Refused(
        `The file was refused, nothing was changed: row ${index + 2} has ${cells.length} cells, not ${CSV_COLUMNS.length}.`,
      );
    const backup = readBackupCell(cells[cells.length - 1]);
    if (backup === null)
      throw new Refused(
        `The file was refused, nothing was changed: row ${index + 2}: its backup cell is damaged (was it edited?).`,
      );
    if (backup.kind === 'article')
      onPart({ type: 'item', key: 'articles', index: articles++, json: backup.json });
    else onPart({ type: 'item', key: 'corrections', index: corrections++, json: backup.json });
  }, MAX_ITEM_CHARS * 2);
}

/** Read the whole file (a JSON or a CSV export), handing each part to `onPart` in order. */
async function scan(source: Blob | string, onPart: (part: EnvelopePart) => Promise<void>): Promise<void> {
  const parts: EnvelopePart[] = [];
  let reader: { push(text: string): void; end(): void } | null = null;
  try {
    for await (const text of textPieces(source)) {
      reader ??= looksLikeCsv(text)
        ? csvParts((p) => parts.push(p))
        : new EnvelopeSplitter((p) => parts.push(p), {
            arrays: ['articles', 'corrections'],
            skip: ['experts'],
            maxPartChars: MAX_ITEM_CHARS,
          });
      reader.push(text);
      for (const p of parts.splice(0)) await onPart(p);
    }
    reader?.end();
    for (const p of parts.splice(0)) await onPart(p);
    if (!reader) throw new Refused(`${NOT_JSON}: the file is empty.`);
  } catch (e) {
    if (e instanceof CsvError)
      throw new Refused(`The file was refused, nothing was changed: not a readable CSV (${e.message}).`);
    if (!(e instanceof EnvelopeError)) throw e;
    if (e.kind === 'not-object') throw new Refused(NOT_OURS);
    if (e.kind === 'size') throw new Refused(`The file was refused, nothing was changed: ${e.message}.`);
    throw new Refused(`${NOT_JSON}: ${e.message}.`);
  }
}

interface Checked {
  articles: number;
  /** The corrections, as validated batches (sent before the articles). */
  corrections: { json: string; offset: number }[];
}

/** Pass 1: check every part of the file; nothing is sent. */
async function checkFile(source: Blob | string, onProgress: (p: ImportProgress) => void): Promise<Checked> {
  let app = false;
  let articles = 0;
  let corrections = 0;
  let itemError: string | null = null;
  const kept: Checked['corrections'] = [];
  const fail = (message: string) => {
    // Until the "app" member was seen, the file might be someone else's: say that first.
    if (app) throw new Refused(message);
    itemError ??= message;
  };
  const articleBatches = new Batches(async (json, offset, count) => {
    if (itemError) return;
    const r = parseArticleBatch(json, offset);
    if (!r.ok) fail(r.message);
    articles += count;
    onProgress({ phase: 'validating', done: articles, total: 0 });
  });
  const correctionBatches = new Batches(async (json, offset) => {
    if (itemError) return;
    const r = parseCorrectionBatch(json, offset);
    if (!r.ok) fail(r.message);
    else kept.push({ json, offset });
  });
  await scan(source, async (part) => {
    if (part.type === 'member') {
      if (part.key === 'articles' || part.key === 'corrections')
        throw new Refused(`The file was refused, nothing was changed: ${part.key}: not a list`);
      const r = checkMember(part.key, part.json);
      if (!r.ok) throw new Refused(r.message);
      if (part.key === 'app') app = true;
      if (itemError) throw new Refused(itemError);
      return;
    }
    if (part.key === 'articles') {
      if (part.index >= MAX_IMPORT_ARTICLES)
        throw new Refused(
          `The file was refused, nothing was changed: more than ${MAX_IMPORT_ARTICLES} articles.`,
        );
      await articleBatches.add(part.index, part.json);
    } else {
      if (++corrections > MAX_IMPORT_CORRECTIONS)
        throw new Refused('The file was refused, nothing was changed: too many corrections.');
      await correctionBatches.add(part.index, part.json);
    }
  });
  await articleBatches.end();
  await correctionBatches.end();
  if (!app) throw new Refused(NOT_OURS);
  if (itemError) throw new Refused(itemError);
  return { articles, corrections: kept };
}

/**
 * Import a file: check all of it, then send it in batches; any failure undoes what was written, so
 * the history is either the merge of the whole file or unchanged.
 */
export async function importBackup(
  t: BackupTransport,
  source: Blob | string,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  let checked: Checked;
  try {
    checked = await checkFile(source, onProgress);
  } catch (e) {
    if (e instanceof Refused) return { ok: false, message: e.message };
    throw e;
  }
  const total = checked.articles;
  onProgress({ phase: 'writing', done: 0, total });
  const { jobId } = await t.importBegin();
  const must = (step: ImportStep) => {
    if (!step.ok) throw new Refused(step.message);
  };
  try {
    for (const c of checked.corrections) must(await t.importCorrections(jobId, c.json, c.offset));
    let done = 0;
    const batches = new Batches(async (json, offset, count) => {
      must(await t.importArticles(jobId, json, offset));
      done += count;
      onProgress({ phase: 'writing', done, total });
    });
    await scan(source, async (part) => {
      if (part.type === 'item' && part.key === 'articles') await batches.add(part.index, part.json);
    });
    await batches.end();
  } catch (e) {
    const undone = await t.importEnd(jobId, false).catch(() => null);
    const why = e instanceof Refused ? e.message : `The import failed: ${String((e as Error)?.message ?? e)}`;
    return {
      ok: false,
      message: undone
        ? why
        : `${why} (Undoing it failed too: reload the extension and import the file again.)`,
    };
  }
  const result = await t.importEnd(jobId, true);
  onProgress({ phase: 'done', done: total, total });
  return result;
}
