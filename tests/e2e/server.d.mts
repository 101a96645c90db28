export declare const repoRoot: string;
export declare const sharedDir: string;
export declare const fixturesDir: string;
export declare const seedFile: string;
export declare const sharedSeedFile: string;
export declare const hasShared: boolean;
export declare const vendoredCorpusDir: string;
export declare const corpusDir: string;
export declare function listCorpus(): string[];
export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}
export declare function startServer(options?: { log?: (line: string) => void }): Promise<FixtureServer>;
