/**
 * The seed articles the unit tests read: the in-repo one (tests/fixtures/seed, always there) and the
 * original in `../shared/fixtures` (only when that folder sits beside the checkout). Both have the
 * same shape: four experts, a byline, two commenters, a name split by <strong>, a name inside a link,
 * later mentions by surname.
 */
import { readFileSync } from 'node:fs';
import { hasShared, seedPath, sharedPath, sharedSuite } from './paths';

export interface SeedGold {
  related: boolean;
  subtopics: string[];
  experts: { name: string; role: string; organization: string | null; stance: string }[];
  not_experts: string[];
}

export interface SeedCase {
  /** Suite title (says when it is skipped). */
  suite: string;
  /** False when the files are absent (the shared seed on a fresh clone). */
  present: boolean;
  htmlFile: string;
  txtFile: string;
  gold: () => SeedGold;
  url: string;
  title: string;
  byline: string;
  siteName: string;
  canonicalUrl: string;
  /** A commenter's name, which must not reach the extracted text. */
  commenter: string;
  /** The expert split by <strong> on first mention, later named by surname alone. */
  split: { id: string; name: string; first: string; surname: string; mentions: number };
  /** The expert whose name is inside a link. */
  linked: { id: string; name: string; organization: string };
  /** A sentence of the page (across no markup) and one that crosses the <strong> split. */
  sentence: string;
  splitSentence: string;
  /** Mark targets (id + surface forms) for every expert, plus the byline and a commenter. */
  targets: { id: string; surfaceForms: string[] }[];
  /** How many marks each expert gets. */
  markCounts: Record<string, number>;
}

const json = (file: string) => () => JSON.parse(readFileSync(file, 'utf8')) as SeedGold;

export const ownSeed: SeedCase = {
  suite: 'in-repo seed article (tests/fixtures/seed)',
  present: true,
  htmlFile: seedPath('thaw-article.html'),
  txtFile: seedPath('thaw-article.txt'),
  gold: json(seedPath('thaw-article.gold.json')),
  url: 'https://steppe-ledger.example/2025/04/x?utm_source=feed',
  title: 'Would a thaw with Washington cool Moscow’s embrace of Beijing?',
  byline: 'Marguerite Olander',
  siteName: 'The Steppe Ledger',
  canonicalUrl: 'https://steppe-ledger.example/2025/04/thaw-with-washington-moscow-beijing',
  commenter: 'Gustav Lindqvist',
  split: { id: 'tobias-renwick', name: 'Tobias Renwick', first: 'Tobias', surname: 'Renwick', mentions: 2 },
  linked: {
    id: 'oleg-marchetti',
    name: 'Oleg Marchetti',
    organization: 'Danube Institute for Eurasian Security',
  },
  sentence: 'Vasko also notes that China’s economic footprint in Russia remains modest',
  splitSentence: 'Tobias Renwick, a specialist in Western commodity trade with Russia',
  targets: [
    { id: 'tobias-renwick', surfaceForms: ['Tobias Renwick', 'Renwick'] },
    { id: 'irena-vasko', surfaceForms: ['Irena Vasko', 'Vasko'] },
    { id: 'oleg-marchetti', surfaceForms: ['Oleg Marchetti', 'Marchetti'] },
    { id: 'helen-achterberg', surfaceForms: ['Helen Achterberg', 'Achterberg'] },
    { id: 'marguerite-olander', surfaceForms: ['Marguerite Olander'] },
    { id: 'gustav-lindqvist', surfaceForms: ['Gustav Lindqvist'] },
  ],
  markCounts: { 'tobias-renwick': 2, 'irena-vasko': 2, 'oleg-marchetti': 1, 'helen-achterberg': 1 },
};

export const sharedSeed: SeedCase = {
  suite: sharedSuite('original seed article (../shared/fixtures)'),
  present: hasShared,
  htmlFile: hasShared ? sharedPath('fixtures', 'seed-article.html') : '',
  txtFile: hasShared ? sharedPath('fixtures', 'seed-article.txt') : '',
  gold: () => json(sharedPath('fixtures', 'seed-article.gold.json'))(),
  url: 'https://eurasia-desk.example/2025/03/x?utm_source=feed',
  title: 'Can the US pry Russia away from China?',
  byline: 'Dana Whitfield',
  siteName: 'The Eurasia Desk',
  canonicalUrl: 'https://eurasia-desk.example/2025/03/can-the-us-pry-russia-away-from-china',
  commenter: 'Martin Kowalski',
  split: { id: 'charles-hecker', name: 'Charles Hecker', first: 'Charles', surname: 'Hecker', mentions: 2 },
  linked: {
    id: 'alexander-gabuev',
    name: 'Alexander Gabuev',
    organization: 'Carnegie Russia Eurasia Center',
  },
  sentence: 'Gatov also notes that China’s economic presence in Russia is still relatively small',
  splitSentence: 'Charles Hecker, an expert on Western-Russian economic ties',
  targets: [
    { id: 'charles-hecker', surfaceForms: ['Charles Hecker', 'Hecker'] },
    { id: 'vasily-gatov', surfaceForms: ['Vasily Gatov', 'Gatov'] },
    { id: 'alexander-gabuev', surfaceForms: ['Alexander Gabuev', 'Gabuev'] },
    { id: 'ali-wyne', surfaceForms: ['Ali Wyne', 'Wyne'] },
    { id: 'dana-whitfield', surfaceForms: ['Dana Whitfield'] },
    { id: 'martin-kowalski', surfaceForms: ['Martin Kowalski'] },
  ],
  markCounts: { 'charles-hecker': 2, 'vasily-gatov': 2, 'alexander-gabuev': 1, 'ali-wyne': 1 },
};

export const seeds: SeedCase[] = [ownSeed, sharedSeed];

/** The seed's HTML and text (call only when `present`). */
export function loadSeedFiles(seed: SeedCase): { html: string; text: string } {
  return { html: readFileSync(seed.htmlFile, 'utf8'), text: readFileSync(seed.txtFile, 'utf8') };
}
