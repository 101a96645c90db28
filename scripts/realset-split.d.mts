/** Types for realset-split.mjs (the real set's fixed split rule). */
export function siteOf(url: string): string;
export function splitOfSite(site: string): 'train' | 'dev' | 'test';
export function splitOfUrl(url: string): 'train' | 'dev' | 'test';
