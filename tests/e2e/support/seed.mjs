/**
 * What the end-to-end tests expect on the seed pages. `SEED` is the in-repo article
 * (tests/fixtures/seed/thaw-article.html, served as /seed-article.html: always there); `SHARED_SEED`
 * is the original seed in ../shared (served as /shared-seed-article.html), tested in addition only
 * when that folder sits beside the checkout (`SHARED_SEED.present`).
 */
import { hasShared } from '../server.mjs';

/** @typedef {{ id: string, name: string, organization: string | null, marks: string, focusable: number }} SeedExpert
 * `focusable`: marks that are Tab stops of their own (none inside a link: the link is the stop). */

export const SEED = {
  present: true,
  path: '/seed-article.html',
  title: 'Would a thaw with Washington cool Moscow’s embrace of Beijing?',
  /** Every expert, sorted by id; `marks` is the text of their marks in document order. */
  experts: /** @type {SeedExpert[]} */ ([
    {
      id: 'helen-achterberg',
      name: 'Helen Achterberg',
      organization: 'Global Mediation Council',
      marks: 'Helen Achterberg',
      focusable: 1,
    },
    {
      id: 'irena-vasko',
      name: 'Irena Vasko',
      organization: 'Sentiment Atlas',
      marks: 'Irena Vasko Vasko',
      focusable: 2,
    },
    {
      id: 'oleg-marchetti',
      name: 'Oleg Marchetti',
      organization: 'Danube Institute for Eurasian Security',
      marks: 'Oleg Marchetti',
      focusable: 0,
    },
    {
      id: 'tobias-renwick',
      name: 'Tobias Renwick',
      organization: null,
      marks: 'Tobias Renwick Renwick',
      focusable: 2,
    },
  ]),
  /** The expert split as <strong>First</strong> Surname on first mention (the first mark Tab reaches). */
  split: { id: 'tobias-renwick', name: 'Tobias Renwick', first: 'Tobias' },
  /** The expert whose name is a link. */
  linked: {
    id: 'oleg-marchetti',
    name: 'Oleg Marchetti',
    organization: 'Danube Institute for Eurasian Security',
    href: 'https://example.org/experts/oleg-marchetti',
  },
  /** A second expert with an organisation (for a second hover). */
  other: { id: 'helen-achterberg', name: 'Helen Achterberg', organization: 'Global Mediation Council' },
  /** Names that must never be marked: leaders, the byline, commenters. */
  notExperts: [
    'Trump',
    'Putin',
    'Xi Jinping',
    'Biden',
    'Marguerite Olander',
    'Olander',
    'Gustav Lindqvist',
    'Amara Okafor',
  ],
  /** A word that finds the article in the popup's search. */
  searchWord: 'Marchetti',
};

export const SHARED_SEED = {
  present: hasShared,
  path: '/shared-seed-article.html',
  title: 'Can the US pry Russia away from China?',
  experts: /** @type {SeedExpert[]} */ ([
    {
      id: 'alexander-gabuev',
      name: 'Alexander Gabuev',
      organization: 'Carnegie Russia Eurasia Center',
      marks: 'Alexander Gabuev',
      focusable: 0,
    },
    {
      id: 'ali-wyne',
      name: 'Ali Wyne',
      organization: 'International Crisis Group',
      marks: 'Ali Wyne',
      focusable: 1,
    },
    {
      id: 'charles-hecker',
      name: 'Charles Hecker',
      organization: null,
      marks: 'Charles Hecker Hecker',
      focusable: 2,
    },
    {
      id: 'vasily-gatov',
      name: 'Vasily Gatov',
      organization: 'FilterLabs',
      marks: 'Vasily Gatov Gatov',
      focusable: 2,
    },
  ]),
  split: { id: 'charles-hecker', name: 'Charles Hecker', first: 'Charles' },
  linked: {
    id: 'alexander-gabuev',
    name: 'Alexander Gabuev',
    organization: 'Carnegie Russia Eurasia Center',
    href: 'https://example.org/experts/alexander-gabuev',
  },
  other: { id: 'ali-wyne', name: 'Ali Wyne', organization: 'International Crisis Group' },
  notExperts: [
    'Trump',
    'Putin',
    'Xi Jinping',
    'Biden',
    'Dana Whitfield',
    'Whitfield',
    'Martin Kowalski',
    'Priya Raman',
  ],
  searchWord: 'Gabuev',
};

/** Title suffix for a test on the shared seed, saying plainly when it is skipped. */
export const SHARED_SKIP_REASON =
  '../shared is not beside the checkout: the original seed article is not tested';
