/**
 * The data files of the browser build, inlined: package path (`data/vader/vader_lexicon.txt`) to
 * text. Generated into `dist/browser/data.js` by `scripts/browser-build.ts`; this declaration lets
 * `browser.ts` type-check without the generated module.
 */
export declare const packageFiles: Readonly<Record<string, string>>;
