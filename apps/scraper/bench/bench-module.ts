/** One benchmark that bench/index.ts runs. `run` resolves false when it cannot run. */
export type BenchModule = { name: string; run: () => Promise<boolean> };
