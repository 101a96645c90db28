/**
 * npm run --silent analyze -- [--url URL] [--all-experts] [--trace] FILE...
 *
 * Runs the extension's own pipeline on saved pages (.html: whole page; .txt: article text, extraction
 * skipped) and prints one JSON object per line, per file. A file that cannot be read or parsed yields a
 * line with "error"; the other files still go on; the exit code is 1 when any file failed.
 * --trace adds a "trace" field: for every person named, the stage that decided their kind and why
 * (`{name, kind, stage, reason, role, organization, statements}`), to answer "why is X not marked?".
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyzeHtml, analyzeText, type AnalyzeOptions } from '../utils/pipeline';
import type { Analysis } from '../utils/types';

const MAX_FILE_BYTES = 32 * 1024 * 1024;

interface Args {
  url?: string;
  expertsAlways: boolean;
  trace: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { expertsAlways: false, trace: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url') args.url = argv[++i];
    else if (a.startsWith('--url=')) args.url = a.slice(6);
    else if (a === '--all-experts') args.expertsAlways = true;
    else if (a === '--trace') args.trace = true;
    else if (a === '--') continue;
    else args.files.push(a);
  }
  return args;
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function toLine(file: string, a: Analysis): Record<string, unknown> {
  const art = a.article;
  return {
    file,
    isArticle: a.isArticle,
    title: art?.title ?? null,
    byline: art?.byline ?? null,
    siteName: art?.siteName ?? null,
    lang: art?.lang ?? null,
    language: a.language ?? null,
    expertsLanguageSupported: a.expertsLanguageSupported ?? null,
    publishedTime: art?.publishedTime ?? null,
    canonicalUrl: art?.canonicalUrl ?? null,
    wordCount: art?.wordCount ?? 0,
    topic: {
      related: a.topic.related,
      score: round(a.topic.score),
      subtopics: a.topic.subtopics,
      evidence: a.topic.evidence,
    },
    experts: a.experts.map((e) => ({
      name: e.name,
      role: e.role,
      organization: e.organization,
      stance: {
        label: e.stance.label,
        confidence: round(e.stance.confidence),
        evidence: e.stance.evidence.map((ev) => ({ sentence: ev.sentence, cues: ev.cues, leans: ev.leans })),
      },
      mentions: e.mentions,
      statements: e.statements.map((s) => s.text),
      ...(e.known
        ? {
            known: {
              id: e.known.id,
              organization: e.known.organization ?? null,
              role: e.known.role ?? null,
            },
          }
        : {}),
    })),
    people: a.people.map((p) => ({ name: p.name, kind: p.kind })),
    ...(a.trace ? { trace: a.trace } : {}),
    timings: Object.fromEntries(Object.entries(a.timings).map(([k, v]) => [k, round(v)])),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function analyzeFile(file: string, opts: AnalyzeOptions): Record<string, unknown> {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) throw new Error(`file too large (${size} bytes; limit ${MAX_FILE_BYTES})`);
  const content = readFileSync(file, 'utf8');
  const ext = extname(file).toLowerCase();
  const analysis = ext === '.txt' ? analyzeText(content, opts) : analyzeHtml(content, parse, opts);
  return toLine(file, analysis);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.files.length === 0) {
    process.stderr.write(
      'usage: npm run --silent analyze -- [--url URL] [--all-experts] [--trace] FILE...\n',
    );
    process.exitCode = 2;
    return;
  }
  let failed = 0;
  for (const file of args.files) {
    let line: Record<string, unknown>;
    try {
      line = analyzeFile(file, { url: args.url, expertsAlways: args.expertsAlways, trace: args.trace });
    } catch (err) {
      failed++;
      line = { file, error: err instanceof Error ? err.message : String(err) };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  if (failed) {
    process.stderr.write(
      `analyze: ${failed} of ${args.files.length} file(s) failed (${basename(args.files[0])}…)\n`,
    );
    process.exitCode = 1;
  }
}

main();
