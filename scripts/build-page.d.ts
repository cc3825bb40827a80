/** Bundles src/local/page into `outdir` (default dist/local/page); resolves to the directory. */
export function buildPage(opts?: { outdir?: string; minify?: boolean }): Promise<string>;
export const DEFAULT_OUT: string;
