/** Types for score-realset.mjs (the real set's scorer); only what the tests use. */
interface Named {
  name: string;
}
type Label = 'durable' | 'fragile' | 'neutral';
export function sameName(a: string, b: string): boolean;
export function sameOrg(gold: string | null, found: string | null): boolean;
export function matchPeople(
  gold: Named[],
  found: Named[],
): { pairs: [number, number][]; usedG: Set<number>; usedF: Set<number> };
export function macroF1(conf: Record<Label, Record<Label, number>>): number;
