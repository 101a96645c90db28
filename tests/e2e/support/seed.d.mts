export interface SeedExpert {
  id: string;
  name: string;
  organization: string | null;
  marks: string;
  focusable: number;
}
export interface SeedPage {
  present: boolean;
  path: string;
  title: string;
  experts: SeedExpert[];
  split: { id: string; name: string; first: string };
  linked: { id: string; name: string; organization: string; href: string };
  other: { id: string; name: string; organization: string };
  notExperts: string[];
  searchWord: string;
}
export declare const SEED: SeedPage;
export declare const SHARED_SEED: SeedPage;
export declare const SHARED_SKIP_REASON: string;
