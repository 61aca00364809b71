/** Types of scripts/build-cli.mjs, for the test set-up that calls it. */
export declare const LIB: string;
export declare const ENTRIES: Record<string, string>;
/** Builds the CLI into `outdir` (default lib/); resolves to the names of the files written. */
export declare function buildCli(options?: { outdir?: string }): Promise<string[]>;
