/** What a CLI command hands back to be printed: its exit status, text lines, and the --json summary. */
export type CommandOutput = { exitCode: number; text: string[]; json: unknown };
