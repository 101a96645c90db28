// Types for the small readerable check, imported on its own so the content script does not pull in
// the whole Readability parser (the package entry re-exports both).
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    document: Document,
    options?: {
      minContentLength?: number;
      minScore?: number;
      visibilityChecker?: (node: Node) => boolean;
    },
  ): boolean;
}
