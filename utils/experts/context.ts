/**
 * What the expert stages share about one text: its sentences, the people scan and the organisations
 * it defines.
 */
import type { PeopleScan } from '../people';
import { type SentenceSpan } from '../sentences';

export interface Ctx {
  sentences: SentenceSpan[];
  scan: PeopleScan;
  personSurnames: Set<string>;
  definedOrgs: Map<string, string>;
  /** For each sentence, the organisation last named in a sentence about a report, up to that sentence. */
  reportOrgAt: (string | null)[];
}
